package org.devicemanagement.application.port.out;

import java.time.Instant;
import java.util.List;
import org.devicemanagement.application.MovableClock;
import org.devicemanagement.application.fake.FakeBulkRetirement;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;

/** The fake tenant the offboarding service's tests use keeps the contract Graph's adapter keeps. */
class FakeBulkRetirementContractTest implements BulkRetirementContract {

  @Override
  public BulkRetirement bulkWith(List<User> users, List<ManagedDevice> devices) {
    FakeBulkRetirement fake =
        new FakeBulkRetirement(new MovableClock(Instant.parse("2026-03-02T09:00:00Z")));
    for (User user : users) {
      fake.with(user, devices.stream().filter(d -> d.belongsTo(user.id())).toList());
    }
    return fake;
  }
}
