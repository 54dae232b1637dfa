package org.devicemanagement.adapters.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.domain.ActionState;
import org.devicemanagement.domain.ComplianceState;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagedDeviceOwnerType;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.jspecify.annotations.Nullable;

/**
 * The one test-data factory of adapters-graph: tokens, settings, tenants wired to fakes, and
 * Graph's JSON (users, devices, pages, error bodies as Graph and Intune really shape them). Users
 * and devices come from the application's {@link ApplicationTestData}.
 */
final class GraphTestData {

  /** A delegated token as the adapter sees it: opaque, JWT-shaped, never to be logged. */
  static final String TOKEN =
      "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzY3AiOiJEZXZpY2VNYW5hZ2VtZW50In0.c2VjcmV0LXNpZ25hdHVyZQ";

  /** The fake clock's start: the same "now" as the application's tests. */
  static final Instant NOW = ApplicationTestData.NOW;

  /** The scope Intune names for removeAllDevicesFromManagement. */
  static final String PRIVILEGED_SCOPE = "DeviceManagementManagedDevices.PrivilegedOperations.All";

  /** A GUID, as Graph's request-ids and our client-request-ids look. */
  static final String GUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private static final ObjectMapper JSON = new ObjectMapper();

  private GraphTestData() {}

  static User adele() {
    return ApplicationTestData.adele();
  }

  static User alex() {
    return ApplicationTestData.alex();
  }

  static User megan() {
    return ApplicationTestData.megan();
  }

  /** A guest (B2B) user: Entra's guest sign-in names carry {@code #EXT#}. */
  static User guest() {
    return new User(
        "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d",
        "lee_fabrikam.com#EXT#@contoso.onmicrosoft.com",
        "Lee Gu (Fabrikam)");
  }

  /** Adele's devices: one in each management state, ordered by id. */
  static List<ManagedDevice> adeleDevices() {
    return ApplicationTestData.devicesOf(adele(), ApplicationTestData.devices());
  }

  static ManagedDevice adeleDevice(ManagementState state) {
    return ApplicationTestData.device(adele(), state);
  }

  // ------------------------------------------------------------------ wiring

  /** Default settings against {@code base}, with timeouts short enough for tests. */
  static GraphSettings settings(URI base) {
    return GraphSettings.defaults(base)
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
        .withCallDeadline(Duration.ofMinutes(30));
  }

  /** A tenant against {@code settings} that never waits: the sleeper moves the fake clock. */
  static GraphTenant tenant(GraphSettings settings, FakeClock clock, RecordingSleeper sleeper) {
    return GraphTenant.builder(settings, new FixedGraphCredentials(TOKEN))
        .clock(clock)
        .sleeper(sleeper)
        .random(new FixedRandom(0.5))
        .build();
  }

  static FakeClock clock() {
    return new FakeClock(NOW);
  }

  // ------------------------------------------------------------------ requests

  /**
   * The target of the tenant's device listing filtered by {@code filter}, as the adapter sends it:
   * {@code /v1.0/deviceManagement/managedDevices?$filter=...}, percent-encoded.
   */
  static String filteredListing(String filter) {
    return "/v1.0/deviceManagement/managedDevices?$filter=" + GraphHttp.queryValue(filter);
  }

  /** The target listing {@code user}'s devices by object id: {@code userId eq '<id>'}. */
  static String devicesOfUserId(User user) {
    return filteredListing("userId eq '" + user.id().replace("'", "''") + "'");
  }

  /** The target listing devices by sign-in name: {@code userPrincipalName eq '<upn>'}. */
  static String devicesOfUpn(String upn) {
    return filteredListing("userPrincipalName eq '" + upn.replace("'", "''") + "'");
  }

  /** A stand-in for an object id, as {@link GraphUsersOrStandIns} makes one. */
  static User standInForId(String id) {
    return new User(id, id + "@" + GraphUsersOrStandIns.UNRESOLVED_DOMAIN, "");
  }

  // ------------------------------------------------------------------ Graph JSON

  /** A user as {@code GET /users/{id}?$select=id,userPrincipalName,displayName} returns it. */
  static String userJson(User user) {
    ObjectNode node = JSON.createObjectNode();
    node.put(
        "@odata.context",
        "https://graph.microsoft.com/v1.0/$metadata#users(id,userPrincipalName,displayName)/$entity");
    node.put("id", user.id());
    node.put("userPrincipalName", user.userPrincipalName());
    node.put("displayName", user.displayName());
    return write(node);
  }

