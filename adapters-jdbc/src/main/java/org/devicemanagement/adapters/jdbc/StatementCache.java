package org.devicemanagement.adapters.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A connection that keeps the statements it prepares: {@code prepareStatement(sql)} gives the
 * statement prepared for that text before, and closing it only clears its parameters and batch.
 * SQLite's driver parses the SQL at every prepare, a third of a retire-all's time on the one writer
 * connection; the adapter's code keeps closing what it prepares, as with any connection. Not
 * thread-safe: for a connection one thread uses at a time.
 */
final class StatementCache implements AutoCloseable {

  private final Connection connection;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();
  private final Map<String, PreparedStatement> handedOut = new HashMap<>();
  private final Connection caching;

  StatementCache(Connection connection) {
    this.connection = connection;
    this.caching =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new ConnectionHandler());
  }

  /** The connection to hand to the adapter's work. */
  Connection connection() {
    return caching;
  }

  @Override
  public void close() {
    for (PreparedStatement statement : prepared.values()) {
      try {
        statement.close();
      } catch (SQLException ignored) {
        // closing: nothing more to do with it
      }
    }
    prepared.clear();
    handedOut.clear();
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement kept = handedOut.get(sql);
    if (kept != null) {
      return kept;
    }
    PreparedStatement statement = connection.prepareStatement(sql);
    prepared.put(sql, statement);
    PreparedStatement reusable =
        (PreparedStatement)
            Proxy.newProxyInstance(
                PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class},
                new StatementHandler(statement));
    handedOut.put(sql, reusable);
    return reusable;
  }

  private static @Nullable Object invoke(Object target, Method method, @Nullable Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Serves {@code prepareStatement(String)} from the cache; everything else as the connection. */
  private final class ConnectionHandler implements InvocationHandler {
    @Override
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args)
        throws Throwable {
      if (method.getName().equals("prepareStatement")
          && args != null
          && args.length == 1
          && args[0] instanceof String sql) {
        return prepare(sql);
      }
      return StatementCache.invoke(connection, method, args);
    }
  }

  /** Keeps the statement open when the adapter closes it, ready for the next use. */
  private static final class StatementHandler implements InvocationHandler {
    private final PreparedStatement statement;

    StatementHandler(PreparedStatement statement) {
      this.statement = statement;
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args)
        throws Throwable {
      if (method.getName().equals("close") && (args == null || args.length == 0)) {
        statement.clearBatch();
        statement.clearParameters();
        return null;
      }
      if (method.getName().equals("isClosed") && (args == null || args.length == 0)) {
        return false;
      }
      return StatementCache.invoke(statement, method, args);
    }
  }
}
