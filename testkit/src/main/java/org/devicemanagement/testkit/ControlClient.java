package org.devicemanagement.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/** Calls the emulator's control API ({@code /_emulator/}) over HTTP, as any client would. */
final class ControlClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI control;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ControlClient(URI serverRoot) {
    this.control = Objects.requireNonNull(serverRoot, "serverRoot").resolve("_emulator/");
  }

  JsonNode get(String path) {
    return send(HttpRequest.newBuilder(control.resolve(path)).GET(), 200);
  }

  JsonNode post(String path, JsonNode body, int expected) {
    return send(
        HttpRequest.newBuilder(control.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
        expected);
  }

  void delete(String path) {
    send(HttpRequest.newBuilder(control.resolve(path)).DELETE(), 204);
  }

  ObjectMapper json() {
    return JSON;
  }

  private JsonNode send(HttpRequest.Builder request, int expected) {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("the emulator's control API did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the control API", e);
    }
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          "%s %s answered %d: %s"
              .formatted(
                  response.request().method(),
                  response.request().uri(),
                  response.statusCode(),
                  response.body()));
    }
    try {
      return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("the control API answered malformed JSON", e);
    }
  }
}
