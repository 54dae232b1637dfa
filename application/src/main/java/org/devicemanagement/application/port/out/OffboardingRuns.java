package org.devicemanagement.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.devicemanagement.application.offboarding.OffboardingRun;
import org.devicemanagement.application.offboarding.RunStatus;
import org.devicemanagement.application.offboarding.UserProgress;

/**
 * Where offboarding runs keep their progress, so that a run survives a crash and is resumed where
 * it stopped: every change is durable when the call returns.
 */
public interface OffboardingRuns {

  /**
   * Keeps a new run and its users as given (a new run's are all pending), in one step; the users
   * come back in the order of their positions.
   *
   * @throws IllegalArgumentException if a run with the same id is kept, or two users share a
   *     position
   */
  void create(OffboardingRun run, List<UserProgress> users);

  /** The run with id {@code id} (exact), its counts as its users stand now. */
  Optional<OffboardingRun> find(String id);

  /** Every run, newest first (by creation, then by id, descending), with its counts. */
  List<OffboardingRun> list();

  /**
   * The users of run {@code id}, in their order.
   *
   * @throws IllegalArgumentException if there is no such run
   */
  List<UserProgress> users(String id);

  /**
   * Replaces the progress of {@code users} (by position) in run {@code id}, and sets the run's
   * {@code updatedAt} to {@code at}, in one step: all of it or, when it throws, nothing.
   *
   * @throws IllegalArgumentException if there is no such run or user
   */
  void save(String id, List<UserProgress> users, Instant at);

  /**
   * Sets the status of run {@code id}.
   *
   * @throws IllegalArgumentException if there is no such run
   */
  void setStatus(String id, RunStatus status, String detail, Instant at);

  /**
   * How many devices the done users of every run retired, counting the users that ended in {@code
   * [from, until)}: the count a run keeps the tenant's daily retire limit against.
   */
  int devicesRetiredBetween(Instant from, Instant until);
}
