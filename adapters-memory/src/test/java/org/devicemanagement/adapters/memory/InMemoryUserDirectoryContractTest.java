package org.devicemanagement.adapters.memory;

import java.util.List;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.application.port.out.UserDirectoryContract;
import org.devicemanagement.domain.User;

/** Runs the {@link UserDirectory} contract against the in-memory tenant. */
class InMemoryUserDirectoryContractTest extends UserDirectoryContract {

  @Override
  protected UserDirectory directoryWith(List<User> users) {
    return InMemoryTenant.of(users, List.of());
  }
}
