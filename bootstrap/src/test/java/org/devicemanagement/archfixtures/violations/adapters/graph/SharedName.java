package org.devicemanagement.archfixtures.violations.adapters.graph;

/** Breaks the distinct-simple-names rule: the other adapter has a class of this name too. */
public final class SharedName {}
