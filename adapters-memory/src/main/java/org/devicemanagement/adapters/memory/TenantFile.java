package org.devicemanagement.adapters.memory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.application.port.in.UserReference;
import org.devicemanagement.application.port.out.TenantAdministration;
import org.devicemanagement.domain.ActionState;
import org.devicemanagement.domain.ComplianceState;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.GraphEnum;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagedDeviceOwnerType;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.jspecify.annotations.Nullable;

/**
 * Reads an {@link InMemoryTenant} from a tenant file written in Microsoft Graph's own JSON shapes.
 *
 * <p>The file is one object with two arrays: {@code "users"} (Graph {@code user} objects; {@code
 * id} and {@code userPrincipalName} required, {@code displayName} optional) and {@code
 * "managedDevices"} (v1.0 {@code managedDevice} objects; {@code id} required); at least one of the
 * two must be there (an explicitly empty {@code "users": []} is fine). Beside them, only OData
 * annotations ({@code @odata.context} and other names starting with {@code @}) may stand at the top
 * level: any other key is an error, so that a misspelled {@code "user"} or a pasted Graph list
 * response ({@code "value"}) is not served as an empty tenant. Inside the entries, every other
 * property, {@code @odata.*} included, is ignored, so entries of a real Graph response can be
 * pasted in. Absent or {@code null} properties take Graph's unset values ({@code ""}, {@code
 * 0001-01-01T00:00:00Z}, an empty {@code deviceActionResults}, {@code managementState} {@code
 * managed}, {@code complianceState} and {@code managedDeviceOwnerType} {@code unknown}); a device
 * without {@code userPrincipalName} takes its user's. One property is the emulator's own, not
 * Graph's: a device's {@code checkInInterval}, an ISO-8601 duration of at least a second ({@code
 * PT8H}, the default; {@code PT15M}; {@code P1D}) or {@code never} for an offline device. User ids
 * must be GUIDs, as Entra object ids are. Dates are ISO-8601 with an offset. The file is streamed:
 * each array entry is read as a small tree, never the whole file, so a tenant of a million devices
 * loads in bounded extra memory. Every problem is a {@link TenantFileException} naming the file and
 * the entry ({@code managedDevices[3] (id '…')}), or the line and column of malformed JSON.
 *
 * <p>The bundled demo tenant ({@link #demo()}, all at contoso.com):
 *
 * <table>
 *   <caption>Demo users</caption>
 *   <tr><th>id</th><th>userPrincipalName</th><th>devices</th></tr>
 *   <tr><td>6e1d3b7a-4f2c-4b8e-9a51-2c7d8e0f1a23</td><td>adele.vance@contoso.com</td>
 *       <td>5: Windows managed, iOS managed, Android personal unhealthy, macOS retireFailed,
 *       Windows wipePending (4 of them retirable)</td></tr>
 *   <tr><td>a9527b43-48ca-4ea8-a40e-d505128fdfa8</td><td>alex.wilber@contoso.com</td>
 *       <td>3: Windows managed, iPadOS retirePending, Android personal managed</td></tr>
 *   <tr><td>0251e3f5-77c7-4167-af49-dd2397733ee3</td><td>megan.bowen@contoso.com</td>
 *       <td>3: macOS managed, iOS personal discovered, Windows retireCanceled</td></tr>
 *   <tr><td>e7ae2518-8010-4166-bb2a-4d9ae58f4e14</td><td>lee.gu@contoso.com</td>
 *       <td>3: Windows managed, Android (Zebra) managed, iOS personal wipeFailed</td></tr>
 *   <tr><td>051ac383-fe8c-4e2e-ad26-e4a5af5d90f3</td><td>nestor.wilke@contoso.com</td>
 *       <td>2: Windows deletePending, iOS retireIssued (none retirable)</td></tr>
 *   <tr><td>cf14a3d6-404e-481a-a671-ba423409c196</td><td>pradeep.gupta@contoso.com</td>
 *       <td>none</td></tr>
 * </table>
 *
 * <p>plus one shared kiosk ({@code CONTOSO-KIOSK-01}) with no primary user: 17 devices in all.
 */
