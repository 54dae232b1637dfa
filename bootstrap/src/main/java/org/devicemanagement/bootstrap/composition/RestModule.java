package org.devicemanagement.bootstrap.composition;

import com.google.inject.AbstractModule;
import jakarta.inject.Singleton;
import org.devicemanagement.adapters.rest.GraphRestApi;

/**
 * Declares every REST resource as a singleton, so a missing binding fails when the injector is
 * built rather than on the first request.
 */
public final class RestModule extends AbstractModule {

  @Override
  protected void configure() {
    // Resources are stateless (use cases in the constructor, request data as parameters), so one
    // instance serves every request.
    for (Class<?> resource : GraphRestApi.resourceClasses()) {
      bind(resource).in(Singleton.class);
    }
  }
}
