package org.devicemanagement.adapters.memory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditPage;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.port.out.AuditTrail;
import org.devicemanagement.domain.ComplianceState;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagedDeviceOwnerType;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;

/** The one test-data factory of adapters-memory: users, devices, tenants and tenant-file texts. */
final class MemoryTestData {

  static final Instant AT = Instant.parse("2024-05-06T10:00:00Z");
  static final String SOURCE = "test-tenant.json";

  static final String ADELE_ID = "6e1d3b7a-4f2c-4b8e-9a51-2c7d8e0f1a23";
  static final String ALEX_ID = "a9527b43-48ca-4ea8-a40e-d505128fdfa8";
  static final String PRADEEP_ID = "cf14a3d6-404e-481a-a671-ba423409c196";

  static final User ADELE = new User(ADELE_ID, "adele.vance@contoso.com", "Adele Vance");
  static final User ALEX = new User(ALEX_ID, "alex.wilber@contoso.com", "Alex Wilber");
  static final User PRADEEP = new User(PRADEEP_ID, "pradeep.gupta@contoso.com", "Pradeep Gupta");

  /** The demo tenant's counts, as documented in {@link TenantFile}. */
  static final int DEMO_USERS = 6;

  static final int DEMO_DEVICES = 17;
  static final int DEMO_ADELE_DEVICES = 5;
  static final int DEMO_ADELE_RETIRABLE = 4;

  private MemoryTestData() {}

  static ManagedDevice device(String id, User user, ManagementState state) {
    return ManagedDevice.builder(id, user.id())
        .userPrincipalName(user.userPrincipalName())
        .deviceName("device " + id)
        .operatingSystem("Windows")
        .managementState(state)
        .complianceState(ComplianceState.COMPLIANT)
        .managedDeviceOwnerType(ManagedDeviceOwnerType.COMPANY)
        .build();
  }

  static ManagedDevice deviceWithoutUser(String id) {
    return ManagedDevice.builder(id, "").deviceName("kiosk " + id).build();
  }

  /**
   * Adele with three devices (given out of id order), Alex with one, Pradeep with none, one kiosk.
   */
  static InMemoryTenant smallTenant() {
    return InMemoryTenant.of(
        List.of(ADELE, ALEX, PRADEEP),
        List.of(
            device("c-adele-wipe", ADELE, ManagementState.WIPE_PENDING),
            device("a-adele-managed", ADELE, ManagementState.MANAGED),
            device("b-adele-unhealthy", ADELE, ManagementState.UNHEALTHY),
            device("d-alex-managed", ALEX, ManagementState.MANAGED),
            deviceWithoutUser("e-kiosk")));
  }

  /** A user with a generated GUID-shaped id and UPN, numbered {@code n}. */
  static User numberedUser(int n) {
    return new User(
        "%08x-0000-4000-8000-%012x".formatted(n, n),
        "user%d@contoso.com".formatted(n),
        "User " + n);
  }

  /**
   * {@code perUser} devices for each user, cycling through every management state so that some are
   * retirable and some are not.
   */
  static List<ManagedDevice> devicesCyclingStates(List<User> users, int perUser) {
    ManagementState[] states = ManagementState.values();
    List<ManagedDevice> devices = new ArrayList<>(users.size() * perUser);
    for (int u = 0; u < users.size(); u++) {
      for (int d = 0; d < perUser; d++) {
        devices.add(
            device("dev-%04d-%04d".formatted(u, d), users.get(u), states[(u + d) % states.length]));
      }
    }
    return devices;
  }

  static boolean retirable(ManagedDevice device) {
    return device.managementState().retireAllEffect() == ManagementState.RetireAllEffect.RETIRE;
  }

  // ---- tenant-file texts ----

