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
    Completion once = new Completion(callback);
    return super.handle(request, new WatchedResponse(request, response, once), once);
  }

  /**
   * The request's callback, completed once: by Jersey when the answer is written, or at once when
   * writing it failed (an object of its own rather than lambdas around a flag: this is per
   * request).
   */
  private static final class Completion extends AtomicBoolean implements Callback {
    private static final long serialVersionUID = 1L;

    private final transient Callback callback;

    Completion(Callback callback) {
      this.callback = callback;
    }

    @Override
    public void succeeded() {
      if (compareAndSet(false, true)) {
        callback.succeeded();
      }
    }

    @Override
    public void failed(Throwable failure) {
      if (compareAndSet(false, true)) {
        callback.failed(failure);
      }
    }
  }

  /**
   * The response, whose failed writes end the request. Only a failed write does: Jetty's failure
   * listeners also fire while a graceful stop closes connections, and failing then would turn
   * in-flight answers into 500s.
   */
  private static final class WatchedResponse extends Response.Wrapper {
    private final Completion completion;

    WatchedResponse(Request request, Response response, Completion completion) {
      super(request, response);
      this.completion = completion;
    }

    @Override
    public void write(boolean last, ByteBuffer content, Callback written) {
      super.write(last, content, new WatchedWrite(written, completion));
    }
  }

  /** One write's callback, which also ends the request when the write fails. */
  private static final class WatchedWrite implements Callback {
    private final Callback written;
    private final Completion completion;

    WatchedWrite(Callback written, Completion completion) {
      this.written = written;
      this.completion = completion;
    }

    @Override
    public void succeeded() {
      written.succeeded();
    }

    @Override
    public void failed(Throwable failure) {
      try {
        written.failed(failure);
      } finally {
        completion.failed(failure);
      }
    }
  }
}
