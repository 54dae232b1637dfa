package org.devicemanagement.adapters.rest;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.devicemanagement.adapters.rest.auth.AccessTokenVerifier;
import org.devicemanagement.adapters.rest.auth.BearerAuthentication;
import org.devicemanagement.adapters.rest.batch.BatchFeature;
import org.devicemanagement.adapters.rest.batch.BatchResource;
import org.devicemanagement.adapters.rest.control.ControlApi;
import org.devicemanagement.adapters.rest.conventions.RequestParameters;
import org.devicemanagement.adapters.rest.conventions.ResponseConventionsFilter;
import org.devicemanagement.adapters.rest.error.DeviceManagementExceptionMapper;
import org.devicemanagement.adapters.rest.error.InvalidAccessTokenExceptionMapper;
import org.devicemanagement.adapters.rest.error.MissingAccessTokenExceptionMapper;
import org.devicemanagement.adapters.rest.error.UnexpectedExceptionMapper;
import org.devicemanagement.adapters.rest.error.WebApplicationExceptionMapper;
import org.devicemanagement.adapters.rest.representation.JsonConventions;
import org.devicemanagement.adapters.rest.resource.AuditEventsResource;
import org.devicemanagement.adapters.rest.resource.DeviceManagementManagedDevicesResource;
import org.devicemanagement.adapters.rest.resource.RemoveAllDevicesFromManagementResource;
import org.devicemanagement.adapters.rest.resource.UserManagedDevicesResource;
import org.devicemanagement.adapters.rest.resource.UserResource;
import org.devicemanagement.adapters.rest.routing.AdmissionFilter;
import org.devicemanagement.adapters.rest.routing.RouteTable;
import org.glassfish.jersey.inject.hk2.AbstractBinder;
import org.glassfish.jersey.internal.inject.Binding;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.spi.internal.ValueParamProvider;

/**
 * The Graph-compatible HTTP API as a Jersey application: resources, filters and error mappers. The
 * list of resource classes here (with the emulator's control API's when it is on) is the one list
 * of routes: the {@link RouteTable} that routing resolves paths against is derived from their
 * {@code @Path} annotations.
 */
public final class GraphRestApi {

  private static final List<Class<?>> RESOURCE_CLASSES =
      List.of(
          RemoveAllDevicesFromManagementResource.class,
          UserManagedDevicesResource.class,
          DeviceManagementManagedDevicesResource.class,
          UserResource.class,
          AuditEventsResource.class,
          BatchResource.class);

  private GraphRestApi() {}

  /**
   * Every resource class of the Graph API; each has an {@code @Inject} constructor taking use-case
   * interfaces.
   */
  public static List<Class<?>> resourceClasses() {
    return RESOURCE_CLASSES;
  }

  /** Every resource class of the Graph API and, when it is on, of {@code control}. */
  public static List<Class<?>> resourceClasses(ControlApi control) {
    List<Class<?>> controlClasses = control.resourceClasses();
    if (controlClasses.isEmpty()) {
      return RESOURCE_CLASSES;
    }
    List<Class<?>> all = new ArrayList<>(RESOURCE_CLASSES);
    all.addAll(controlClasses);
    return List.copyOf(all);
  }

  /** The routes the Graph API's resource classes serve. */
  public static RouteTable routes() {
    return RouteTable.of(RESOURCE_CLASSES);
  }

  /** The routes served with {@code control}: the Graph API's and the control API's when on. */
  public static RouteTable routes(ControlApi control) {
    return RouteTable.of(resourceClasses(control));
  }

  /**
   * The Jersey application: trusts tokens {@code verifier} accepts and serves each resource class
   * with the one instance {@code resourceFactory} gives for it (so that the composition root, not
   * Jersey, builds resources; they are stateless and shared by all requests). The factory is asked
   * on first use, not here, so the application can be built before the resources can. The control
   * API is off.
   */
  public static ResourceConfig resourceConfig(
      AccessTokenVerifier verifier, Function<Class<?>, Object> resourceFactory) {
    return resourceConfig(verifier, resourceFactory, ControlApi.off());
  }

  /**
   * Like {@link #resourceConfig(AccessTokenVerifier, Function)}, serving the emulator's control API
   * as {@code control} says.
   */
  public static ResourceConfig resourceConfig(
      AccessTokenVerifier verifier,
      Function<Class<?>, Object> resourceFactory,
      ControlApi control) {
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(resourceFactory, "resourceFactory");
    Objects.requireNonNull(control, "control");
    List<Class<?>> resourceClasses = resourceClasses(control);
    ResourceConfig config = new ResourceConfig();
    resourceClasses.forEach(config::register);
    config.register(new ResourceBinder(resourceClasses, resourceFactory));
    config.register(
        new AbstractBinder() {
          @Override
          protected void configure() {
            bind(new RequestParameters()).to(ValueParamProvider.class);
          }
        });
    // One pre-matching filter and one response filter for every request: the control API's work
    // rides on them as hooks, since each filter Jersey calls costs every request its own share.
    config.register(
        new AdmissionFilter(
            RouteTable.of(resourceClasses), new BearerAuthentication(verifier), control.hooks()));
    config.register(new ResponseConventionsFilter(Clock.systemUTC(), control.hooks()));
    config.register(new BatchFeature(Clock.systemUTC()));
    config.register(JsonConventions.provider());
    config.register(new MissingAccessTokenExceptionMapper());
    config.register(new InvalidAccessTokenExceptionMapper());
    config.register(new DeviceManagementExceptionMapper());
    config.register(new WebApplicationExceptionMapper());
    config.register(new UnexpectedExceptionMapper());
    config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    config.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
    // Error bodies are ours: never let a container's error page replace them.
    config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    // Failures while writing a response go through the exception mappers too.
    config.property(ServerProperties.PROCESSING_RESPONSE_ERRORS_ENABLED, true);
    return config;
  }

  /**
   * Binds each resource class to the factory, once: the singleton scope keeps Jersey from asking
   * the factory again on every request.
   */
  private static final class ResourceBinder extends AbstractBinder {
    private final List<Class<?>> resourceClasses;
    private final Function<Class<?>, Object> resourceFactory;

    ResourceBinder(List<Class<?>> resourceClasses, Function<Class<?>, Object> resourceFactory) {
      this.resourceClasses = resourceClasses;
      this.resourceFactory = resourceFactory;
    }

    @Override
    protected void configure() {
      resourceClasses.forEach(this::bindResource);
    }

    private <T> void bindResource(Class<T> type) {
      // Not chained: to(...) returns Jersey's self type, whose bound is the raw Binding, and a call
      // on that is unchecked. Both calls configure this one binding and return it.
      Binding<Supplier<T>, ?> binding = bindFactory(() -> resource(type, resourceFactory));
      binding.to(type);
      binding.in(Singleton.class);
    }
  }

  private static <T> T resource(Class<T> type, Function<Class<?>, Object> resourceFactory) {
    Object instance = Objects.requireNonNull(resourceFactory.apply(type), type.getName());
    if (!type.isInstance(instance)) {
      throw new IllegalArgumentException(
          "the factory gave a %s for %s".formatted(instance.getClass().getName(), type.getName()));
    }
    return type.cast(instance);
  }
}
