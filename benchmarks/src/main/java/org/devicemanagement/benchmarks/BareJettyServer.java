package org.devicemanagement.benchmarks;

import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The container's own ceiling: a plain Jetty handler answering 204 to every request, on the Jetty
 * the product runs on, with no JAX-RS at all (the product's retire-all handler sits at this level).
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.devicemanagement.benchmarks.BareJettyServer PORT}
 */
public final class BareJettyServer {

  private BareJettyServer() {}

  /** Serves until killed. */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8091;
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("localhost");
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(204);
            callback.succeeded();
            return true;
          }
        });
    server.start();
    System.out.println("bare Jetty 204 server on port " + connector.getLocalPort());
    new CountDownLatch(1).await();
  }
}
