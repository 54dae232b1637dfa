package org.devicemanagement.adapters.graph;

import org.devicemanagement.application.query.DeviceFilter;

/**
 * TEMPORARY, DELETE once {@code DeviceFilterSyntax.print} is on main: writes a {@link DeviceFilter}
 * as Graph's {@code $filter} text.
 */
final class ODataFilterText {

  private ODataFilterText() {}

  /** {@code filter} as {@code $filter} text; compound parts are parenthesised. */
  static String print(DeviceFilter filter) {
    if (filter instanceof DeviceFilter.Comparison c) {
      return c.property().graphName() + " " + c.operator().keyword() + " " + literal(c.value());
    }
    if (filter instanceof DeviceFilter.StartsWith s) {
      return "startswith(" + s.property().graphName() + "," + literal(s.prefix()) + ")";
    }
    if (filter instanceof DeviceFilter.And a) {
      return part(a.left()) + " and " + part(a.right());
    }
    DeviceFilter.Or o = (DeviceFilter.Or) filter;
    return part(o.left()) + " or " + part(o.right());
  }

  private static String part(DeviceFilter filter) {
    return filter instanceof DeviceFilter.And || filter instanceof DeviceFilter.Or
        ? "(" + print(filter) + ")"
        : print(filter);
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
