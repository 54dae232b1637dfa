package org.devicemanagement.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditEvents;
import org.devicemanagement.application.audit.AuditField;
import org.devicemanagement.application.audit.AuditFilter;
import org.devicemanagement.application.audit.AuditFilter.TimeOperator;
import org.devicemanagement.application.audit.AuditPage;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.audit.RetireAllAudit;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.RetireAllRule;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link AuditTrail} adapter must keep: events come back exactly as recorded (to
 * the microsecond), ids are unique ignoring case, searches filter, order and page by keyset without
 * loss or repetition, and the daily limit's count sums successful retire-alls. Implement it in the
 * adapter's tests; JUnit runs the inherited tests.
 */
public interface AuditTrailContract {

  /** An adapter whose trail holds no event. */
  AuditTrail emptyTrail();

  /** When the test events happen: a microsecond-precise instant. */
  Instant T0 = Instant.parse("2026-03-01T09:00:00.123456Z");

  /** A successful retire-all of Adele's devices at {@code at}, recording her changed devices. */
  static AuditEvent retireAll(Instant at) {
    RetireAllOutcome outcome =
        RetireAllRule.applyTo(
            ApplicationTestData.adele().id(),
            List.of(
                ApplicationTestData.device(ApplicationTestData.adele(), ManagementState.MANAGED),
                ApplicationTestData.device(
                    ApplicationTestData.adele(), ManagementState.WIPE_PENDING),
                ApplicationTestData.device(ApplicationTestData.adele(), ManagementState.UNHEALTHY)),
            at);
    return ApplicationTestData.audit().eventFor(outcome);
  }

  /** A retire-all refused at {@code at} with code {@code code}. */
  static AuditEvent refused(Instant at, String code) {
    return ApplicationTestData.audit().refused(at, code);
  }

  /** Every page of {@code query}, {@code pageSize} at a time, concatenated. */
  private static List<AuditEvent> allPages(AuditTrail trail, AuditQuery query, int pageSize) {
    List<AuditEvent> all = new ArrayList<>();
    Optional<String> token = Optional.empty();
    for (int page = 0; page < 100; page++) {
      AuditPage result = trail.searchEvents(query, pageSize, token);
      assertThat(result.events()).hasSizeLessThanOrEqualTo(pageSize);
      all.addAll(result.events());
      token = result.nextSkipToken();
      if (token.isEmpty()) {
        return all;
      }
    }
    throw new AssertionError("more than 100 pages");
  }

  private static List<String> ids(List<AuditEvent> events) {
    return events.stream().map(AuditEvent::id).toList();
  }

  /**
   * Seven events: two at the same instant (ordered by id among themselves), refusals and check-in
   * completions, one second apart otherwise; returned in the order they happened.
   */
  private static List<AuditEvent> recordSeven(AuditTrail trail) {
    List<AuditEvent> events = new ArrayList<>();
    events.add(retireAll(T0));
    events.add(refused(T0.plusSeconds(1), "MISSING_PERMISSION"));
    AuditEvent a = withId(retireAll(T0.plusSeconds(2)), "00000000-0000-4000-8000-00000000000a");
    AuditEvent b =
        withId(
            refused(T0.plusSeconds(2), "USER_NOT_FOUND"), "00000000-0000-4000-8000-00000000000b");
    events.add(a);
    events.add(b);
    events.add(refused(T0.plusSeconds(3), "DAILY_RETIRE_LIMIT"));
    events.add(retireAll(T0.plusSeconds(4)));
    events.add(retireAll(T0.plusSeconds(5)));
    for (AuditEvent event :
        List.of(
            events.get(6),
            events.get(3),
            events.get(0),
            events.get(5),
            events.get(2),
            events.get(4),
            events.get(1))) {
      trail.record(event);
    }
    return events;
  }

  private static AuditEvent withId(AuditEvent e, String id) {
    return withIds(e, id, e.correlationId());
  }

  /** {@code e} with the id {@code id} and the correlation id {@code correlationId}. */
  static AuditEvent withIds(AuditEvent e, String id, String correlationId) {
    return new AuditEvent(
        id,
        e.displayName(),
        e.componentName(),
        e.actor(),
        e.activity(),
        e.activityDateTime(),
        e.activityType(),
        e.activityOperationType(),
        e.activityResult(),
        correlationId,
        e.resources(),
        e.category());
  }