  static InMemoryTenant read(String json) {
    return TenantFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), SOURCE);
  }

  static String userJson(User user) {
    return """
    {"id": "%s", "userPrincipalName": "%s", "displayName": "%s"}\
    """
        .formatted(user.id(), user.userPrincipalName(), user.displayName());
  }

  static String tenantJson(List<String> users, List<String> devices) {
    return """
    {"users": [%s],
     "managedDevices": [%s]}\
    """
        .formatted(String.join(",\n", users), String.join(",\n", devices));
  }

  /** A minimal Graph managedDevice of {@code userId} in {@code managementState}. */
  static String deviceJson(String id, String userId, String managementState) {
    return """
    {"id": "%s", "userId": "%s", "deviceName": "PC-%s", "operatingSystem": "Windows",
     "managementState": "%s"}\
    """
        .formatted(id, userId, id, managementState);
  }

  /** A tenant file of Adele and Alex whose devices are {@code devices}. */
  static String adeleAndAlexWith(String... devices) {
    return tenantJson(List.of(userJson(ADELE), userJson(ALEX)), List.of(devices));
  }

  static final String GRAPH_DEVICE_ID = "705c034c-034c-705c-4c03-5c704c035c70";

  /**
   * A user exactly as {@code GET /v1.0/users/{id}} returns it, with properties the loader ignores.
   */
  static final String GRAPH_USER_JSON =
      """
      {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
        "businessPhones": ["+1 425 555 0109"],
        "displayName": "Adele Vance",
        "givenName": "Adele",
        "jobTitle": "Retail Manager",
        "mail": "AdeleV@contoso.com",
        "mobilePhone": null,
        "officeLocation": "18/2111",
        "preferredLanguage": "en-US",
        "surname": "Vance",
        "userPrincipalName": "adele.vance@contoso.com",
        "id": "6e1d3b7a-4f2c-4b8e-9a51-2c7d8e0f1a23"
      }\
      """;

  /**
   * A managedDevice exactly as {@code GET /v1.0/deviceManagement/managedDevices/{id}} returns it,
   * with many properties the loader ignores and no {@code userPrincipalName}-less shortcuts.
   */
  static final String GRAPH_DEVICE_JSON =
      """
      {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#deviceManagement/managedDevices/$entity",
        "@odata.type": "#microsoft.graph.managedDevice",
        "id": "705c034c-034c-705c-4c03-5c704c035c70",
        "userId": "6E1D3B7A-4F2C-4B8E-9A51-2C7D8E0F1A23",
        "deviceName": "DESKTOP-8F3K2LQ",
        "managedDeviceOwnerType": "company",
        "deviceActionResults": [
          {
            "@odata.type": "microsoft.graph.deviceActionResult",
            "actionName": "syncDevice",
            "actionState": "done",
            "startDateTime": "2024-05-06T08:01:02.3456789Z",
            "lastUpdatedDateTime": "2024-05-06T08:02:19.1234567+00:00"
          }
        ],
        "enrolledDateTime": "2024-02-14T09:21:44Z",
        "lastSyncDateTime": "2024-05-06T08:02:19Z",
        "operatingSystem": "Windows",
        "complianceState": "compliant",
        "jailBroken": "Unknown",
        "managementAgent": "mdm",
        "osVersion": "10.0.22631.3447",
        "easActivated": true,
        "easDeviceId": "",
        "easActivationDateTime": "0001-01-01T00:00:00Z",
        "azureADRegistered": true,
        "deviceEnrollmentType": "windowsAzureADJoin",
        "activationLockBypassCode": null,
        "emailAddress": "AdeleV@contoso.com",
        "azureADDeviceId": "c1a2b3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
        "deviceRegistrationState": "registered",
        "deviceCategoryDisplayName": "Unknown",
        "isSupervised": false,
        "exchangeLastSuccessfulSyncDateTime": "0001-01-01T00:00:00Z",
        "exchangeAccessState": "none",
        "exchangeAccessStateReason": "none",
        "remoteAssistanceSessionUrl": null,
        "remoteAssistanceSessionErrorDetails": null,
        "isEncrypted": true,
        "userPrincipalName": "adele.vance@contoso.com",
        "model": "Surface Laptop 5",
        "manufacturer": "Microsoft Corporation",
        "imei": "",
        "complianceGracePeriodExpirationDateTime": "9999-12-31T23:59:59Z",
        "serialNumber": "0F0N2ZT22463F1",
        "phoneNumber": "",
        "androidSecurityPatchLevel": "",
        "userDisplayName": "Adele Vance",
        "configurationManagerClientEnabledFeatures": null,
        "wiFiMacAddress": "5C3A45A1B2C3",
        "deviceHealthAttestationState": null,
        "subscriberCarrier": "",
        "meid": "",
        "totalStorageSpaceInBytes": 255369969664,
        "freeStorageSpaceInBytes": 160432242688,
        "managedDeviceName": "AdeleV_Windows_2/14/2024_9:21 AM",
        "partnerReportedThreatState": "unknown",
        "requireUserEnrollmentApproval": null,
        "managementCertificateExpirationDate": "2025-02-13T09:11:44Z",
        "iccid": null,
        "udid": null,
        "notes": null,
        "ethernetMacAddress": null,
        "physicalMemoryInBytes": 0,
        "enrollmentProfileName": null,
        "roleScopeTagIds": ["0"],
        "usersLoggedOn": [{"userId": "6e1d3b7a-4f2c-4b8e-9a51-2c7d8e0f1a23", "lastLogOnDateTime": "2024-05-06T07:58:00Z"}],
        "managementState": "managed"
      }\
      """;

  /** Every event {@code trail} answers {@code query} with, read page by page of {@code size}. */
  static List<AuditEvent> allPages(AuditTrail trail, AuditQuery query, int size) {
    List<AuditEvent> events = new ArrayList<>();
    Optional<String> token = Optional.empty();
    do {
      AuditPage page = trail.searchEvents(query, size, token);
      events.addAll(page.events());
      token = page.nextSkipToken();
    } while (token.isPresent());
    return events;
  }
}
