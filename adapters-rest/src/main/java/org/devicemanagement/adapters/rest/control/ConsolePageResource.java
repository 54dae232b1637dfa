package org.devicemanagement.adapters.rest.control;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.devicemanagement.adapters.rest.error.ErrorResponse;
import org.devicemanagement.adapters.rest.error.JaxRsErrors;
import org.devicemanagement.adapters.rest.routing.ControlRoute;
import org.devicemanagement.adapters.rest.routing.Route;

/**
 * The web console's files, shipped in the jar: {@code GET /_emulator/} answers the page, {@code GET
 * /_emulator/console/{file}} its style sheet and script. Only plain names of files in the console's
 * own folder are served (never a path), each with its media type, an ETag and {@code Cache-Control:
 * no-cache}; any other name is a 404 in Graph's envelope.
 */
@ControlRoute
@Path(ControlPaths.SEGMENT)
public final class ConsolePageResource {

  private static final String FOLDER = "/org/devicemanagement/adapters/rest/console/";
  private static final Pattern FILE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}\\.(html|css|js)");
  private static final Map<String, String> MEDIA_TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8");
  // The page loads nothing but its own files and talks only to this server.
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final Map<String, Optional<ConsoleFile>> files = new ConcurrentHashMap<>();

  /** {@code GET /_emulator/}: the console's page. */
  @GET
  public Response page(@Context Request request) {
    return file("index.html", request);
  }

  /** {@code GET /_emulator/console/{file}}: one of the page's files. */
  @GET
  @Path("console/{file}")
  public Response file(@Context Route route, @Context Request request) {
    return file(route.parameter("file"), request);
  }

  private Response file(String name, Request request) {
    Optional<ConsoleFile> found =
        FILE_NAME.matcher(name).matches()
            ? files.computeIfAbsent(name, ConsolePageResource::load)
            : Optional.empty();
    if (found.isEmpty()) {
      String shown = name.length() <= 100 ? name : name.substring(0, 100) + "...";
      return JaxRsErrors.response(
          ErrorResponse.of(
              404, "ResourceNotFound", "The console has no file '%s'.".formatted(shown)));
    }
    ConsoleFile file = found.get();
    Response.ResponseBuilder notModified = request.evaluatePreconditions(file.tag());
    Response.ResponseBuilder answer =
        notModified != null ? notModified : Response.ok(file.bytes(), file.mediaType());
    return answer
        .tag(file.tag())
        // Revalidated on every load, so a newer jar's page is never hidden behind a cached one.
        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  private static Optional<ConsoleFile> load(String name) {
    try (InputStream in = ConsolePageResource.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] bytes = in.readAllBytes();
      Matcher extension = FILE_NAME.matcher(name);
      if (!extension.matches()) {
        return Optional.empty();
      }
      return Optional.of(
          new ConsoleFile(
              bytes,
              Objects.requireNonNull(MEDIA_TYPES.get(extension.group(1)), name),
              new EntityTag(HexFormat.of().formatHex(sha256(bytes), 0, 16))));
    } catch (IOException e) {
      throw new UncheckedIOException("the console's file " + name + " cannot be read", e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** A file of the console, read once; a class, not a record, since its bytes are an array. */
  private static final class ConsoleFile {
    private final byte[] bytes;
    private final String mediaType;
    private final EntityTag tag;

    ConsoleFile(byte[] bytes, String mediaType, EntityTag tag) {
      this.bytes = Objects.requireNonNull(bytes, "bytes");
      this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
      this.tag = Objects.requireNonNull(tag, "tag");
    }

    // Jersey writes the array as it is and never changes it.
    byte[] bytes() {
      return bytes;
    }

    String mediaType() {
      return mediaType;
    }

    EntityTag tag() {
      return tag;
    }
  }
}
