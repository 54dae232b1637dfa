package org.devicemanagement.adapters.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.domain.User;

/** The tenant's users as Graph serves them ({@code GET /users/{id | userPrincipalName}}). */
public final class GraphUserDirectory implements UserDirectory {

  private static final String SELECT = "?$select=id,userPrincipalName,displayName";

  private final GraphHttp http;

  GraphUserDirectory(GraphHttp http) {
    this.http = Objects.requireNonNull(http, "http");
  }

  /** {@code GET /users/{id}?$select=id,userPrincipalName,displayName}; empty on 404. */
  @Override
  public Optional<User> findById(String id) {
    Objects.requireNonNull(id, "id");
    // Graph also resolves a sign-in name in this segment; the port asks for an object id only.
    return find(id).filter(user -> user.hasId(id));
  }

  /**
   * {@code GET /users/{userPrincipalName}?$select=id,userPrincipalName,displayName}; empty on 404.
   */
  @Override
  public Optional<User> findByUserPrincipalName(String userPrincipalName) {
    Objects.requireNonNull(userPrincipalName, "userPrincipalName");
    // Every sign-in name has an '@'; without one Graph would read the segment as an object id.
    if (!userPrincipalName.contains("@")) {
      return Optional.empty();
    }
    return find(userPrincipalName).filter(user -> user.hasUserPrincipalName(userPrincipalName));
  }

  private Optional<User> find(String idOrUserPrincipalName) {
    if (!GraphHttp.usableSegment(idOrUserPrincipalName)) {
      return Optional.empty();
    }
    GraphResponse response =
        http.send("GET", http.uri("/users/" + GraphHttp.segment(idOrUserPrincipalName) + SELECT));
    if (response.isNotFound()) {
      return Optional.empty();
    }
    http.requireStatus(response, 200);
    JsonNode body = http.jsonObject(response);
    return Optional.of(http.read(response, () -> GraphEntityReader.user(body)));
  }

  @Override
  public String toString() {
    return "GraphUserDirectory";
  }
}
