package org.devicemanagement.adapters.rest.batch;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.time.Clock;
import java.util.Objects;
import org.glassfish.jersey.inject.hk2.AbstractBinder;

/**
 * Everything {@link BatchResource} needs besides its registration as a resource: one {@link
 * InnerRequests} per application, told when the container starts and stops, and given to the
 * resource's method as a {@code @Context} parameter.
 */
public final class BatchFeature implements Feature {

  private final InnerRequests innerRequests;

  /** The feature for an application whose errors are dated by {@code clock}. */
  public BatchFeature(Clock clock) {
    this.innerRequests = new InnerRequests(Objects.requireNonNull(clock, "clock"));
  }

  @Override
  public boolean configure(FeatureContext context) {
    context.register(innerRequests);
    context.register(
        new AbstractBinder() {
          @Override
          protected void configure() {
            bind(innerRequests).to(InnerRequests.class);
          }
        });
    return true;
  }
}