public final class TenantFile {

  /** The classpath name of the bundled demo tenant, next to this class. */
  static final String DEMO_RESOURCE = "demo-tenant.json";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .build();

  /** The tenant file's name for a device's check-in interval (not a Graph property). */
  static final String CHECK_IN_INTERVAL = "checkInInterval";

  /** The check-in interval of a device that never checks in. */
  static final String NEVER = "never";

  private static final String SHAPE = "a JSON object with \"users\" and \"managedDevices\" arrays";

  private TenantFile() {}

  /** Reads the tenant file {@code file}. */
  public static InMemoryTenant load(Path file) {
    Objects.requireNonNull(file, "file");
    String sourceName = file.toString();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return read(in, sourceName);
    } catch (NoSuchFileException e) {
      throw new TenantFileException(sourceName, "no such file", e);
    } catch (IOException e) {
      throw new TenantFileException(sourceName, "cannot be read: " + e, e);
    }
  }

  /**
   * Reads a tenant from {@code in}, naming it {@code sourceName} in error messages; the stream is
   * left open.
   */
  public static InMemoryTenant read(InputStream in, String sourceName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    try (JsonParser parser = MAPPER.createParser(in)) {
      return new Reader(parser, sourceName).read();
    } catch (JsonProcessingException e) {
      throw malformed(sourceName, e);
    } catch (IOException e) {
      throw new TenantFileException(sourceName, "cannot be read: " + e, e);
    }
  }

  /**
   * Reads a tenant file's users and devices from {@code in} without building a tenant (duplicates
   * are found when a tenant is built from them), naming it {@code sourceName} in error messages.
   */
  public static TenantAdministration.Contents readContents(InputStream in, String sourceName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    try (JsonParser parser = MAPPER.createParser(in)) {
      return new Reader(parser, sourceName).readContents();
    } catch (JsonProcessingException e) {
      throw malformed(sourceName, e);
    } catch (IOException e) {
      throw new TenantFileException(sourceName, "cannot be read: " + e, e);
    }
  }

  /** Reads one entry of the {@code "users"} array, naming it {@code sourceName} in messages. */
  static User readUser(byte[] entry, String sourceName) {
    return readEntry(entry, sourceName, (reader, node) -> reader.user(new Entry("user"), node));
  }

  /** Reads one entry of the {@code "managedDevices"} array, naming it {@code sourceName}. */
  static ManagedDevice readDevice(byte[] entry, String sourceName) {
    return readEntry(
        entry, sourceName, (reader, node) -> reader.device(new Entry("managed device"), node));
  }

  private interface EntryParser<T> {
    T parse(Reader reader, JsonNode node);
  }

  private static <T> T readEntry(byte[] entry, String sourceName, EntryParser<T> parser) {
    Objects.requireNonNull(entry, "entry");
    try (JsonParser json = MAPPER.createParser(entry)) {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || !node.isObject()) {
        throw new TenantFileException(
            sourceName, "expected a JSON object, found " + Reader.describe(node));
      }
      if (json.nextToken() != null) {
        throw new TenantFileException(sourceName, "unexpected content after the JSON object");
      }
      return parser.parse(new Reader(json, sourceName), node);
    } catch (JsonProcessingException e) {
      throw malformed(sourceName, e);
    } catch (IOException e) {
      throw new TenantFileException(sourceName, "cannot be read: " + e, e);
    }
  }

  private static TenantFileException malformed(String sourceName, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where =
        at == null ? "" : " at line %d, column %d".formatted(at.getLineNr(), at.getColumnNr());
    return new TenantFileException(
        sourceName, "malformed JSON%s: %s".formatted(where, e.getOriginalMessage()), e);
  }

  /**
   * Writes {@code contents} to {@code out} (left open) as a tenant file this class reads back to
   * the same users and devices: every property written, dates in UTC, each device's {@code
   * checkInInterval} as an ISO-8601 duration or {@code never}.
   */
  public static void write(TenantAdministration.Contents contents, OutputStream out)
      throws IOException {
    Objects.requireNonNull(contents, "contents");
    Objects.requireNonNull(out, "out");
    try (JsonGenerator json = MAPPER.createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeArrayFieldStart("users");
      for (User user : contents.users()) {
        writeUser(json, user);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("managedDevices");
      for (ManagedDevice device : contents.devices()) {
        writeDevice(json, device);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** {@code user} as one entry of the {@code "users"} array. */
  static byte[] write(User user) {
    Objects.requireNonNull(user, "user");
    return writeEntry(json -> writeUser(json, user));
  }

  /** {@code device} as one entry of the {@code "managedDevices"} array. */
  static byte[] write(ManagedDevice device) {
    Objects.requireNonNull(device, "device");
    return writeEntry(json -> writeDevice(json, device));
  }

  private interface EntryWriter {
    void write(JsonGenerator json) throws IOException;
  }

  private static byte[] writeEntry(EntryWriter writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try (JsonGenerator json = MAPPER.createGenerator(bytes)) {
      writer.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  private static void writeUser(JsonGenerator json, User user) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", user.id());
    json.writeStringField("userPrincipalName", user.userPrincipalName());
    json.writeStringField("displayName", user.displayName());
    json.writeEndObject();
  }

  private static void writeDevice(JsonGenerator json, ManagedDevice device) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", device.id());
    json.writeStringField("userId", device.userId());
    json.writeStringField("userPrincipalName", device.userPrincipalName());
    json.writeStringField("deviceName", device.deviceName());
    json.writeStringField("operatingSystem", device.operatingSystem());
    json.writeStringField("osVersion", device.osVersion());
    json.writeStringField("managementState", device.managementState().graphName());
    json.writeStringField("complianceState", device.complianceState().graphName());
    json.writeStringField("managedDeviceOwnerType", device.managedDeviceOwnerType().graphName());
    json.writeStringField("enrolledDateTime", device.enrolledDateTime().toString());
    json.writeStringField("lastSyncDateTime", device.lastSyncDateTime().toString());
    json.writeStringField("serialNumber", device.serialNumber());
    json.writeStringField("azureADDeviceId", device.azureADDeviceId());
    json.writeStringField("model", device.model());
    json.writeStringField("manufacturer", device.manufacturer());
    json.writeArrayFieldStart("deviceActionResults");
    for (DeviceActionResult result : device.deviceActionResults()) {
      json.writeStartObject();
      json.writeStringField("actionName", result.actionName());
      json.writeStringField("actionState", result.actionState().graphName());
      json.writeStringField("startDateTime", result.startDateTime().toString());
      json.writeStringField("lastUpdatedDateTime", result.lastUpdatedDateTime().toString());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeStringField(
        CHECK_IN_INTERVAL, device.checkInInterval().map(Duration::toString).orElse(NEVER));
    json.writeEndObject();
  }

  /** A fresh copy of the bundled demo tenant (described above); each call gets its own state. */
  public static InMemoryTenant demo() {
    String sourceName = "classpath:org/devicemanagement/adapters/memory/" + DEMO_RESOURCE;
    try (InputStream in = TenantFile.class.getResourceAsStream(DEMO_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(sourceName + " is missing from the class path");
      }
      return read(in, sourceName);
    } catch (IOException e) {
      throw new TenantFileException(sourceName, "cannot be read: " + e, e);
    }
  }

  /** Reads one tenant file; single use. */
  private static final class Reader {

    private final JsonParser parser;
    private final String source;
    private final List<User> users = new ArrayList<>();
    private final Map<String, User> usersById = new HashMap<>();
    private final List<ManagedDevice> devices = new ArrayList<>();
    // Devices read before the "users" array whose userPrincipalName must still default to the
    // user's.
    private final BitSet upnToDefault = new BitSet();
    // Shares one String instance per distinct value of repetitive properties, to keep big tenants
    // small.
    private final Map<String, String> pool = new HashMap<>();
    // One Optional per distinct check-in interval, for the same reason.
    private final Map<Duration, Optional<Duration>> intervals = new HashMap<>();
    private boolean usersRead;
    private boolean devicesRead;

    Reader(JsonParser parser, String source) {
      this.parser = parser;
      this.source = source;
    }

    InMemoryTenant read() throws IOException {
      TenantAdministration.Contents contents = readContents();
      try {
        return InMemoryTenant.of(contents.users(), contents.devices());
      } catch (IllegalArgumentException e) {
        throw fail(Objects.requireNonNullElse(e.getMessage(), e.toString()));
      }
    }

    TenantAdministration.Contents readContents() throws IOException {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw fail("the file is empty; expected " + SHAPE);
      }
      if (token != JsonToken.START_OBJECT) {
        throw fail("expected %s, found %s".formatted(SHAPE, describe(token)));
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("users".equals(name)) {
          if (usersRead) {
            throw fail("\"users\" appears twice");
          }
          usersRead = true;
          readArray("users", value, this::readUser);
        } else if ("managedDevices".equals(name)) {
          if (devicesRead) {
            throw fail("\"managedDevices\" appears twice");
          }
          devicesRead = true;
          readArray("managedDevices", value, this::readDevice);
        } else if (name.startsWith("@")) {
          // An OData annotation such as @odata.context, left over from a pasted response.
          parser.skipChildren();
        } else if ("value".equals(name) && !usersRead && !devicesRead) {
          throw fail(
              "this is a Graph list response (\"value\"); a tenant file needs \"users\" and"
                  + " \"managedDevices\" arrays: move the entries of \"value\" into the one they"
                  + " belong to");
        } else {
          throw fail(
              "unknown top-level key '%s' (expected \"users\" and \"managedDevices\")"
                  .formatted(name));
        }
      }
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw fail(
            "unexpected %s after the tenant object at line %d, column %d"
                .formatted(describe(trailing), at.getLineNr(), at.getColumnNr()));
      }
      if (!usersRead && !devicesRead) {
        throw fail("neither \"users\" nor \"managedDevices\" is there; expected " + SHAPE);
      }
      defaultUserPrincipalNames();
      return new TenantAdministration.Contents(users, devices);
    }

    private interface EntryReader {
      void read(int index, JsonNode entry);
    }

    private void readArray(String name, JsonToken start, EntryReader entryReader)
        throws IOException {
      if (start == JsonToken.VALUE_NULL) {
        return;
      }
      if (start != JsonToken.START_ARRAY) {
        throw fail("\"%s\" must be an array, found %s".formatted(name, describe(start)));
      }
      int index = 0;
      for (JsonToken token = parser.nextToken();
          token != JsonToken.END_ARRAY;
          token = parser.nextToken(), index++) {
        if (token != JsonToken.START_OBJECT) {
          throw fail(
              "%s[%d]: expected an object, found %s".formatted(name, index, describe(token)));
        }
        entryReader.read(index, MAPPER.readTree(parser));
      }
    }

    private void readUser(int index, JsonNode node) {
      User user = user(new Entry("users[%d]".formatted(index)), node);
      users.add(user);
      usersById.putIfAbsent(key(user.id()), user);
    }

    User user(Entry entry, JsonNode node) {
      String id = requiredText(node, "id", entry);
      entry.named(id);
      if (!UserReference.isObjectId(id)) {
        throw fail(
            "%s: id '%s' is not a GUID; Graph's user object ids are GUIDs such as '%s'"
                .formatted(entry, id, "6e1d3b7a-4f2c-4b8e-9a51-2c7d8e0f1a23"));
      }
      String upn = requiredText(node, "userPrincipalName", entry);
      String displayName = text(node, "displayName", entry);
      User user;
      try {
        user = new User(shared(id), shared(upn), displayName);
      } catch (IllegalArgumentException e) {
        throw fail(entry + ": " + e.getMessage());
      }
      return user;
    }

    private void readDevice(int index, JsonNode node) {
      devices.add(device(new Entry("managedDevices[%d]".formatted(index)), node));
    }

    ManagedDevice device(Entry entry, JsonNode node) {
      String id = requiredText(node, "id", entry);
      entry.named(id);
      String userId = shared(text(node, "userId", entry));
      @Nullable String upn = optionalText(node, "userPrincipalName", entry);
      ManagedDevice.Builder builder =
          ManagedDevice.builder(id, userId)
              .deviceName(text(node, "deviceName", entry))
              .operatingSystem(shared(text(node, "operatingSystem", entry)))
              .osVersion(shared(text(node, "osVersion", entry)))
              .managementState(
                  graphEnum(
                      node,
                      "managementState",
                      ManagementState.class,
                      ManagementState.MANAGED,
                      entry))
              .complianceState(
                  graphEnum(
                      node,
                      "complianceState",
                      ComplianceState.class,
                      ComplianceState.UNKNOWN,
                      entry))
              .managedDeviceOwnerType(
                  graphEnum(
                      node,
                      "managedDeviceOwnerType",
                      ManagedDeviceOwnerType.class,
                      ManagedDeviceOwnerType.UNKNOWN,
                      entry))
              .enrolledDateTime(dateTime(node, "enrolledDateTime", entry))
              .lastSyncDateTime(dateTime(node, "lastSyncDateTime", entry))
              .serialNumber(text(node, "serialNumber", entry))
              .azureADDeviceId(text(node, "azureADDeviceId", entry))
              .model(shared(text(node, "model", entry)))
              .manufacturer(shared(text(node, "manufacturer", entry)))
              .deviceActionResults(actionResults(node, entry))
              .checkInInterval(checkInInterval(node, entry));
      if (upn != null) {
        builder.userPrincipalName(shared(upn));
      } else if (!userId.isEmpty()) {
        User user = usersById.get(key(userId));
        if (user != null) {
          builder.userPrincipalName(user.userPrincipalName());
        } else {
          // Unknown now: either "users" comes later in the file or the device names no user at all.
          upnToDefault.set(devices.size());
        }
      }
      try {
        return builder.build();
      } catch (IllegalArgumentException e) {
        throw fail(entry + ": " + e.getMessage());
      }
    }

    private Optional<Duration> checkInInterval(JsonNode node, Entry entry) {
      @Nullable String value = optionalText(node, CHECK_IN_INTERVAL, entry);
      if (value == null) {
        return ManagedDevice.DEFAULT_CHECK_IN_INTERVAL;
      }
      if (NEVER.equals(value)) {
        return Optional.empty();
      }
      Duration interval;
      try {
        interval = Duration.parse(value);
      } catch (DateTimeParseException e) {
        throw fail(
            "%s: \"%s\" value '%s' is neither an ISO-8601 duration such as PT8H or P1D nor %s"
                .formatted(entry, CHECK_IN_INTERVAL, value, NEVER));
      }
      if (interval.compareTo(ManagedDevice.MIN_CHECK_IN_INTERVAL) < 0) {
        throw fail(
            "%s: \"%s\" %s is shorter than %s (use \"%s\" for a device that never checks in)"
                .formatted(
                    entry, CHECK_IN_INTERVAL, value, ManagedDevice.MIN_CHECK_IN_INTERVAL, NEVER));
      }
      return intervals.computeIfAbsent(interval, Optional::of);
    }

    private List<DeviceActionResult> actionResults(JsonNode device, Entry entry) {
      JsonNode array = device.get("deviceActionResults");
      if (array == null || array.isNull()) {
        return List.of();
      }
      if (!array.isArray()) {
        throw fail(entry + ": \"deviceActionResults\" must be an array, found " + describe(array));
      }
      List<DeviceActionResult> results = new ArrayList<>(array.size());
      for (int i = 0; i < array.size(); i++) {
        JsonNode node = array.get(i);
        Entry result = new Entry(entry + ": deviceActionResults[%d]".formatted(i));
        if (!node.isObject()) {
          throw fail(result + ": expected an object, found " + describe(node));
        }
        results.add(
            new DeviceActionResult(
                shared(requiredText(node, "actionName", result)),
                graphEnum(node, "actionState", ActionState.class, ActionState.NONE, result),
                dateTime(node, "startDateTime", result),
                dateTime(node, "lastUpdatedDateTime", result)));
      }
      return results;
    }

    private void defaultUserPrincipalNames() {
      for (int i = upnToDefault.nextSetBit(0); i >= 0; i = upnToDefault.nextSetBit(i + 1)) {
        ManagedDevice device = devices.get(i);
        User user = usersById.get(key(device.userId()));
        if (user != null) {
          devices.set(i, device.toBuilder().userPrincipalName(user.userPrincipalName()).build());
        }
      }
    }

    private String requiredText(JsonNode node, String field, Entry entry) {
      @Nullable String value = optionalText(node, field, entry);
      if (value == null) {
        throw fail("%s: missing required \"%s\"".formatted(entry, field));
      }
      if (value.isBlank()) {
        throw fail("%s: \"%s\" must not be empty".formatted(entry, field));
      }
      return value;
    }

    private String text(JsonNode node, String field, Entry entry) {
      return Objects.requireNonNullElse(optionalText(node, field, entry), "");
    }

    private @Nullable String optionalText(JsonNode node, String field, Entry entry) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isTextual()) {
        throw fail(
            "%s: \"%s\" must be a string, found %s".formatted(entry, field, describe(value)));
      }
      return value.textValue();
    }

    private <E extends Enum<E> & GraphEnum> E graphEnum(
        JsonNode node, String field, Class<E> type, E unset, Entry entry) {
      @Nullable String name = optionalText(node, field, entry);
      if (name == null) {
        return unset;
      }
      return GraphEnum.find(type, name)
          .orElseThrow(
              () ->
                  fail(
                      "%s: \"%s\" is an unknown %s '%s'; expected one of %s"
                          .formatted(entry, field, field, name, GraphEnum.graphNames(type))));
    }

    private Instant dateTime(JsonNode node, String field, Entry entry) {
      @Nullable String value = optionalText(node, field, entry);
      if (value == null) {
        return ManagedDevice.UNSET_DATE_TIME;
      }
      try {
        return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      } catch (DateTimeParseException e) {
        throw fail(
            "%s: \"%s\" value '%s' is not an ISO-8601 date-time with an offset, such as %s"
                .formatted(entry, field, value, "2024-05-06T07:52:11Z"));
      }
    }

    private String shared(String value) {
      if (value.isEmpty()) {
        return "";
      }
      String existing = pool.putIfAbsent(value, value);
      return existing == null ? value : existing;
    }

    private TenantFileException fail(String problem) {
      return new TenantFileException(source, problem);
    }

    private static String key(String id) {
      return id.toLowerCase(Locale.ROOT);
    }

    static String describe(@Nullable JsonNode node) {
      if (node == null) {
        return "nothing";
      }
      return switch (node.getNodeType()) {
        case STRING -> "a string";
        case NUMBER -> "a number";
        case BOOLEAN -> "a boolean";
        case OBJECT, POJO -> "an object";
        case ARRAY -> "an array";
        case NULL, MISSING -> "null";
        case BINARY -> "binary data";
      };
    }

    private static String describe(JsonToken token) {
      return switch (token) {
        case START_OBJECT -> "an object";
        case START_ARRAY -> "an array";
        case VALUE_STRING -> "a string";
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
        case VALUE_TRUE, VALUE_FALSE -> "a boolean";
        case VALUE_NULL -> "null";
        default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
      };
    }
  }

  /**
   * Names an array entry in messages: {@code managedDevices[3]}, then {@code (id 'abc')} once
   * known.
   */
  private static final class Entry {
    private final String position;
    private @Nullable String id;

    Entry(String position) {
      this.position = position;
    }

    void named(String entryId) {
      id = entryId;
    }

    @Override
    public String toString() {
      return id == null ? position : "%s (id '%s')".formatted(position, id);
    }
  }
}
