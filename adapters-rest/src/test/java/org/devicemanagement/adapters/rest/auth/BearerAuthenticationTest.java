package org.devicemanagement.adapters.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.permission.Caller;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ContainerRequest;
import org.junit.jupiter.api.Test;

/**
 * The token of each request's own header reaches the verifier, also when the authentication takes
 * the token of a header it read just before.
 */
class BearerAuthenticationTest {

  private final List<String> verified = new ArrayList<>();
  private final Caller admin = ApplicationTestData.privilegedAdmin();
  private final BearerAuthentication authentication =
      new BearerAuthentication(
          token -> {
            verified.add(token);
            if (token.startsWith("bad")) {
              throw new InvalidAccessTokenException("refused");
            }
            return admin;
          });

  @Test
  void givenHeadersThatChange_whenAuthenticated_thenEachRequestsOwnTokenIsVerified() {
    authentication.authenticate(request(), "Bearer first");
    authentication.authenticate(request(), "Bearer first");
    authentication.authenticate(request(), "bearer  second ");
    assertThatThrownBy(() -> authentication.authenticate(request(), "Bearer bad-one"))
        .isInstanceOf(InvalidAccessTokenException.class);
    assertThatThrownBy(() -> authentication.authenticate(request(), "Basic first"))
        .isInstanceOf(MissingAccessTokenException.class);
    assertThatThrownBy(() -> authentication.authenticate(request(), null))
        .isInstanceOf(MissingAccessTokenException.class);
    authentication.authenticate(request(), "Bearer first");

    assertThat(verified).containsExactly("first", "first", "second", "bad-one", "first");
  }

  @Test
  void givenAToken_whenAuthenticated_thenTheRequestCarriesItsCaller() {
    ContainerRequest request = request();

    authentication.authenticate(request, "Bearer first");

    assertThat(BearerAuthentication.caller(request)).isSameAs(admin);
  }

  private static ContainerRequest request() {
    return new ContainerRequest(
        URI.create("http://localhost/"),
        URI.create("http://localhost/v1.0/me/removeAllDevicesFromManagement"),
        "POST",
        new AnonymousSecurityContext(false),
        new MapPropertiesDelegate(),
        null);
  }
}