  @Test
  default void givenRecordedEvents_whenFoundByIdInAnyCase_thenExactlyAsRecorded() {
    AuditTrail trail = emptyTrail();
    AuditEvent retire = retireAll(T0);
    AuditEvent refusal = refused(T0.plusSeconds(1), "MISSING_PERMISSION");
    AuditEvent system =
        withId(
            new AuditEvent(
                "x",
                "Retire completed at check-in: laptop",
                AuditEvents.COMPONENT_NAME,
                AuditEvents.system(),
                "Retire completed at check-in",
                T0.plusSeconds(2),
                AuditEvents.RETIRE_COMPLETED_ACTIVITY_TYPE,
                AuditEvents.ACTION,
                AuditEvents.SUCCESS,
                "corr",
                List.of(),
                AuditEvents.CATEGORY),
            "ABCDEF00-0000-4000-8000-000000000001");

    trail.record(retire);
    trail.record(refusal);
    trail.record(system);

    assertThat(retire.resources()).hasSize(2);
    assertThat(trail.findEventById(retire.id())).contains(retire);
    assertThat(trail.findEventById(refusal.id().toUpperCase(Locale.ROOT))).contains(refusal);
    assertThat(trail.findEventById("abcdef00-0000-4000-8000-000000000001")).contains(system);
    assertThat(trail.findEventById("00000000-0000-4000-8000-000000000000")).isEmpty();
  }

