package org.devicemanagement.archfixtures.violations.adapters.memory;

/** Breaks "use cases live in port.in". */
public interface MisplacedUseCase {}
