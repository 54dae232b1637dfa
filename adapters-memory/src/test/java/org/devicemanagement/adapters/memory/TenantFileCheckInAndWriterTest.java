package org.devicemanagement.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.adapters.memory.MemoryTestData.ADELE_ID;
import static org.devicemanagement.adapters.memory.MemoryTestData.SOURCE;
import static org.devicemanagement.adapters.memory.MemoryTestData.adeleAndAlexWith;
import static org.devicemanagement.adapters.memory.MemoryTestData.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.port.out.TenantAdministration.Contents;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.RetireAllRule;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The tenant file's checkInInterval, its writer, and the format as the control API's port. */
class TenantFileCheckInAndWriterTest {

  private final TenantFileCodec codec = new TenantFileCodec();

  @ParameterizedTest
  @CsvSource({"PT8H, PT8H", "PT15M, PT15M", "P1D, PT24H", "PT1S, PT1S"})
  void givenIsoDuration_whenRead_thenTheDevicesInterval(String value, String expected) {
    InMemoryTenant tenant =
        read(adeleAndAlexWith("{\"id\": \"dev-1\", \"checkInInterval\": \"%s\"}".formatted(value)));

    assertThat(tenant.findDeviceById("dev-1").orElseThrow().checkInInterval())
        .contains(Duration.parse(expected));
  }

  @Test
  void givenNeverOrNothing_whenRead_thenOfflineOrEveryEightHours() {
    InMemoryTenant tenant =
        read(
            adeleAndAlexWith(
                "{\"id\": \"dev-1\", \"checkInInterval\": \"never\"}",
                "{\"id\": \"dev-2\"}",
                "{\"id\": \"dev-3\", \"checkInInterval\": null}"));

    assertThat(tenant.findDeviceById("dev-1").orElseThrow().checkInInterval()).isEmpty();
    assertThat(tenant.findDeviceById("dev-2").orElseThrow().checkInInterval())
        .contains(Duration.ofHours(8));
    assertThat(tenant.findDeviceById("dev-3").orElseThrow().checkInInterval())
        .contains(Duration.ofHours(8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"8h", "Never", "P1W", ""})
  void givenNoDuration_whenRead_thenSaysWhatIsAccepted(String value) {
    assertThatThrownBy(
            () ->
                read(
                    adeleAndAlexWith(
                        "{\"id\": \"dev-1\", \"checkInInterval\": \"%s\"}".formatted(value))))
        .isInstanceOf(TenantFileException.class)
        .hasMessageStartingWith(SOURCE + ": managedDevices[0] (id 'dev-1'): \"checkInInterval\"")
        .hasMessageContaining("ISO-8601 duration such as PT8H");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "PT0.5S", "-PT8H"})
  void givenIntervalUnderASecond_whenRead_thenRefusedPointingAtNever(String value) {
    assertThatThrownBy(
            () ->
                read(
                    adeleAndAlexWith(
                        "{\"id\": \"dev-1\", \"checkInInterval\": \"%s\"}".formatted(value))))
        .isInstanceOf(TenantFileException.class)
        .hasMessageContaining("shorter than PT1S")
        .hasMessageContaining("never");
  }

  @Test
  void givenIntervalNotAString_whenRead_thenWrongType() {
    assertThatThrownBy(
            () -> read(adeleAndAlexWith("{\"id\": \"dev-1\", \"checkInInterval\": 28800}")))
        .isInstanceOf(TenantFileException.class)
        .hasMessageContaining("\"checkInInterval\" must be a string, found a number");
  }

  @Test
  void givenDemoWithChangedStates_whenWrittenAndReadBack_thenSameUsersAndDevices()
      throws IOException {
    InMemoryTenant demo = TenantFile.demo();
    User adele = demo.users().get(0);
    demo.retireAll(
        adele, Instant.parse("2026-01-01T00:00:00.123456Z"), ApplicationTestData.audit());
    demo.addDevice(
        ManagedDevice.builder("offline-1", adele.id()).checkInInterval(Optional.empty()).build(),
        Instant.EPOCH);
    Contents contents = demo.tenantContents();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TenantFile.write(contents, out);
    Contents back =
        TenantFile.readContents(new ByteArrayInputStream(out.toByteArray()), "exported");

    assertThat(back).isEqualTo(contents);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("\"checkInInterval\" : \"never\"")
        .contains("\"checkInInterval\" : \"PT8H\"")
        .contains("\"startDateTime\" : \"2026-01-01T00:00:00.123456Z\"");
  }

  @Test
  void givenEntries_whenReadAndWrittenByTheCodec_thenTheSameEntryComesBack() {
    ManagedDevice device =
        RetireAllRule.applyTo(
            MemoryTestData.device("dev-1", MemoryTestData.ADELE, ManagementState.MANAGED)
                .toBuilder()
                .checkInInterval(Optional.of(Duration.ofMinutes(15)))
                .build(),
            Instant.parse("2026-01-01T00:00:00Z"));

    assertThat(codec.readDevice(codec.writeDevice(device))).isEqualTo(device);
    assertThat(codec.readUser(codec.writeUser(MemoryTestData.ADELE)))
        .isEqualTo(MemoryTestData.ADELE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "\"text\"",
        "{\"id\": \"dev-1\"} {}",
        "{\"id\": 1}",
        "{\"id\": \"dev-1\", \"managementState\": \"gone\"}",
        "{\"id\": \"a/b\"}",
        "{\"id\": \"dev-1\"",
        "{\"userId\": \"" + ADELE_ID + "\"}"
      })
  void givenMalformedDeviceEntry_whenReadByTheCodec_thenInvalidRequestNamingTheBody(String json) {
    assertThatThrownBy(() -> codec.readDevice(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("the request body: ");
  }

  @Test
  void givenDeeplyNestedJson_whenReadByTheCodec_thenInvalidRequest() {
    String deep = "{\"id\": \"d\", \"x\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";

    assertThatThrownBy(() -> codec.readDevice(deep.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void givenMalformedUserEntryOrTenant_whenReadByTheCodec_thenInvalidRequest() {
    assertThatThrownBy(
            () ->
                codec.readUser(
                    "{\"id\": \"not-a-guid\", \"userPrincipalName\": \"a@b\"}"
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("is not a GUID");
    assertThatThrownBy(
            () ->
                codec.readTenant(
                    new ByteArrayInputStream("{\"user\": []}".getBytes(StandardCharsets.UTF_8)),
                    "the request body"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("unknown top-level key 'user'");
    assertThat(
            codec
                .readTenant(
                    new ByteArrayInputStream(
                        "{\"users\": [], \"managedDevices\": []}".getBytes(StandardCharsets.UTF_8)),
                    "b")
                .devices())
        .isEqualTo(List.of());
  }
}
