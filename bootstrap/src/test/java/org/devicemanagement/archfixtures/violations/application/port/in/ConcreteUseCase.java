package org.devicemanagement.archfixtures.violations.application.port.in;

/** Breaks "use cases are interfaces". */
public class ConcreteUseCase {}
