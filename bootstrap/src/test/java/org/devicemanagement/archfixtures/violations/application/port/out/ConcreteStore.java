package org.devicemanagement.archfixtures.violations.application.port.out;

/** Breaks "outbound ports are interfaces". */
public class ConcreteStore {}
