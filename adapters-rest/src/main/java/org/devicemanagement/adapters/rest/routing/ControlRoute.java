package org.devicemanagement.adapters.rest.routing;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a resource class of the emulator's control API (under {@code /_emulator/}): its routes take
 * no bearer token, and faults, the journal and Graph's limits leave them alone.
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
public @interface ControlRoute {}
