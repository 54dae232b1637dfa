package org.devicemanagement.bootstrap.composition;

import com.google.inject.AbstractModule;
import jakarta.inject.Singleton;
import java.util.Objects;
import org.devicemanagement.adapters.rest.GraphRestApi;
import org.devicemanagement.adapters.rest.control.ControlApi;

/**
 * Declares every REST resource as a singleton (the control API's too when it is on), so a missing
 * binding fails when the injector is built rather than on the first request.
 */
public final class RestModule extends AbstractModule {

  private final ControlApi control;

  /** The Graph API's resources only. */
  public RestModule() {
    this(ControlApi.off());
  }

  /** The Graph API's resources and, when it is on, {@code control}'s. */
  public RestModule(ControlApi control) {
    this.control = Objects.requireNonNull(control, "control");
  }

  @Override
  protected void configure() {
    bind(ControlApi.class).toInstance(control);
    // Resources are stateless (use cases in the constructor, request data as parameters), so one
    // instance serves every request.
    for (Class<?> resource : GraphRestApi.resourceClasses(control)) {
      bind(resource).in(Singleton.class);
    }
  }
}
