package org.devicemanagement.bootstrap.composition;

import com.google.inject.Binder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.devicemanagement.application.port.out.UserDirectory;

/**
 * Binds an adapter to every outbound port it implements, so that a new port needs only its adapters
 * to implement it: no module lists the ports one by one.
 */
public final class OutboundPorts {

  private static final String PORTS_PACKAGE = UserDirectory.class.getPackageName();

  private OutboundPorts() {}

  /** The application's outbound port interfaces {@code adapter}'s class implements. */
  public static List<Class<?>> implementedBy(Object adapter) {
    List<Class<?>> ports = new ArrayList<>();
    for (Class<?> type : Objects.requireNonNull(adapter, "adapter").getClass().getInterfaces()) {
      if (type.getPackageName().equals(PORTS_PACKAGE)) {
        ports.add(type);
      }
    }
    return ports;
  }

  /** Binds each port {@code adapter} implements to {@code adapter}, except those in {@code but}. */
  public static void bind(Binder binder, Object adapter, Class<?>... but) {
    List<Class<?>> excluded = List.of(but);
    for (Class<?> port : implementedBy(adapter)) {
      if (!excluded.contains(port)) {
        bindOne(binder, port, adapter);
      }
    }
  }

  private static <T> void bindOne(Binder binder, Class<T> port, Object adapter) {
    binder.bind(port).toInstance(port.cast(adapter));
  }
}
