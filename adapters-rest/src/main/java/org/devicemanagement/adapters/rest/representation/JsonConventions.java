package org.devicemanagement.adapters.rest.representation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Graph's JSON conventions: ISO-8601 UTC dates, Graph property and enum names, no pretty printing.
 */
public final class JsonConventions {

  private JsonConventions() {}

  /** A mapper configured for Graph's JSON. */
  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }

  /** The JAX-RS provider that writes response bodies with {@link #mapper()}. */
  public static JacksonJsonProvider provider() {
    return new JacksonJsonProvider(mapper());
  }

  /** An instant as Graph writes it, for example {@code 2024-05-01T10:00:00Z}. */
  public static String dateTime(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
