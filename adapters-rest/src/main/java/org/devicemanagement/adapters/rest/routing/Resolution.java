package org.devicemanagement.adapters.rest.routing;

/** What a request path resolves to: a {@link Route}, or {@link NoRoute} naming what is wrong. */
public sealed interface Resolution permits Route, NoRoute {}
