package org.devicemanagement.application.offboarding;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many users of a run ended each way, and how many devices were retired.
 *
 * @param users every user of the run
 * @param pending users not ended yet
 * @param done users whose devices were retired
 * @param nothingToDo users with no device to retire
 * @param notFound users the tenant does not have
 * @param refused users Graph refused to act on
 * @param failed users Graph failed on
 * @param devicesRetired devices the run's retire-alls changed
 */
public record OutcomeCounts(
    int users,
    int pending,
    int done,
    int nothingToDo,
    int notFound,
    int refused,
    int failed,
    int devicesRetired) {

  /** Checks that the counts add up. */
  public OutcomeCounts {
    if (pending + done + nothingToDo + notFound + refused + failed != users
        || Math.min(Math.min(pending, done), Math.min(nothingToDo, notFound)) < 0
        || Math.min(Math.min(refused, failed), devicesRetired) < 0) {
      throw new IllegalArgumentException(
          ("counts of %d users do not add up: %d pending, %d done, %d nothing to do, %d not found,"
                  + " %d refused, %d failed")
              .formatted(users, pending, done, nothingToDo, notFound, refused, failed));
    }
  }

  /** The counts of {@code progress}. */
  public static OutcomeCounts of(Collection<UserProgress> progress) {
    Map<UserOutcome, Integer> by = new EnumMap<>(UserOutcome.class);
    int retired = 0;
    for (UserProgress user : progress) {
      by.merge(user.outcome(), 1, Integer::sum);
      retired += user.devicesRetired();
    }
    return new OutcomeCounts(
        progress.size(),
        by.getOrDefault(UserOutcome.PENDING, 0),
        by.getOrDefault(UserOutcome.DONE, 0),
        by.getOrDefault(UserOutcome.NOTHING_TO_DO, 0),
        by.getOrDefault(UserOutcome.NOT_FOUND, 0),
        by.getOrDefault(UserOutcome.REFUSED, 0),
        by.getOrDefault(UserOutcome.FAILED, 0),
        retired);
  }

  /** How many users ended (not pending). */
  public int ended() {
    return users - pending;
  }

  /** Whether every user ended done or with nothing to do. */
  public boolean allFine() {
    return pending == 0 && notFound == 0 && refused == 0 && failed == 0;
  }
}
