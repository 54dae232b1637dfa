package org.devicemanagement.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.adapters.memory.MemoryTestData.ADELE;
import static org.devicemanagement.adapters.memory.MemoryTestData.ADELE_ID;
import static org.devicemanagement.adapters.memory.MemoryTestData.ALEX;
import static org.devicemanagement.adapters.memory.MemoryTestData.ALEX_ID;
import static org.devicemanagement.adapters.memory.MemoryTestData.AT;
import static org.devicemanagement.adapters.memory.MemoryTestData.GRAPH_DEVICE_ID;
import static org.devicemanagement.adapters.memory.MemoryTestData.GRAPH_DEVICE_JSON;
import static org.devicemanagement.adapters.memory.MemoryTestData.GRAPH_USER_JSON;
import static org.devicemanagement.adapters.memory.MemoryTestData.SOURCE;
import static org.devicemanagement.adapters.memory.MemoryTestData.adeleAndAlexWith;
import static org.devicemanagement.adapters.memory.MemoryTestData.deviceJson;
import static org.devicemanagement.adapters.memory.MemoryTestData.read;
import static org.devicemanagement.adapters.memory.MemoryTestData.tenantJson;
import static org.devicemanagement.adapters.memory.MemoryTestData.userJson;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractThrowableAssert;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.domain.ActionState;
import org.devicemanagement.domain.ComplianceState;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagedDeviceOwnerType;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantFileTest {

  @TempDir Path dir;

  // ---- the demo tenant ----

  @Test
  void givenBundledDemo_whenDemo_thenDocumentedUsersAndDevices() {
    InMemoryTenant demo = TenantFile.demo();

    assertThat(demo.userCount()).isEqualTo(MemoryTestData.DEMO_USERS);
    assertThat(demo.deviceCount()).isEqualTo(MemoryTestData.DEMO_DEVICES);
    assertThat(demo.users().get(0).userPrincipalName()).isEqualTo("adele.vance@contoso.com");
    assertThat(demo.devicesWithoutUser())
        .extracting(ManagedDevice::deviceName)
        .containsExactly("CONTOSO-KIOSK-01");
    User pradeep = demo.findByUserPrincipalName("pradeep.gupta@contoso.com").orElseThrow();
    assertThat(demo.listByUser(pradeep)).isEmpty();
  }

  @Test
  void givenBundledDemo_whenDemo_thenAdeleHasDevicesAcrossStatesAndPlatforms() {
    InMemoryTenant demo = TenantFile.demo();
    User adele = demo.findById(ADELE_ID).orElseThrow();

    List<ManagedDevice> devices = demo.listByUser(adele);

    assertThat(devices).hasSize(MemoryTestData.DEMO_ADELE_DEVICES);
    assertThat(devices)
        .extracting(ManagedDevice::operatingSystem)
        .contains("Windows", "iOS", "Android", "macOS");
    assertThat(devices.stream().filter(MemoryTestData::retirable))
        .hasSize(MemoryTestData.DEMO_ADELE_RETIRABLE);
    assertThat(devices)
        .allSatisfy(d -> assertThat(d.userPrincipalName()).isEqualTo(adele.userPrincipalName()));
  }

  @Test
  void givenBundledDemo_whenDemo_thenManyStatesOwnerTypesAndActionResultsPresent() {
    InMemoryTenant demo = TenantFile.demo();
    List<ManagedDevice> all =
        demo.users().stream().flatMap(u -> demo.listByUser(u).stream()).toList();

    Set<ManagementState> states =
        all.stream().map(ManagedDevice::managementState).collect(Collectors.toSet());
    assertThat(states)
        .contains(
            ManagementState.MANAGED,
            ManagementState.RETIRE_PENDING,
            ManagementState.WIPE_PENDING,
            ManagementState.RETIRE_FAILED,
            ManagementState.UNHEALTHY,
            ManagementState.DISCOVERED);
    assertThat(all)
        .extracting(ManagedDevice::managedDeviceOwnerType)
        .contains(ManagedDeviceOwnerType.COMPANY, ManagedDeviceOwnerType.PERSONAL);
    assertThat(all)
        .filteredOn(d -> !d.deviceActionResults().isEmpty())
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(all)
        .allSatisfy(
            d -> assertThat(d.enrolledDateTime()).isNotEqualTo(ManagedDevice.UNSET_DATE_TIME));
  }

  @Test
  void givenDemo_whenRetiredInOneCopy_thenAnotherCopyUnchanged() {
    InMemoryTenant first = TenantFile.demo();
    InMemoryTenant second = TenantFile.demo();
    User adele = first.findById(ADELE_ID).orElseThrow();

    int changed = first.retireAll(adele, AT, ApplicationTestData.audit()).changed().size();

    assertThat(changed).isEqualTo(MemoryTestData.DEMO_ADELE_RETIRABLE);
    assertThat(second.listByUser(adele).stream().filter(MemoryTestData::retirable))
        .hasSize(MemoryTestData.DEMO_ADELE_RETIRABLE);
  }

  // ---- what loads ----

  @Test
  void givenRealGraphUserAndDevice_whenRead_thenKnownPropertiesKeptAndOthersIgnored() {
    InMemoryTenant tenant =
        read(
            """
            {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata",
             "users": [%s],
             "managedDevices": [%s]}\
            """
                .formatted(GRAPH_USER_JSON, GRAPH_DEVICE_JSON));

    ManagedDevice device = tenant.findDeviceById(GRAPH_DEVICE_ID).orElseThrow();
    assertThat(tenant.findById(ADELE_ID)).contains(ADELE);
    assertThat(tenant.listByUser(ADELE)).containsExactly(device);
    assertThat(device.deviceName()).isEqualTo("DESKTOP-8F3K2LQ");
    assertThat(device.managementState()).isEqualTo(ManagementState.MANAGED);
    assertThat(device.complianceState()).isEqualTo(ComplianceState.COMPLIANT);
    assertThat(device.managedDeviceOwnerType()).isEqualTo(ManagedDeviceOwnerType.COMPANY);
    assertThat(device.enrolledDateTime()).isEqualTo(Instant.parse("2024-02-14T09:21:44Z"));
    assertThat(device.serialNumber()).isEqualTo("0F0N2ZT22463F1");
    assertThat(device.azureADDeviceId()).isEqualTo("c1a2b3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
    assertThat(device.model()).isEqualTo("Surface Laptop 5");
    assertThat(device.manufacturer()).isEqualTo("Microsoft Corporation");
    assertThat(device.osVersion()).isEqualTo("10.0.22631.3447");
    assertThat(device.deviceActionResults())
        .containsExactly(
            new DeviceActionResult(
                "syncDevice",
                ActionState.DONE,
                Instant.parse("2024-05-06T08:01:02.3456789Z"),
                Instant.parse("2024-05-06T08:02:19.1234567Z")));
  }

  @Test
  void givenUnknownPropertiesInEntriesAndAnnotationsAtTopLevel_whenRead_thenIgnored() {
    InMemoryTenant tenant =
        read(
            """
            {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users",
             "@microsoft.graph.tips": {"nested": [1, {"deep": true}]},
             "users": [{"id": "%s", "userPrincipalName": "adele.vance@contoso.com",
                        "@odata.type": "#microsoft.graph.user", "jobTitle": null, "skills": []}],
             "managedDevices": [{"id": "dev-1", "userId": "%s", "someFutureProperty": {"a": 1},
                                 "managementState": "managed", "@odata.etag": "W/\\"1\\""}],
             "@odata.nextLink": null}\
            """
                .formatted(ADELE_ID, ADELE_ID));

    assertThat(tenant.userCount()).isEqualTo(1);
    assertThat(tenant.findDeviceById("dev-1")).isPresent();
  }

  @Test
  void givenOnlyAnExplicitlyEmptyUsersArray_whenRead_thenEmptyTenant() {
    InMemoryTenant tenant = read("{\"users\": []}");

    assertThat(tenant.userCount()).isZero();
    assertThat(tenant.deviceCount()).isZero();
  }

  @Test
  void givenDeviceWithoutUpn_whenRead_thenUpnIsItsUsers() {
    InMemoryTenant tenant = read(adeleAndAlexWith(deviceJson("dev-1", ALEX_ID, "managed")));

    assertThat(tenant.findDeviceById("dev-1").orElseThrow().userPrincipalName())
        .isEqualTo(ALEX.userPrincipalName());
  }

  @Test
  void givenDevicesBeforeUsers_whenRead_thenLinkedAndUpnDefaulted() {
    InMemoryTenant tenant =
        read(
            """
            {"managedDevices": [%s, {"id": "dev-2", "userId": "%s", "userPrincipalName": "old@contoso.com"}],
             "users": [%s]}\
            """
                .formatted(deviceJson("dev-1", ADELE_ID, "unhealthy"), ADELE_ID, userJson(ADELE)));

    assertThat(tenant.listByUser(ADELE))
        .extracting(ManagedDevice::userPrincipalName)
        .containsExactly(ADELE.userPrincipalName(), "old@contoso.com");
  }

  @Test
  void givenNullsAndAbsentProperties_whenRead_thenGraphUnsetValues() {
    InMemoryTenant tenant =
        read(
            adeleAndAlexWith(
                """
                {"id": "dev-1", "userId": null, "deviceName": null, "managementState": null,
                 "enrolledDateTime": null, "deviceActionResults": null}\
                """));

    ManagedDevice device = tenant.findDeviceById("dev-1").orElseThrow();
    assertThat(device.userId()).isEmpty();
    assertThat(device.userPrincipalName()).isEmpty();
    assertThat(device.deviceName()).isEmpty();
    assertThat(device.managementState()).isEqualTo(ManagementState.MANAGED);
    assertThat(device.complianceState()).isEqualTo(ComplianceState.UNKNOWN);
    assertThat(device.enrolledDateTime()).isEqualTo(ManagedDevice.UNSET_DATE_TIME);
    assertThat(device.deviceActionResults()).isEmpty();
    assertThat(tenant.devicesWithoutUser()).containsExactly(device);
  }

  @Test
  void givenEveryManagementState_whenRead_thenEachParsed() {
    String[] devices =
        EnumSet.allOf(ManagementState.class).stream()
            .map(s -> deviceJson("dev-" + s.value(), ADELE_ID, s.graphName()))
            .toArray(String[]::new);

    InMemoryTenant tenant = read(adeleAndAlexWith(devices));

    assertThat(tenant.listByUser(ADELE))
        .extracting(ManagedDevice::managementState)
        .containsExactlyInAnyOrder(ManagementState.values());
  }

  @Test
  void givenFile_whenLoad_thenReadAndStreamClosedOnlyByLoad() throws IOException {
    Path file = dir.resolve("tenant.json");
    Files.writeString(file, adeleAndAlexWith(deviceJson("dev-1", ADELE_ID, "managed")));

    InMemoryTenant tenant = TenantFile.load(file);

    assertThat(tenant.deviceCount()).isEqualTo(1);
  }

  @Test
  void givenCallersStream_whenRead_thenLeftOpen() {
    boolean[] closed = {false};
    ByteArrayInputStream in =
        new ByteArrayInputStream(adeleAndAlexWith().getBytes(StandardCharsets.UTF_8)) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };

    TenantFile.read(in, SOURCE);

    assertThat(closed[0]).isFalse();
  }

  // ---- what fails, and how it says so ----

  private static AbstractThrowableAssert<?, ? extends Throwable> assertReadFails(String json) {
    return assertThatThrownBy(() -> read(json))
        .isInstanceOf(TenantFileException.class)
        .hasMessageStartingWith(SOURCE + ": ")
        .satisfies(e -> assertThat(((TenantFileException) e).sourceName()).isEqualTo(SOURCE));
  }

  @Test
  void givenMissingFile_whenLoad_thenFailsNamingThePath() {
    Path missing = dir.resolve("absent.json");

    assertThatThrownBy(() -> TenantFile.load(missing))
        .isInstanceOf(TenantFileException.class)
        .hasMessage(missing + ": no such file");
  }

  @Test
  void givenBadFile_whenLoad_thenMessageNamesThePathAndEntry() throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(
        file,
        adeleAndAlexWith(deviceJson("dev-1", "00000000-0000-4000-8000-000000000001", "managed")));

    assertThatThrownBy(() -> TenantFile.load(file))
        .isInstanceOf(TenantFileException.class)
        .hasMessage(
            file
                + ": managedDevices[0] (id 'dev-1'): userId '00000000-0000-4000-8000-000000000001'"
                + " names no user");
  }

  @Test
  void givenMalformedJson_whenRead_thenLineAndColumn() {
    assertReadFails("{\n  \"users\": [\n    {\"id\": \"x\",, }\n  ]\n}")
        .hasMessageContaining("malformed JSON at line 3, column 16");
  }

  @Test
  void givenTruncatedJson_whenRead_thenMalformed() {
    assertReadFails("{\"users\": [" + userJson(ADELE))
        .hasMessageContaining("malformed JSON at line 1");
  }

  @Test
  void givenEmptyFile_whenRead_thenSaysEmpty() {
    assertReadFails("  ")
        .hasMessage(
            SOURCE
                + ": the file is empty; expected a JSON object with \"users\" and"
                + " \"managedDevices\" arrays");
  }

  @Test
  void givenTopLevelArray_whenRead_thenSaysObjectExpected() {
    assertReadFails("[]")
        .hasMessageContaining("expected a JSON object")
        .hasMessageContaining("found an array");
  }

  @Test
  void givenContentAfterTheObject_whenRead_thenFails() {
    assertReadFails(adeleAndAlexWith() + " {}")
        .hasMessageContaining("unexpected an object after the tenant object");
  }

  @Test
  void givenMisspelledTopLevelKey_whenRead_thenNamesTheUnknownKey() {
    assertReadFails("{\"user\": [%s], \"managedDevices\": []}".formatted(userJson(ADELE)))
        .hasMessage(
            SOURCE + ": unknown top-level key 'user' (expected \"users\" and \"managedDevices\")");
  }

  @Test
  void givenUnknownTopLevelKeyAfterTheArrays_whenRead_thenNamesTheUnknownKey() {
    assertReadFails(adeleAndAlexWith().replaceFirst("}$", ", \"tenantId\": \"x\"}"))
        .hasMessage(
            SOURCE
                + ": unknown top-level key 'tenantId' (expected \"users\" and"
                + " \"managedDevices\")");
  }

  @Test
  void givenPastedGraphListResponse_whenRead_thenSaysItIsAListResponse() {
    assertReadFails(
            """
            {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users",
             "value": [%s]}\
            """
                .formatted(userJson(ADELE)))
        .hasMessage(
            SOURCE
                + ": this is a Graph list response (\"value\"); a tenant file needs \"users\" and"
                + " \"managedDevices\" arrays: move the entries of \"value\" into the one they"
                + " belong to");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#users\"}"
      })
  void givenNeitherUsersNorManagedDevices_whenRead_thenFailsInsteadOfAnEmptyTenant(String json) {
    assertReadFails(json)
        .hasMessage(
            SOURCE
                + ": neither \"users\" nor \"managedDevices\" is there; expected a JSON object"
                + " with \"users\" and \"managedDevices\" arrays");
  }

  @Test
  void givenUsersNotAnArray_whenRead_thenWrongType() {
    assertReadFails("{\"users\": {}}")
        .hasMessage(SOURCE + ": \"users\" must be an array, found an object");
  }

  @Test
  void givenUsersTwice_whenRead_thenFails() {
    assertReadFails("{\"users\": [], \"users\": []}")
        .hasMessage(SOURCE + ": \"users\" appears twice");
  }

  @Test
  void givenUserEntryNotAnObject_whenRead_thenNamesEntry() {
    assertReadFails(tenantJson(List.of(userJson(ADELE), "\"alex\""), List.of()))
        .hasMessage(SOURCE + ": users[1]: expected an object, found a string");
  }

  @Test
  void givenUserWithoutId_whenRead_thenMissingRequired() {
    assertReadFails(tenantJson(List.of("{\"userPrincipalName\": \"a@contoso.com\"}"), List.of()))
        .hasMessage(SOURCE + ": users[0]: missing required \"id\"");
  }

  @Test
  void givenUserIdNumber_whenRead_thenWrongType() {
    assertReadFails(
            tenantJson(
                List.of("{\"id\": 42, \"userPrincipalName\": \"a@contoso.com\"}"), List.of()))
        .hasMessage(SOURCE + ": users[0]: \"id\" must be a string, found a number");
  }

  @Test
  void givenUserIdNotGuid_whenRead_thenSaysGraphIdsAreGuids() {
    assertReadFails(
            tenantJson(
                List.of(
                    userJson(ADELE),
                    "{\"id\": \"alex\", \"userPrincipalName\": \"a@contoso.com\"}"),
                List.of()))
        .hasMessageStartingWith(SOURCE + ": users[1] (id 'alex'): id 'alex' is not a GUID")
        .hasMessageContaining("Graph's user object ids are GUIDs");
  }

  @Test
  void givenUserWithoutUpn_whenRead_thenMissingRequired() {
    assertReadFails(tenantJson(List.of("{\"id\": \"%s\"}".formatted(ADELE_ID)), List.of()))
        .hasMessage(
            SOURCE
                + ": users[0] (id '%s'): missing required \"userPrincipalName\""
                    .formatted(ADELE_ID));
  }

  @Test
  void givenUpnWithoutAt_whenRead_thenNamesEntry() {
    assertReadFails(
            tenantJson(
                List.of("{\"id\": \"%s\", \"userPrincipalName\": \"adele\"}".formatted(ADELE_ID)),
                List.of()))
        .hasMessageStartingWith(SOURCE + ": users[0] (id '%s'): ".formatted(ADELE_ID))
        .hasMessageContaining("must contain '@'");
  }

  @Test
  void givenDuplicateUserId_whenRead_thenNamesBothEntries() {
    User copy = new User(ADELE_ID.toUpperCase(java.util.Locale.ROOT), "copy@contoso.com", "Copy");

    assertReadFails(tenantJson(List.of(userJson(ADELE), userJson(ALEX), userJson(copy)), List.of()))
        .hasMessage(
            SOURCE
                + ": users[2]: duplicate id '%s' (also the id of users[0])".formatted(copy.id()));
  }

  @Test
  void givenDeviceWithoutId_whenRead_thenMissingRequired() {
    assertReadFails(
            adeleAndAlexWith(
                deviceJson("dev-1", ADELE_ID, "managed"),
                "{\"userId\": \"%s\"}".formatted(ALEX_ID)))
        .hasMessage(SOURCE + ": managedDevices[1]: missing required \"id\"");
  }

  @Test
  void givenDuplicateDeviceId_whenRead_thenNamesBothEntries() {
    assertReadFails(
            adeleAndAlexWith(
                deviceJson("dev-1", ADELE_ID, "managed"), deviceJson("dev-1", ALEX_ID, "managed")))
        .hasMessage(
            SOURCE
                + ": managedDevices[1]: duplicate id 'dev-1' (also the id of managedDevices[0])");
  }

  @Test
  void givenDeviceOfUnknownUser_whenRead_thenNamesDeviceAndUserId() {
    assertReadFails(
            adeleAndAlexWith(
                deviceJson("dev-1", ADELE_ID, "managed"),
                deviceJson("dev-2", ALEX_ID, "managed"),
                deviceJson("dev-3", ADELE_ID, "managed"),
                deviceJson("abc", "x", "managed")))
        .hasMessage(SOURCE + ": managedDevices[3] (id 'abc'): userId 'x' names no user");
  }

  @Test
  void givenUnknownManagementState_whenRead_thenListsTheValidOnes() {
    assertReadFails(adeleAndAlexWith(deviceJson("dev-1", ADELE_ID, "foo")))
        .hasMessage(
            SOURCE
                + ": managedDevices[0] (id 'dev-1'): \"managementState\" is an unknown"
                + " managementState 'foo'; expected one of managed, retirePending, retireFailed,"
                + " wipePending, wipeFailed, unhealthy, deletePending, retireIssued, wipeIssued,"
                + " wipeCanceled, retireCanceled, discovered, unknownFutureValue");
  }

  @Test
  void givenManagementStateInWrongCase_whenRead_thenUnknown() {
    assertReadFails(adeleAndAlexWith(deviceJson("dev-1", ADELE_ID, "Managed")))
        .hasMessageContaining("unknown managementState 'Managed'");
  }

  @Test
  void givenUnknownOwnerType_whenRead_thenNamesField() {
    assertReadFails(
            adeleAndAlexWith("{\"id\": \"dev-1\", \"managedDeviceOwnerType\": \"corporate\"}"))
        .hasMessageContaining(
            "managedDevices[0] (id 'dev-1'): \"managedDeviceOwnerType\" is an unknown"
                + " managedDeviceOwnerType 'corporate'; expected one of unknown, company,"
                + " personal");
  }

  @Test
  void givenDeviceNameNumber_whenRead_thenWrongType() {
    assertReadFails(adeleAndAlexWith("{\"id\": \"dev-1\", \"deviceName\": 7}"))
        .hasMessage(
            SOURCE
                + ": managedDevices[0] (id 'dev-1'): \"deviceName\" must be a string, found a"
                + " number");
  }

  @Test
  void givenDeviceIdWithSlash_whenRead_thenNamesEntry() {
    assertReadFails(adeleAndAlexWith("{\"id\": \"a/b\"}"))
        .hasMessageStartingWith(SOURCE + ": managedDevices[0] (id 'a/b'): ")
        .hasMessageContaining("must not contain '/'");
  }

  @Test
  void givenBadDate_whenRead_thenSaysIso8601() {
    assertReadFails(adeleAndAlexWith("{\"id\": \"dev-1\", \"lastSyncDateTime\": \"yesterday\"}"))
        .hasMessageStartingWith(
            SOURCE
                + ": managedDevices[0] (id 'dev-1'): \"lastSyncDateTime\" value 'yesterday' is not"
                + " an ISO-8601 date-time");
  }

  @Test
  void givenActionResultsNotAnArray_whenRead_thenWrongType() {
    assertReadFails(adeleAndAlexWith("{\"id\": \"dev-1\", \"deviceActionResults\": {}}"))
        .hasMessage(
            SOURCE
                + ": managedDevices[0] (id 'dev-1'): \"deviceActionResults\" must be an array,"
                + " found an object");
  }

  @Test
  void givenActionResultWithoutName_whenRead_thenNamesNestedEntry() {
    assertReadFails(
            adeleAndAlexWith(
                """
                {"id": "dev-1", "deviceActionResults": [
                  {"actionName": "retire", "actionState": "pending"},
                  {"actionState": "done"}]}\
                """))
        .hasMessage(
            SOURCE
                + ": managedDevices[0] (id 'dev-1'): deviceActionResults[1]: missing required"
                + " \"actionName\"");
  }

  @Test
  void givenUnknownActionState_whenRead_thenListsTheValidOnes() {
    assertReadFails(
            adeleAndAlexWith(
                "{\"id\": \"dev-1\", \"deviceActionResults\": [{\"actionName\": \"wipe\","
                    + " \"actionState\": \"running\"}]}"))
        .hasMessageContaining(
            "deviceActionResults[0]: \"actionState\" is an unknown actionState 'running'; expected"
                + " one of none, pending, canceled, active, done, failed, notSupported");
  }
}
