package org.devicemanagement.archfixtures.violations.domain;

/** A well-behaved domain type. */
public record FixtureDevice(String id) {}
