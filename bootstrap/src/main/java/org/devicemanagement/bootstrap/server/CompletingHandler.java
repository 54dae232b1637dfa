package org.devicemanagement.bootstrap.server;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Ends a request in Jetty's books when its client is gone: if writing the response fails (the
 * client reset or closed the connection), the request's callback is failed at once, so the graceful
 * stop does not wait out its whole grace for requests nobody will ever read. Jersey's Jetty
 * container logs such a write failure but leaves the callback pending; this handler sits between it
 * and the graceful handler.
 */
final class CompletingHandler extends Handler.Wrapper {

  CompletingHandler(Handler handler) {
    super(handler);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    AtomicBoolean completed = new AtomicBoolean();
    Callback once =
        Callback.from(
            () -> {
              if (completed.compareAndSet(false, true)) {
                callback.succeeded();
              }
            },
            failure -> {
              if (completed.compareAndSet(false, true)) {
                callback.failed(failure);
              }
            });
    // Only a failed write ends the request early: Jetty's failure listeners also fire while a
    // graceful stop closes connections, and failing then would turn in-flight answers into 500s.
    Response watched =
        new Response.Wrapper(request, response) {
          @Override
          public void write(boolean last, ByteBuffer content, Callback written) {
            super.write(
                last,
                content,
                Callback.from(
                    written::succeeded,
                    failure -> {
                      try {
                        written.failed(failure);
                      } finally {
                        once.failed(failure);
                      }
                    }));
          }
        };
    return super.handle(request, watched, once);
  }
}
