package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.devicemanagement.adapters.rest.routing.ControlRoute;
import org.devicemanagement.adapters.rest.routing.NoRoute;
import org.devicemanagement.adapters.rest.routing.Resolution;
import org.devicemanagement.adapters.rest.routing.Route;
import org.devicemanagement.adapters.rest.routing.RouteTable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Path resolution against the routes derived from the resource classes: Graph's spelling of every
 * known segment whatever the request's case, and Graph's OData key syntax, {@code users('<key>')},
 * beside the plain {@code users/<key>}; and that routes have one source, the resource methods' own
 * {@code @Path} annotations.
 */
class RouteTableTest {

  private static final RouteTable ROUTES = GraphRestApi.routes();

  /** A JAX-RS path parameter, {@code {name}} or {@code {name: pattern}}. */
  private static final Pattern PARAMETER =
      Pattern.compile("\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*(?::\\s*(.*?)\\s*)?}");

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
        "v1.0/deviceManagement/auditEvents/getAuditActivityTypes(category='Device')|Device",
        "v1.0/deviceManagement/auditEvents/getAuditActivityTypes(CATEGORY='O''Neil')|O'Neil",
        "v1.0/deviceManagement/auditEvents/getAuditActivityTypes('Device')|Device",
        "v1.0/deviceManagement/auditEvents/getAuditActivityTypes(category=%27a%20b%27)|a b"
      })
  void givenAFunctionWithItsParameter_whenResolved_thenTheParameterIsTheSegmentAfterItsName(
      String path, String category) {
    Route route = (Route) ROUTES.resolve(path);

    assertThat(route.template().path()).endsWith("getAuditActivityTypes/{category}");
    assertThat(route.parameter("category")).isEqualTo(category);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "v1.0/deviceManagement/auditEvents/getAuditCategories()",
        "v1.0/deviceManagement/auditEvents/GETAUDITCATEGORIES()",
        "v1.0/deviceManagement/auditEvents/microsoft.graph.getAuditCategories"
      })
  void givenAFunctionCalledWithoutParameters_whenResolved_thenTheFunctionsRoute(String path) {
    Route route = (Route) ROUTES.resolve(path);

    assertThat(route.template().path()).endsWith("auditEvents/getAuditCategories");
    assertThat(route.canonicalPath())
        .isEqualTo("v1.0/deviceManagement/auditEvents/getAuditCategories");
  }

  @Test
  void givenAFunctionWithAnotherParameterName_whenResolved_thenItIsAnAuditEventId() {
    Route route =
        (Route) ROUTES.resolve("v1.0/deviceManagement/auditEvents/getAuditActivityTypes(x='y')");

    assertThat(route.template().path()).endsWith("auditEvents/{id}");
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

  @Test
  void givenTheResourceClasses_whenRoutesDerived_thenEveryResourcePathIsARouteWithItsMethods() {
    assertThat(ROUTES.templates())
        .extracting(t -> t.path() + " " + t.methods())
        .containsExactlyInAnyOrder(
            "{version: v1\\.0|beta}/users/{user}/removeAllDevicesFromManagement [POST]",
            "{version: v1\\.0|beta}/me/removeAllDevicesFromManagement [POST]",
            "{version: v1\\.0|beta}/users/{user}/managedDevices [GET]",
            "{version: v1\\.0|beta}/me/managedDevices [GET]",
            "{version: v1\\.0|beta}/deviceManagement/managedDevices [GET]",
            "{version: v1\\.0|beta}/deviceManagement/managedDevices/{id} [GET]",
            "{version: v1\\.0|beta}/deviceManagement/auditEvents [GET]",
            "{version: v1\\.0|beta}/deviceManagement/auditEvents/{id} [GET]",
            "{version: v1\\.0|beta}/deviceManagement/auditEvents/getAuditCategories [GET]",
            "{version: v1\\.0|beta}/deviceManagement/auditEvents/getAuditActivityTypes/{category} [GET]",
            "{version: v1\\.0|beta}/users/{user} [GET]",
            "{version: v1\\.0|beta}/me [GET]",
            "{version: v1\\.0|beta}/$batch [POST]");
  }

  @Test
  void givenABoundActionRoute_whenResolved_thenItNamesTheActionOnce() {
    Route route = (Route) ROUTES.resolve("v1.0/me/microsoft.graph.removeAllDevicesFromManagement");

    assertThat(route.boundOperation()).isEqualTo("removeAllDevicesFromManagement");
    assertThat(route.template().parameterNames()).isEqualTo(List.of("version"));
  }

  // ---- one source of routes: the resource classes' own annotations ----------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyResourceMethodOfTheApi")
  void givenAResourceMethodOfTheApi_whenItsPathIsResolved_thenTheRouteServesItsHttpMethod(
      DeclaredRequest request) {
    assertReachable(ROUTES, request);
  }

  static Stream<DeclaredRequest> everyResourceMethodOfTheApi() {
    return declaredRequests(GraphRestApi.resourceClasses()).stream();
  }

  @Test
  void givenATestOnlyResourceAddedToTheResourceList_whenRoutesDerived_thenItsPathResolvesToo() {
    assertThat(ROUTES.resolve("v1.0/deviceManagement/widgets/w-1"))
        .isEqualTo(new NoRoute("Resource not found for the segment 'widgets'."));
    List<Class<?>> resourceClasses = new ArrayList<>(GraphRestApi.resourceClasses());
    resourceClasses.add(WidgetResource.class);

    RouteTable routes = RouteTable.of(resourceClasses);

    Route route = (Route) routes.resolve("BETA/DeviceManagement/WIDGETS/w-1");
    assertThat(route.canonicalPath()).isEqualTo("beta/deviceManagement/widgets/w-1");
    assertThat(route.parameter("widget")).isEqualTo("w-1");
    assertThat(route.template().methods()).containsExactly("GET");
    assertThat(routes.templates()).hasSize(ROUTES.templates().size() + 1);
    declaredRequests(resourceClasses).forEach(request -> assertReachable(routes, request));
  }

  @Test
  void givenAControlResource_whenRoutesDerived_thenItsRoutesAreControlRoutesBesideGraphs() {
    List<Class<?>> resourceClasses = new ArrayList<>(GraphRestApi.resourceClasses());
    resourceClasses.add(GaugeResource.class);

    RouteTable routes = RouteTable.of(resourceClasses);

    Route gauge = (Route) routes.resolve("/_EMULATOR/Gauges/g-1");
    assertThat(gauge.canonicalPath()).isEqualTo("_emulator/gauges/g-1");
    assertThat(gauge.parameter("gauge")).isEqualTo("g-1");
    assertThat(gauge.template().control()).isTrue();
    assertThat(((Route) routes.resolve("v1.0/me")).template().control()).isFalse();
    assertThat(routes.resolve("_emulator/widgets"))
        .isEqualTo(new NoRoute("Resource not found for the segment 'widgets'."));
    assertThat(ROUTES.resolve("_emulator/gauges/g-1"))
        .isEqualTo(new NoRoute("Invalid version: _emulator"));
  }

  @Test
  void givenAControlResourceSharingAGraphPath_whenRoutesDerived_thenRefused() {
    List<Class<?>> resourceClasses = new ArrayList<>(GraphRestApi.resourceClasses());
    resourceClasses.add(ControlMeResource.class);

    assertThatThrownBy(() -> RouteTable.of(resourceClasses))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both control and Graph");
  }

  /** A control resource only this test serves. */
  @ControlRoute
  @Path("_emulator")
  static final class GaugeResource {
    @GET
    @Path("gauges/{gauge}")
    public String gauge() {
      return "";
    }
  }

  /** A control resource claiming a Graph route. */
  @ControlRoute
  @Path("{version: v1\\.0|beta}")
  static final class ControlMeResource {
    @GET
    @Path("me")
    public String me() {
      return "";
    }
  }

  /** A resource only this test serves, sharing {@code deviceManagement} with a real route. */
  @Path("{version: v1\\.0|beta}") // the pattern must equal GraphVersions.TEMPLATE's
  static final class WidgetResource {
    @GET
    @Path("deviceManagement/widgets/{widget}")
    public String widget() {
      return "";
    }
  }

  /**
   * One request a resource method declares it serves: its HTTP method, a concrete path built from
   * its {@code @Path} template, and the parameter values that path carries.
   */
  record DeclaredRequest(
      String resourceMethod,
      String httpMethod,
      String template,
      String path,
      Map<String, String> parameters) {
    @Override
    public String toString() {
      return httpMethod + " " + path + " (" + resourceMethod + ")";
    }
  }

  private static void assertReachable(RouteTable routes, DeclaredRequest request) {
    Resolution resolution = routes.resolve(request.path());
    assertThat(resolution).as(request.toString()).isInstanceOf(Route.class);
    Route route = (Route) resolution;
    assertThat(route.template().path()).as(request.toString()).isEqualTo(request.template());
    assertThat(route.template().methods()).as(request.toString()).contains(request.httpMethod());
    request
        .parameters()
        .forEach(
            (name, value) ->
                assertThat(route.parameter(name)).as(request.toString()).isEqualTo(value));
  }

  /**
   * Every request the resource methods of {@code resourceClasses} declare, read straight from their
   * JAX-RS annotations (not from Jersey's model, which {@link RouteTable} reads): one per choice of
   * each parameter restricted to literal choices, such as the version.
   */
  private static List<DeclaredRequest> declaredRequests(List<Class<?>> resourceClasses) {
    List<DeclaredRequest> requests = new ArrayList<>();
    for (Class<?> resourceClass : resourceClasses) {
      Path classPath = resourceClass.getAnnotation(Path.class);
      for (Method method : resourceClass.getMethods()) {
        String httpMethod = httpMethodOf(method);
        if (httpMethod == null) {
          continue;
        }
        Path methodPath = method.getAnnotation(Path.class);
        String template =
            Stream.of(classPath, methodPath)
                .filter(Objects::nonNull)
                .map(Path::value)
                .flatMap(value -> Stream.of(value.split("/")))
                .filter(segment -> !segment.isEmpty())
                .reduce((a, b) -> a + "/" + b)
                .orElse("");
        String name = resourceClass.getSimpleName() + "." + method.getName();
        for (Map<String, String> parameters : parameterChoices(template)) {
          requests.add(
              new DeclaredRequest(
                  name, httpMethod, template, fill(template, parameters), parameters));
        }
      }
    }
    return requests;
  }

  private static @Nullable String httpMethodOf(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (httpMethod != null) {
        return httpMethod.value();
      }
    }
    return null;
  }

  /** Every assignment of values to the template's parameters: each literal choice, else a name. */
  private static List<Map<String, String>> parameterChoices(String template) {
    List<Map<String, String>> assignments = new ArrayList<>();
    assignments.add(new LinkedHashMap<>());
    Matcher parameter = PARAMETER.matcher(template);
    while (parameter.find()) {
      String name = parameter.group(1);
      List<String> values =
          parameter.group(2) == null
              ? List.of(name + "-1")
              : Stream.of(parameter.group(2).split("\\|"))
                  .map(choice -> choice.replace("\\.", "."))
                  .toList();
      List<Map<String, String>> extended = new ArrayList<>();
      for (Map<String, String> assignment : assignments) {
        for (String value : values) {
          Map<String, String> next = new LinkedHashMap<>(assignment);
          next.put(name, value);
          extended.add(next);
        }
      }
      assignments = extended;
    }
    return assignments;
  }

  private static String fill(String template, Map<String, String> parameters) {
    Matcher parameter = PARAMETER.matcher(template);
    StringBuilder path = new StringBuilder();
    while (parameter.find()) {
      parameter.appendReplacement(
          path, Matcher.quoteReplacement(parameters.get(parameter.group(1))));
    }
    parameter.appendTail(path);
    return path.toString();
  }
}
