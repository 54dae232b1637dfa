package org.devicemanagement.bootstrap.cli;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;

/**
 * Stands in for the shaded jar's main class in {@link LauncherProcessTest}: prints its process id,
 * JVM options and arguments; with {@code serve} first, waits for SIGTERM like the server does.
 */
public final class LauncherProbe {

  private LauncherProbe() {}

  /** Prints what the launcher handed over. */
  public static void main(String... args) throws InterruptedException {
    System.out.println("pid " + ProcessHandle.current().pid());
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      System.out.println("jvm " + option);
    }
    for (String arg : args) {
      System.out.println("arg [" + arg + "]");
    }
    if (args.length > 0 && args[0].equals("serve")) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    System.out.println("stopped");
                    System.out.flush();
                    Runtime.getRuntime().halt(0);
                  }));
      System.out.println("ready");
      System.out.flush();
      new CountDownLatch(1).await();
    }
  }
}
