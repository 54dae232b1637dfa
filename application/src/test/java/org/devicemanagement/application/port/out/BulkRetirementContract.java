package org.devicemanagement.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.port.out.BulkRetirement.Answer;
import org.devicemanagement.application.port.out.BulkRetirement.AnswerKind;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link BulkRetirement} adapter must keep: an answer per user in the order
 * named, users found by sign-in name or id (ignoring case), a read's devices as the tenant holds
 * them, a retire-all applied by the domain's rule, an unknown user answered not found, and batches
 * of 1 to {@link BulkRetirement#MAX_USERS} users. Implement it in the adapter's tests.
 */
public interface BulkRetirementContract {

  /** An adapter over a tenant of exactly {@code users} and {@code devices}. */
  BulkRetirement bulkWith(List<User> users, List<ManagedDevice> devices);

  private BulkRetirement leavers(int users, int devicesEach) {
    List<User> all = new ArrayList<>();
    List<ManagedDevice> devices = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      User user = ApplicationTestData.leaver(i);
      all.add(user);
      for (int d = 0; d < devicesEach; d++) {
        devices.add(
            ApplicationTestData.leaverDevice(
                user, d, d == 0 ? ManagementState.MANAGED : ManagementState.WIPE_PENDING));
      }
    }
    return bulkWith(all, devices);
  }

  @Test
  default void
      givenUsersByNameAndId_whenDevicesAreRead_thenEachAnswerHoldsThatUsersDevicesInOrder() {
    BulkRetirement bulk = leavers(3, 2);
    User first = ApplicationTestData.leaver(0);
    User third = ApplicationTestData.leaver(2);

    List<Answer> answers =
        bulk.devicesOf(
            List.of(
                third.userPrincipalName().toUpperCase(java.util.Locale.ROOT),
                "nobody@contoso.com",
                first.id()));

    assertThat(answers)
        .extracting(Answer::kind)
        .containsExactly(AnswerKind.OK, AnswerKind.NOT_FOUND, AnswerKind.OK);
    assertThat(answers.get(0).user())
        .isEqualTo(third.userPrincipalName().toUpperCase(java.util.Locale.ROOT));
    assertThat(answers.get(0).devices())
        .extracting(ManagedDevice::userId, ManagedDevice::managementState)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(third.id(), ManagementState.MANAGED),
            org.assertj.core.groups.Tuple.tuple(third.id(), ManagementState.WIPE_PENDING));
    assertThat(answers.get(1).status()).isEqualTo(404);
    assertThat(answers.get(2).devices()).hasSize(2);
  }

  @Test
  default void givenUsers_whenRetired_thenRetireAllApplyAndAReadShowsThem() {
    BulkRetirement bulk = leavers(20, 2);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 19; i++) {
      names.add(ApplicationTestData.leaver(i).userPrincipalName());
    }
    names.add("nobody@contoso.com");

    List<Answer> answers = bulk.retireAll(names);

    assertThat(answers).hasSize(20);
    assertThat(answers.subList(0, 19)).extracting(Answer::kind).containsOnly(AnswerKind.OK);
    assertThat(answers.get(19).kind()).isEqualTo(AnswerKind.NOT_FOUND);
    List<Answer> after = bulk.devicesOf(List.of(names.get(0), names.get(18)));
    assertThat(after.get(0).devices())
        .extracting(ManagedDevice::managementState)
        .containsExactlyInAnyOrder(ManagementState.RETIRE_PENDING, ManagementState.WIPE_PENDING);
    List<Answer> untouched =
        bulk.devicesOf(List.of(ApplicationTestData.leaver(19).userPrincipalName()));
    assertThat(untouched.get(0).devices())
        .extracting(ManagedDevice::managementState)
        .contains(ManagementState.MANAGED);
  }

  @Test
  default void givenNoUserOrMoreThanABatch_whenCalled_thenItIsRefused() {
    BulkRetirement bulk = leavers(1, 1);
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i <= BulkRetirement.MAX_USERS; i++) {
      tooMany.add(ApplicationTestData.leaver(0).userPrincipalName());
    }

    assertThatThrownBy(() -> bulk.retireAll(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bulk.devicesOf(tooMany)).isInstanceOf(IllegalArgumentException.class);
    assertThat(bulk.target()).isNotBlank();
  }
}
