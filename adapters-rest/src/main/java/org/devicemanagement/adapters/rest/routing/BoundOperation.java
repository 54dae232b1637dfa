package org.devicemanagement.adapters.rest.routing;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose path ends with a Graph action or function bound to the segment
 * before it (such as {@code removeAllDevicesFromManagement}): callers may also name it qualified
 * with its namespace ({@code microsoft.graph.removeAllDevicesFromManagement}), as Graph accepts.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
public @interface BoundOperation {}
