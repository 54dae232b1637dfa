package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.devicemanagement.adapters.rest.routing.NoRoute;
import org.devicemanagement.adapters.rest.routing.Resolution;
import org.devicemanagement.adapters.rest.routing.Route;
import org.devicemanagement.adapters.rest.routing.RouteTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Path resolution against the routes derived from the resource classes: Graph's spelling of every
 * known segment whatever the request's case, and Graph's OData key syntax, {@code users('<key>')},
 * beside the plain {@code users/<key>}.
 */
class RouteTableTest {

  private static final RouteTable ROUTES = GraphRestApi.routes();

  private static String canonicalPathOf(String path) {
    Resolution resolution = ROUTES.resolve(path);
    assertThat(resolution).isInstanceOf(Route.class);
    return ((Route) resolution).canonicalPath();
  }

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
    assertThat(canonicalPathOf(path)).isEqualTo(canonical);
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
    assertThat(ROUTES.resolve(path)).isInstanceOf(NoRoute.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "v1.0/users/u-1/removeAllDevicesFromManagement|v1.0/users/u-1/removeAllDevicesFromManagement",
        "/v1.0/users/u-1/removeAllDevicesFromManagement|v1.0/users/u-1/removeAllDevicesFromManagement",
        "/v1.0/users/u-1/managedDevices/|v1.0/users/u-1/managedDevices",
        "V1.0/users/u-1/managedDevices|v1.0/users/u-1/managedDevices",
        "/BETA/Users/U-1/ManagedDevices|beta/users/U-1/managedDevices",
        "v1.0/users/u-1/MANAGEDdevices|v1.0/users/u-1/managedDevices",
        "v1.0/users/u-1/microsoft.graph.removeAllDevicesFromManagement"
            + "|v1.0/users/u-1/removeAllDevicesFromManagement",
        "v1.0/ME/removeAllDevicesFromManagement|v1.0/me/removeAllDevicesFromManagement",
        "v1.0/me|v1.0/me",
        "v1.0/users/a%2Fb/managedDevices|v1.0/users/a%2Fb/managedDevices",
        "v%31.0/users/u-1/managedDevices|v1.0/users/u-1/managedDevices",
        "v1.0/deviceManagement/managedDevices/d-1|v1.0/deviceManagement/managedDevices/d-1",
        "v1.0/DEVICEMANAGEMENT/managedDevices/D-1|v1.0/deviceManagement/managedDevices/D-1"
      })
  void givenAnySpelling_whenResolved_thenGraphSpellingAndParametersKept(
      String path, String canonical) {
    assertThat(canonicalPathOf(path)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|The request URI names no version; use /v1.0 or /beta.",
        "/|The request URI names no version; use /v1.0 or /beta.",
        "v2.0/users/u-1/managedDevices|Invalid version: v2.0",
        "v1.0/deviceManagement|Resource not found for the segment 'deviceManagement'.",
        "v1.0/users//managedDevices|Resource not found for the segment ''.",
        "v1.0/users/u-1/devices|Resource not found for the segment 'devices'.",
        "v1.0/users/u-1/microsoft.graph.managedDevices"
            + "|Resource not found for the segment 'microsoft.graph.managedDevices'.",
        "v1.0/groups/g-1|Resource not found for the segment 'groups'."
      })
  void givenAPathNamingNoRoute_whenResolved_thenTheSegmentIsNamed(String path, String message) {
    assertThat(ROUTES.resolve(path)).isEqualTo(new NoRoute(message));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "v1.0/users('o''brien@contoso.com')/managedDevices|o'brien@contoso.com",
        "v1.0/users/a%20b/managedDevices|a b",
        "v1.0/users/a%23b@contoso.com/removeAllDevicesFromManagement|a#b@contoso.com",
        "BETA/users/U-1/microsoft.graph.removeAllDevicesFromManagement|U-1"
      })
  void givenAUserSegment_whenResolved_thenItsDecodedValueIsTheUserParameter(
      String path, String user) {
    Route route = (Route) ROUTES.resolve(path);

    assertThat(route.parameter("user")).isEqualTo(user);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "V1.0/me/removeAllDevicesFromManagement|v1.0",
        "beta/users/u-1/managedDevices|beta",
        "v%31.0/me|v1.0"
      })
  void givenAnySpellingOfTheVersion_whenResolved_thenTheVersionParameterIsGraphsSpelling(
      String path, String version) {
    assertThat(((Route) ROUTES.resolve(path)).parameter("version")).isEqualTo(version);
  }

  @org.junit.jupiter.api.Test
  void givenTheResourceClasses_whenRoutesDerived_thenEveryResourcePathIsARouteWithItsMethods() {
    assertThat(ROUTES.templates())
        .extracting(t -> t.path() + " " + t.methods())
        .containsExactlyInAnyOrder(
            "{version: v1\\.0|beta}/users/{user}/removeAllDevicesFromManagement [POST]",
            "{version: v1\\.0|beta}/me/removeAllDevicesFromManagement [POST]",
            "{version: v1\\.0|beta}/users/{user}/managedDevices [GET]",
            "{version: v1\\.0|beta}/me/managedDevices [GET]",
            "{version: v1\\.0|beta}/deviceManagement/managedDevices/{id} [GET]",
            "{version: v1\\.0|beta}/users/{user} [GET]",
            "{version: v1\\.0|beta}/me [GET]");
  }

  @org.junit.jupiter.api.Test
  void givenABoundActionRoute_whenResolved_thenItNamesTheActionOnce() {
    Route route = (Route) ROUTES.resolve("v1.0/me/microsoft.graph.removeAllDevicesFromManagement");

    assertThat(route.boundOperation()).isEqualTo("removeAllDevicesFromManagement");
    assertThat(route.template().parameterNames()).isEqualTo(List.of("version"));
  }
}
