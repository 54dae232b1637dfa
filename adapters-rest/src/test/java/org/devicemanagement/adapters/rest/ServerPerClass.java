package org.devicemanagement.adapters.rest;

import org.devicemanagement.adapters.rest.RestTestData.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One running {@link TestServer} per test class, its fake reset before each test; a subclass that
 * declares its own static {@code start()} hides this one and starts another kind of server.
 */
abstract class ServerPerClass {

  static TestServer server;

  @BeforeAll
  static void start() {
    server = RestTestData.server();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @BeforeEach
  void resetFake() {
    server.fake.reset();
  }
}
