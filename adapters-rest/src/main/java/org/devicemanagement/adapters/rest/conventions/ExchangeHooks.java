package org.devicemanagement.adapters.rest.conventions;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * What runs at three fixed points of every exchange besides the API's own conventions (the
 * emulator's request journal, faults and change counters), called by the two filters every request
 * passes, so that it costs no filter of its own in Jersey's stages.
 */
public interface ExchangeHooks {

  /** Hooks that do nothing: the gateway, or an emulator with its control API off. */
  ExchangeHooks NONE = new ExchangeHooks() {};

  /** {@code request} arrived: called before anything else looks at it. */
  default void arrived(ContainerRequestContext request) {}

  /**
   * {@code request} was routed and its caller authenticated; the hook may answer it instead of its
   * resource with {@link ContainerRequestContext#abortWith}. Not called for a request refused
   * earlier.
   */
  default void admitted(ContainerRequestContext request) {}

  /** {@code response} answers {@code request}, complete with its ids and its body: called last. */
  default void answered(ContainerRequestContext request, ContainerResponseContext response) {}
}
