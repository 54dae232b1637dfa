package org.devicemanagement.adapters.rest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Objects;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.adapters.rest.FailureInjectingTenant.Port;
import org.devicemanagement.adapters.rest.control.ControlApi;
import org.devicemanagement.domain.User;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestServer} per test class, reset to a fresh tenant before each test; register it as
 * {@code @RegisterExtension static final TestServerExtension server = new TestServerExtension();}.
 */
final class TestServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  private final TestServer.Builder options;
  private volatile @Nullable TestServer running;

  /** A server with {@link TestServer}'s defaults. */
  TestServerExtension() {
    this(TestServer.builder());
  }

  /** A server built by {@code options}. */
  TestServerExtension(TestServer.Builder options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    running = options.start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server().reset();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    TestServer server = running;
    running = null;
    if (server != null) {
      server.close();
    }
  }

  /** The running server. */
  TestServer server() {
    TestServer server = running;
    if (server == null) {
      throw new IllegalStateException("the server runs only while its test class does");
    }
    return server;
  }

  // ---- the running server's API, so that tests read server.post(...) ----------------------------

  URI base() {
    return server().base();
  }

  InMemoryTenant tenant() {
    return server().tenant();
  }

  ControlApi control() {
    return server().control();
  }

  /** {@code DELETE path}, with no token. */
  HttpResponse<String> delete(String path) {
    return server().send(server().request(path).DELETE());
  }

  /** {@code POST path} with {@code json} as the body, with no token. */
  HttpResponse<String> postJson(String path, String json) {
    return server()
        .send(
            server()
                .request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** {@code GET path}, with no token. */
  HttpResponse<String> get(String path) {
    return server().send(server().request(path).GET());
  }

  void fail(Port port, User user, RuntimeException failure) {
    server().fail(port, user, failure);
  }

  List<Object> received() {
    return server().received();
  }

  HttpRequest.Builder request(String path) {
    return server().request(path);
  }

  HttpRequest.Builder authorized(String path, String token) {
    return server().authorized(path, token);
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    return server().send(request);
  }

  HttpResponse<String> post(String path, String token) {
    return server().post(path, token);
  }

  HttpResponse<String> get(String path, String token) {
    return server().get(path, token);
  }
}
