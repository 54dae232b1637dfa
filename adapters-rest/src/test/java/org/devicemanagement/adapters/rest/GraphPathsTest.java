package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.devicemanagement.adapters.rest.http.GraphPaths;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Graph's OData key syntax, {@code users('<key>')}, beside the plain {@code users/<key>}. */
class GraphPathsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "v1.0/users('$x@contoso.com')/managedDevices|v1.0/users/$x@contoso.com/managedDevices",
        "v1.0/USERS('$x@contoso.com')/removeAllDevicesFromManagement|v1.0/users/$x@contoso.com/removeAllDevicesFromManagement",
        "beta/users('o''brien@contoso.com')/managedDevices|beta/users/o'brien@contoso.com/managedDevices",
        "v1.0/users('a%23b@contoso.com')/managedDevices|v1.0/users/a%23b@contoso.com/managedDevices",
        "v1.0/users('a b')/managedDevices|v1.0/users/a%20b/managedDevices",
        "v1.0/deviceManagement/managedDevices('d-1')|v1.0/deviceManagement/managedDevices/d-1",
        "v1.0/users/$x@contoso.com/managedDevices|v1.0/users/$x@contoso.com/managedDevices"
      })
  void givenKeySyntax_whenResolved_thenSameRouteAsThePlainSegment(String path, String canonical) {
    assertThat(GraphPaths.resolve(path)).isEqualTo(new GraphPaths.Route(canonical));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "v1.0/users('')/managedDevices",
        "v1.0/me('x')/managedDevices",
        "v1.0/users('x'/managedDevices",
        "v1.0/bogus('x')/managedDevices"
      })
  void givenKeySyntaxWhereNoKeyFits_whenResolved_thenNoRoute(String path) {
    assertThat(GraphPaths.resolve(path)).isInstanceOf(GraphPaths.NoRoute.class);
  }
}