  @Test
  default void givenRecordedEvent_whenAnotherWithItsIdInOtherCaseRecorded_thenRefusedAndKept() {
    AuditTrail trail = emptyTrail();
    AuditEvent first = withId(retireAll(T0), "abcdef00-0000-4000-8000-000000000002");
    trail.record(first);

    assertThatThrownBy(
            () ->
                trail.record(
                    withId(
                        refused(T0.plusSeconds(1), "X"), "ABCDEF00-0000-4000-8000-000000000002")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(allPages(trail, AuditQuery.ALL, 10)).containsExactly(first);
  }

  @Test
  default void givenEvents_whenPagedInTwosNewestFirst_thenEachOnceNewestFirstIdsBreakingTies() {
    AuditTrail trail = emptyTrail();
    List<AuditEvent> events = recordSeven(trail);

    List<AuditEvent> listed = allPages(trail, AuditQuery.ALL, 2);

    assertThat(ids(listed))
        .containsExactly(
            events.get(6).id(),
            events.get(5).id(),
            events.get(4).id(),
            events.get(3).id(),
            events.get(2).id(),
            events.get(1).id(),
            events.get(0).id());
    assertThat(listed).containsExactlyInAnyOrderElementsOf(events);
  }

  @Test
  default void givenEvents_whenPagedInThreesOldestFirst_thenEachOnceOldestFirst() {
    AuditTrail trail = emptyTrail();
    List<AuditEvent> events = recordSeven(trail);

    List<AuditEvent> listed = allPages(trail, new AuditQuery(Optional.empty(), false), 3);

    assertThat(ids(listed)).containsExactlyElementsOf(ids(events));
  }

  @Test
  default void givenTimeBounds_whenSearched_thenEachOperatorKeepsItsBoundary() {
    AuditTrail trail = emptyTrail();
    List<AuditEvent> events = recordSeven(trail);
    Instant two = T0.plusSeconds(2);

    assertThat(search(trail, new AuditFilter.ActivityTime(TimeOperator.GE, two))).hasSize(5);
    assertThat(search(trail, new AuditFilter.ActivityTime(TimeOperator.GT, two))).hasSize(3);
    assertThat(search(trail, new AuditFilter.ActivityTime(TimeOperator.LE, two))).hasSize(4);
    assertThat(search(trail, new AuditFilter.ActivityTime(TimeOperator.LT, two))).hasSize(2);
    assertThat(search(trail, new AuditFilter.ActivityTime(TimeOperator.GT, two.minusNanos(1))))
        .as("a bound finer than a microsecond")
        .hasSize(5);
    assertThat(search(trail, new AuditFilter.ActivityTime(TimeOperator.LT, two.plusNanos(1))))
        .hasSize(4);
    assertThat(
            ids(
                search(
                    trail,
                    AuditFilter.and(
                        new AuditFilter.ActivityTime(TimeOperator.GE, T0.plusSeconds(1)),
                        new AuditFilter.ActivityTime(TimeOperator.LT, T0.plusSeconds(3))))))
        .containsExactly(events.get(3).id(), events.get(2).id(), events.get(1).id());
  }

  @Test
  default void givenTextFilters_whenSearched_thenCompareIgnoringCaseWithAndOr() {
    AuditTrail trail = emptyTrail();
    List<AuditEvent> events = recordSeven(trail);
    AuditFilter failures = new AuditFilter.Text(AuditField.ACTIVITY_RESULT, true, "fAILURE");
    AuditFilter notFailures = new AuditFilter.Text(AuditField.ACTIVITY_RESULT, false, "failure");
    AuditFilter byCorrelation =
        new AuditFilter.Text(
            AuditField.CORRELATION_ID,
            true,
            events.get(0).correlationId().toUpperCase(Locale.ROOT));

    assertThat(search(trail, failures)).hasSize(3);
    assertThat(search(trail, notFailures)).hasSize(4);
    assertThat(search(trail, byCorrelation)).containsExactly(events.get(0));
    assertThat(search(trail, AuditFilter.or(failures, byCorrelation))).hasSize(4);
    assertThat(search(trail, AuditFilter.and(failures, byCorrelation))).isEmpty();
    assertThat(
            search(
                trail,
                AuditFilter.and(
                    new AuditFilter.Text(
                        AuditField.ACTIVITY_TYPE,
                        true,
                        AuditEvents.RETIRE_ALL_ACTIVITY_TYPE.toLowerCase(Locale.ROOT)),
                    AuditFilter.and(
                        new AuditFilter.Text(AuditField.COMPONENT_NAME, true, "managedDEVICES"),
                        AuditFilter.and(
                            new AuditFilter.Text(AuditField.CATEGORY, true, "device"),
                            new AuditFilter.Text(
                                AuditField.ACTIVITY_OPERATION_TYPE, true, "action"))))))
        .hasSize(7);
  }

  @Test
  default void givenFilter_whenPagedInTwos_thenOnlyMatchingEachOnce() {
    AuditTrail trail = emptyTrail();
    recordSeven(trail);
    AuditFilter successes = new AuditFilter.Text(AuditField.ACTIVITY_RESULT, true, "success");

    List<AuditEvent> listed = allPages(trail, new AuditQuery(Optional.of(successes), true), 2);

    assertThat(listed).hasSize(4).doesNotHaveDuplicates().allMatch(successes::test);
  }

  @Test
  default void givenFirstPage_whenNewerEventsRecordedBeforeTheNext_thenNothingRepeatedOrSkipped() {
    AuditTrail trail = emptyTrail();
    List<AuditEvent> events = recordSeven(trail);
    AuditPage first = trail.searchEvents(AuditQuery.ALL, 3, Optional.empty());

    trail.record(retireAll(T0.plusSeconds(60)));
    List<AuditEvent> rest = new ArrayList<>();
    Optional<String> token = first.nextSkipToken();
    while (token.isPresent()) {
      AuditPage page = trail.searchEvents(AuditQuery.ALL, 3, token);
      rest.addAll(page.events());
      token = page.nextSkipToken();
    }

    List<AuditEvent> seen = new ArrayList<>(first.events());
    seen.addAll(rest);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(events);
  }

  @Test
  default void givenTokenOfTheOtherOrderOrGarbage_whenSearched_thenInvalidRequest() {
    AuditTrail trail = emptyTrail();
    recordSeven(trail);
    String newestFirst =
        trail.searchEvents(AuditQuery.ALL, 2, Optional.empty()).nextSkipToken().orElseThrow();

    assertThatThrownBy(
            () ->
                trail.searchEvents(
                    new AuditQuery(Optional.empty(), false), 2, Optional.of(newestFirst)))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> trail.searchEvents(AuditQuery.ALL, 2, Optional.of("not-a-token")))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  default void
      givenRetiresRefusalsAndCompletions_whenCounted_thenOnlySuccessfulRetireAllsInRange() {
    AuditTrail trail = emptyTrail();
    recordSeven(trail);
    RetireAllAudit audit = ApplicationTestData.audit();
    trail.record(
        audit.eventFor(RetireAllRule.applyTo(ApplicationTestData.megan().id(), List.of(), T0)));

    assertThat(trail.devicesRetiredBetween(T0, T0.plusSeconds(6)))
        .as("four successful retire-alls of two devices each, one of none")
        .isEqualTo(8);
    assertThat(trail.devicesRetiredBetween(T0.plusSeconds(2), T0.plusSeconds(5)))
        .as("from inclusive, until exclusive")
        .isEqualTo(4);
    assertThat(trail.devicesRetiredBetween(T0.plusSeconds(6), T0.plusSeconds(60))).isZero();
  }

  private static List<AuditEvent> search(AuditTrail trail, AuditFilter filter) {
    return allPages(trail, new AuditQuery(Optional.of(filter), true), 1000);
  }
}
