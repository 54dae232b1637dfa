package org.devicemanagement.adapters.rest.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The journal's bounded ring: newest first, the oldest overwritten, cleared, or off at size 0. */
class RequestJournalTest {

  private static void record(RequestJournal journal, String path) {
    journal.record(0, "GET", URI.create("http://h" + path), 200, path, path, 1, null);
  }

  private static List<String> paths(List<JournalEntry> entries) {
    return entries.stream().map(JournalEntry::rawPath).toList();
  }

  @Test
  void givenMoreRequestsThanTheCapacity_whenListed_thenTheNewestOnlyNewestFirst() {
    RequestJournal journal = new RequestJournal(3);
    for (int i = 1; i <= 5; i++) {
      record(journal, "/r" + i);
    }

    assertThat(paths(journal.newest(10))).containsExactly("/r5", "/r4", "/r3");
    assertThat(paths(journal.newest(2))).containsExactly("/r5", "/r4");
  }

  @Test
  void givenAClearedJournal_whenMoreRecorded_thenOnlyTheNewOnesListed() {
    RequestJournal journal = new RequestJournal(5);
    record(journal, "/old1");
    record(journal, "/old2");

    journal.clear();
    record(journal, "/new");

    assertThat(paths(journal.newest(10))).containsExactly("/new");
  }

  @Test
  void givenCapacityZero_whenRecorded_thenNothingIsKept() {
    RequestJournal journal = new RequestJournal(0);
    record(journal, "/r");

    assertThat(journal.enabled()).isFalse();
    assertThat(journal.newest(10)).isEmpty();
  }

  @Test
  void givenANegativeCapacity_whenCreated_thenRefused() {
    assertThatThrownBy(() -> new RequestJournal(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenManyThreadsRecording_whenListed_thenTheLastEntriesAreDistinctAndNoneIsLost()
      throws Exception {
    RequestJournal journal = new RequestJournal(1_000);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 250; i++) {
                    record(journal, "/t" + thread + "/" + i);
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      threads.shutdown();
    }

    List<JournalEntry> entries = journal.newest(2_000);
    Set<String> distinct = new HashSet<>(paths(entries));
    assertThat(entries).hasSize(1_000);
    assertThat(distinct).hasSize(1_000);
    assertThat(entries.get(0).sequence()).isEqualTo(999);
  }
}
