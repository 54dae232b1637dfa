package org.devicemanagement.adapters.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A sleeper that never waits: it records each delay asked of it and moves the fake clock instead.
 */
final class RecordingSleeper implements Sleeper {

  private final FakeClock clock;
  private final List<Duration> delays = new ArrayList<>();

  RecordingSleeper(FakeClock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    delays.add(duration);
    clock.advance(duration);
  }

  synchronized List<Duration> delays() {
    return List.copyOf(delays);
  }
}
