package org.devicemanagement.adapters.rest;

import org.junit.jupiter.api.BeforeAll;

/**
 * Every case of {@link UserAndBackendFailuresHttpTest} again, against the server with {@code RetireAllHandler} in front of
 * Jersey: the backend-failure cases must not change with the path that serves them.
 */
class UserAndBackendFailuresOnJettyHttpTest extends UserAndBackendFailuresHttpTest {

  // Hides the parent's start(), so that only this server is started for these cases.
  @BeforeAll
  static void start() {
    server = RestTestData.serverWithRetireAllOnJetty();
  }
}
