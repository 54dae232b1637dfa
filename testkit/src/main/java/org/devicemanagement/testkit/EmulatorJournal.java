package org.devicemanagement.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.devicemanagement.adapters.rest.control.PathGlob;
import org.opentest4j.AssertionFailedError;

/**
 * The emulator's request journal (through its control API), oldest first, with checks in the spirit
 * of WireMock's {@code verify}; emptied between tests.
 */
public final class EmulatorJournal {

  private final ControlClient control;

  EmulatorJournal(ControlClient control) {
    this.control = Objects.requireNonNull(control, "control");
  }

  /** Every request the journal holds, oldest first (requests inside a {@code $batch} included). */
  public List<RecordedRequest> requests() {
    List<RecordedRequest> newestFirst = new ArrayList<>();
    control
        .get("requests?limit=" + Integer.MAX_VALUE)
        .path("value")
        .forEach(entry -> newestFirst.add(RecordedRequest.of(entry)));
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  /**
   * The requests with {@code method} whose path matches {@code pathGlob}, written as a fault's path
   * ({@code *} one segment, {@code **} any number, segments ignoring case), oldest first.
   */
  public List<RecordedRequest> requests(String method, String pathGlob) {
    return requests().stream()
        .filter(r -> r.method().equalsIgnoreCase(method) && matches(pathGlob, r.path()))
        .toList();
  }

  /**
   * Checks that exactly {@code times} requests with {@code method} matched {@code pathGlob}.
   *
   * @throws AssertionFailedError listing the requests the journal holds when they did not
   */
  public void verify(int times, String method, String pathGlob) {
    List<RecordedRequest> matching = requests(method, pathGlob);
    if (matching.size() != times) {
      throw new AssertionFailedError(
          "expected %d request(s) %s %s, the emulator received %d; its journal:%n%s"
              .formatted(
                  times,
                  method,
                  pathGlob,
                  matching.size(),
                  requests().stream()
                      .map(r -> "  %s %s -> %d".formatted(r.method(), r.path(), r.status()))
                      .collect(Collectors.joining(System.lineSeparator()))),
          times,
          matching.size());
    }
  }

  /** Empties the journal. */
  public void clear() {
    control.delete("requests");
  }

  static boolean matches(String glob, String path) {
    // The fault's pattern, so that a test matches requests as its faults do.
    return PathGlob.parse(glob).matches(path);
  }
}
