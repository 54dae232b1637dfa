package org.devicemanagement.adapters.rest;

import org.junit.jupiter.api.BeforeAll;

/**
 * Every case of {@link ErrorResponsesHttpTest} again, against the server with {@code RetireAllHandler} in front of
 * Jersey: the error cases must not change with the path that serves them.
 */
class ErrorResponsesOnJettyHttpTest extends ErrorResponsesHttpTest {

  // Hides the parent's start(), so that only this server is started for these cases.
  @BeforeAll
  static void start() {
    server = RestTestData.serverWithRetireAllOnJetty();
  }
}