  /** A device as Graph serializes a managedDevice. */
  static ObjectNode deviceNode(ManagedDevice device) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", device.id());
    node.put("userId", device.userId());
    node.put("userPrincipalName", device.userPrincipalName());
    node.put("deviceName", device.deviceName());
    node.put("operatingSystem", device.operatingSystem());
    node.put("osVersion", device.osVersion());
    node.put("managementState", device.managementState().graphName());
    node.put("complianceState", device.complianceState().graphName());
    node.put("managedDeviceOwnerType", device.managedDeviceOwnerType().graphName());
    node.put("enrolledDateTime", device.enrolledDateTime().toString());
    node.put("lastSyncDateTime", device.lastSyncDateTime().toString());
    node.put("serialNumber", device.serialNumber());
    node.put("azureADDeviceId", device.azureADDeviceId());
    node.put("model", device.model());
    node.put("manufacturer", device.manufacturer());
    ArrayNode results = node.putArray("deviceActionResults");
    for (DeviceActionResult result : device.deviceActionResults()) {
      ObjectNode r = results.addObject();
      r.put("actionName", result.actionName());
      r.put("actionState", result.actionState().graphName());
      r.put("startDateTime", result.startDateTime().toString());
      r.put("lastUpdatedDateTime", result.lastUpdatedDateTime().toString());
    }
    return node;
  }

  static String deviceJson(ManagedDevice device) {
    return write(deviceNode(device));
  }

  /** One page of a managedDevices list; {@code nextLink} null on the last page. */
  static String page(List<ManagedDevice> devices, @Nullable String nextLink) {
    ObjectNode node = JSON.createObjectNode();
    node.put(
        "@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users('x')/managedDevices");
    if (nextLink != null) {
      node.put("@odata.nextLink", nextLink);
    }
    ArrayNode value = node.putArray("value");
    devices.forEach(d -> value.add(deviceNode(d)));
    return write(node);
  }

  /**
   * A device exactly as real Graph v1.0 returns one: many more properties than the domain keeps,
   * 7-digit fractions of seconds, and a retire action in flight.
   */
  static String realGraphDeviceJson() {
    return """
        {
          "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#deviceManagement/managedDevices/$entity",
          "id": "4f1c2a9e-3b7d-4e58-9a61-0c2d8e7f6b13",
          "userId": "6e7b768e-07e2-4810-8459-485f84f8f204",
          "deviceName": "DESKTOP-7Q2L9KD",
          "managedDeviceOwnerType": "company",
          "enrolledDateTime": "2024-02-19T08:41:12Z",
          "lastSyncDateTime": "2025-06-01T21:59:47.1234567Z",
          "operatingSystem": "Windows",
          "complianceState": "compliant",
          "jailBroken": "Unknown",
          "managementAgent": "mdm",
          "osVersion": "10.0.22631.3880",
          "easActivated": true,
          "easDeviceId": "",
          "easActivationDateTime": "0001-01-01T00:00:00Z",
          "azureADRegistered": true,
          "deviceEnrollmentType": "windowsAzureADJoin",
          "activationLockBypassCode": null,
          "emailAddress": "AdeleV@contoso.onmicrosoft.com",
          "azureADDeviceId": "c3f5a1d2-8e4b-4c7a-9f1e-2d3b4a5c6e7f",
          "deviceRegistrationState": "registered",
          "deviceCategoryDisplayName": "Unknown",
          "isSupervised": false,
          "exchangeLastSuccessfulSyncDateTime": "0001-01-01T00:00:00Z",
          "exchangeAccessState": "none",
          "exchangeAccessStateReason": "none",
          "remoteAssistanceSessionUrl": null,
          "remoteAssistanceSessionErrorDetails": null,
          "isEncrypted": true,
          "userPrincipalName": "AdeleV@contoso.onmicrosoft.com",
          "model": "Surface Laptop 5",
          "manufacturer": "Microsoft Corporation",
          "imei": "",
          "complianceGracePeriodExpirationDateTime": "9999-12-31T23:59:59Z",
          "serialNumber": "0F3ZK7P2",
          "phoneNumber": "",
          "androidSecurityPatchLevel": "",
          "userDisplayName": "Adele Vance",
          "configurationManagerClientEnabledFeatures": null,
          "wiFiMacAddress": "",
          "deviceHealthAttestationState": null,
          "subscriberCarrier": "",
          "meid": "",
          "totalStorageSpaceInBytes": 255465537536,
          "freeStorageSpaceInBytes": 171798691840,
          "managedDeviceName": "AdeleV_Windows_2/19/2024_8:41 AM",
          "partnerReportedThreatState": "unknown",
          "requireUserEnrollmentApproval": null,
          "managementCertificateExpirationDate": "2025-02-18T08:31:12Z",
          "iccid": null,
          "udid": null,
          "notes": null,
          "ethernetMacAddress": null,
          "physicalMemoryInBytes": 0,
          "enrollmentProfileName": null,
          "managementState": "retireIssued",
          "deviceActionResults": [
            {
              "actionName": "retire",
              "actionState": "active",
              "startDateTime": "2025-06-01T22:00:03.5Z",
              "lastUpdatedDateTime": "2025-06-01T22:04:10Z"
            }
          ]
        }
        """;
  }

  /** The domain's reading of {@link #realGraphDeviceJson()}. */
  static ManagedDevice realGraphDevice() {
    return ManagedDevice.builder("4f1c2a9e-3b7d-4e58-9a61-0c2d8e7f6b13", adele().id())
        .userPrincipalName("AdeleV@contoso.onmicrosoft.com")
        .deviceName("DESKTOP-7Q2L9KD")
        .operatingSystem("Windows")
        .osVersion("10.0.22631.3880")
        .managementState(ManagementState.RETIRE_ISSUED)
        .complianceState(ComplianceState.COMPLIANT)
        .managedDeviceOwnerType(ManagedDeviceOwnerType.COMPANY)
        .enrolledDateTime(Instant.parse("2024-02-19T08:41:12Z"))
        .lastSyncDateTime(Instant.parse("2025-06-01T21:59:47.1234567Z"))
        .serialNumber("0F3ZK7P2")
        .azureADDeviceId("c3f5a1d2-8e4b-4c7a-9f1e-2d3b4a5c6e7f")
        .model("Surface Laptop 5")
        .manufacturer("Microsoft Corporation")
        .deviceActionResults(
            List.of(
                new DeviceActionResult(
                    "retire",
                    ActionState.ACTIVE,
                    Instant.parse("2025-06-01T22:00:03.5Z"),
                    Instant.parse("2025-06-01T22:04:10Z"))))
        .build();
  }

  // ------------------------------------------------------------------ Graph errors

  /** Graph's error envelope. */
  static String errorBody(String code, String message) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("code", code);
    error.put("message", message);
    ObjectNode inner = error.putObject("innerError");
    inner.put("date", "2025-06-02T10:15:30");
    inner.put("request-id", UUID.randomUUID().toString());
    inner.put("client-request-id", UUID.randomUUID().toString());
    return write(root);
  }

  /** The throttling answer Graph gives (Intune's 429 body). */
  static String throttled() {
    return errorBody("TooManyRequests", "Please retry again later.");
  }

  static String unavailable() {
    return errorBody(
        "ServiceUnavailable", "The service is temporarily unavailable. Please retry later.");
  }

  /** Intune's 403: its own error document, with CRLFs, as a JSON string inside Graph's message. */
  static String intuneForbidden(String... scopes) {
    String intune =
        "{\r\n  \"_version\": 3,\r\n  \"Message\": \"Application is not authorized to perform this"
            + " operation. Application must have one of the following scopes: "
            + String.join(", ", scopes)
            + " - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 - Activity"
            + " ID: 2578f4a3-00e0-4699-bde7-e699fabc1086 - Url:"
            + " https://fef.msub05.manage.microsoft.com/StatelessDeviceFEService/users('6e7b768e-07e2-4810-8459-485f84f8f204')/removeAllDevicesFromManagement?api-version=2024-06-03\",\r\n"
            + "  \"CustomApiErrorPhrase\": \"\",\r\n  \"RetryAfter\": null,\r\n  \"ErrorSourceService\":"
            + " \"\",\r\n  \"HttpHeaders\": \"{}\"\r\n}";
    return errorBody("Forbidden", intune);
  }

  /** The doubly nested form some Intune endpoints give: code UnknownError, ErrorCode inside. */
  static String intuneDoublyNestedForbidden() {
    String inner =
        "{\r\n  \"_version\": 3,\r\n  \"Message\": \"An error has occurred - Operation ID (for customer"
            + " support): 00000000-0000-0000-0000-000000000000 - Activity ID:"
            + " 2f4a8c74-f5d3-4529-9441-c6e6543b2133 - Url:"
            + " https://fef.msub02.manage.microsoft.com/DeviceFE/StatelessDeviceFEService/deviceManagement/managedDevices?api-version=2018-05-24\",\r\n"
            + "  \"CustomApiErrorPhrase\": \"\",\r\n  \"RetryAfter\": null,\r\n  \"ErrorSourceService\":"
            + " \"\",\r\n  \"HttpHeaders\": \"{}\"\r\n}";
    ObjectNode middle = JSON.createObjectNode();
    middle.put("ErrorCode", "Forbidden");
    middle.put("Message", inner);
    middle.put("Target", (String) null);
    middle.putArray("Details");
    return errorBody("UnknownError", write(middle));
  }

  /** Entra's 401 for a bad token. */
  static String invalidToken() {
    return errorBody(
        "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
  }

  /** Entra's 404 for an unknown user. */
  static String userNotFound(String reference) {
    return errorBody(
        "Request_ResourceNotFound",
        "Resource '%s' does not exist or one of its queried reference-property objects are not present."
            .formatted(reference));
  }

  /** Intune's 404 for an unknown device. */
  static String deviceNotFound(String id) {
    return errorBody(
        "ResourceNotFound",
        "{\r\n  \"_version\": 3,\r\n  \"Message\": \"An error has occurred - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 - Activity ID: %s - Url: https://fef.msub05.manage.microsoft.com/DeviceFE/StatelessDeviceFEService/deviceManagement/managedDevices('%s')?api-version=2024-06-03\",\r\n  \"CustomApiErrorPhrase\": \"\",\r\n  \"RetryAfter\": null,\r\n  \"ErrorSourceService\": \"\",\r\n  \"HttpHeaders\": \"{}\"\r\n}"
            .formatted(UUID.randomUUID(), id));
  }

  static String write(Object node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectMapper json() {
    return JSON;
  }
}
