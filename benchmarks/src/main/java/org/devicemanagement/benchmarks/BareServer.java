package org.devicemanagement.benchmarks;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.SeBootstrap;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CountDownLatch;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The HTTP benchmark's ceiling: a bare JAX-RS resource answering 204 to any path, on the same
 * Jersey-on-Jetty container as the product, started the same way ({@link SeBootstrap}).
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.devicemanagement.benchmarks.BareServer PORT}
 */
public final class BareServer {

  private BareServer() {}

  /** Serves until killed. */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
    ResourceConfig config = new ResourceConfig(NoContent.class);
    config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    config.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
    SeBootstrap.Instance instance =
        SeBootstrap.start(
                config,
                SeBootstrap.Configuration.builder()
                    .protocol("HTTP")
                    .host("localhost")
                    .port(port)
                    .rootPath("/")
                    .build())
            .toCompletableFuture()
            .get();
    System.out.println("bare 204 server on port " + instance.configuration().port());
    new CountDownLatch(1).await();
  }

  /** Answers 204 No Content to every POST and GET. */
  @Path("{any: .*}")
  public static final class NoContent {

    /** 204 to any POST. */
    @POST
    public Response post() {
      return Response.noContent().build();
    }

    /** 204 to any GET. */
    @GET
    public Response get() {
      return Response.noContent().build();
    }
  }
}
