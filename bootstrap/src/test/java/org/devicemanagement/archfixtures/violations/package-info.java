/**
 * A fake code base, laid out like the product (domain, application, adapters), that breaks every
 * architecture rule on purpose; ArchitectureRulesCanFailTest proves each rule catches its breach.
 * Never reference these classes from real code.
 */
package org.devicemanagement.archfixtures.violations;
