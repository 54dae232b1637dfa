package org.devicemanagement.bootstrap.composition;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Qualifies the {@code UserDirectory} the device operations (retire-all, listing a user's devices)
 * resolve users with: the tenant's own directory in the emulator; in the gateway, one that stands
 * in for users Graph refuses to describe, as Graph's device calls need no user-reading scope.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD})
public @interface ForDeviceOperations {}
