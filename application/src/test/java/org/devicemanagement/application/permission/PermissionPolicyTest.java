package org.devicemanagement.application.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.devicemanagement.application.permission.Operation.GET_AUDIT_ACTIVITY_TYPES;
import static org.devicemanagement.application.permission.Operation.GET_AUDIT_CATEGORIES;
import static org.devicemanagement.application.permission.Operation.GET_AUDIT_EVENT;
import static org.devicemanagement.application.permission.Operation.GET_MANAGED_DEVICE;
import static org.devicemanagement.application.permission.Operation.GET_USER;
import static org.devicemanagement.application.permission.Operation.LIST_AUDIT_EVENTS;
import static org.devicemanagement.application.permission.Operation.LIST_MANAGED_DEVICES;
import static org.devicemanagement.application.permission.Operation.REMOVE_ALL_DEVICES_FROM_MANAGEMENT;
import static org.devicemanagement.application.permission.PermissionType.APPLICATION;
import static org.devicemanagement.application.permission.PermissionType.DELEGATED_PERSONAL;
import static org.devicemanagement.application.permission.PermissionType.DELEGATED_WORK_OR_SCHOOL;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.failure.MissingPermissionException;
import org.devicemanagement.application.failure.PermissionTypeNotSupportedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the permission policy: each catalog x operation x permission type x granted set,
 * with the expected outcome written out by hand from graph-contract.md (not computed from the
 * catalog).
 */
class PermissionPolicyTest {

  private static final String PRIVILEGED =
      "DeviceManagementManagedDevices.PrivilegedOperations.All";
  private static final String PRIVILEGED_TYPO =
      "DeviceManagementManagedDevices.PriviligedOperation.All";
  private static final String READ = "DeviceManagementManagedDevices.Read.All";
  private static final String READ_WRITE = "DeviceManagementManagedDevices.ReadWrite.All";
  private static final String USER_READ_BASIC = "User.ReadBasic.All";
  private static final String USER_READ = "User.Read.All";
  private static final String USER_READ_WRITE = "User.ReadWrite.All";
  private static final String DIRECTORY_READ = "Directory.Read.All";
  private static final String DIRECTORY_READ_WRITE = "Directory.ReadWrite.All";
  private static final String APPS_READ = "DeviceManagementApps.Read.All";
  private static final String APPS_READ_WRITE = "DeviceManagementApps.ReadWrite.All";
  // The privileged scope with one letter swapped for a non-ASCII one that String.equalsIgnoreCase
  // folds into it: U+0131 (dotless i) for an i, U+017F (long s) for an s.
  private static final String PRIVILEGED_DOTLESS_I =
      "DeviceManagementManagedDevices.Pr\u0131vilegedOperations.All";
  private static final String PRIVILEGED_LONG_S =
      "DeviceManagementManagedDevice\u017f.PrivilegedOperations.All";
  private static final String PRIVILEGED_TYPO_DOTLESS_I =
      "DeviceManagementManagedDevices.Privil\u0131gedOperation.All";

  /** The families of permissions an operation accepts. */
  enum Family {
    PRIVILEGED_OPERATIONS,
    READ_DEVICES,
    READ_USERS_DELEGATED,
    READ_USERS_APPLICATION,
    READ_AUDIT
  }

  /** What a row of an operation's table accepts: nothing (type not supported) or a family. */
  record Accepts(Family family, List<String> permissions) {
    static final Accepts NOT_SUPPORTED = new Accepts(null, List.of());
    static final Accepts PRIVILEGED_ONLY =
        new Accepts(Family.PRIVILEGED_OPERATIONS, List.of(PRIVILEGED));
    static final Accepts READERS = new Accepts(Family.READ_DEVICES, List.of(READ_WRITE, READ));
    static final Accepts DELEGATED_USER_READERS =
        new Accepts(
            Family.READ_USERS_DELEGATED,
            List.of(
                USER_READ_BASIC, USER_READ, USER_READ_WRITE, DIRECTORY_READ, DIRECTORY_READ_WRITE));
    static final Accepts APPLICATION_USER_READERS =
        new Accepts(
            Family.READ_USERS_APPLICATION,
            List.of(USER_READ, USER_READ_WRITE, DIRECTORY_READ, DIRECTORY_READ_WRITE));

    static final Accepts AUDIT_READERS =
        new Accepts(Family.READ_AUDIT, List.of(APPS_READ, APPS_READ_WRITE));

    boolean supported() {
      return family != null;
    }
  }

  /** The expected tables, by hand: catalog -> operation -> permission type -> what is accepted. */
  private static final Map<String, Map<Operation, Map<PermissionType, Accepts>>> EXPECTED =
      Map.of(
          "seed",
          Map.of(
              REMOVE_ALL_DEVICES_FROM_MANAGEMENT,
              Map.of(
                  DELEGATED_WORK_OR_SCHOOL, Accepts.PRIVILEGED_ONLY,
                  DELEGATED_PERSONAL, Accepts.NOT_SUPPORTED,
                  APPLICATION, Accepts.NOT_SUPPORTED),
              LIST_MANAGED_DEVICES,
              readTable(),
              GET_MANAGED_DEVICE,
              readTable(),
              GET_USER,
              userTable(),
              LIST_AUDIT_EVENTS,
              auditTable(),
              GET_AUDIT_EVENT,
              auditTable(),
              GET_AUDIT_CATEGORIES,
              auditTable(),
              GET_AUDIT_ACTIVITY_TYPES,
              auditTable()),
          "current",
          Map.of(
              REMOVE_ALL_DEVICES_FROM_MANAGEMENT,
              Map.of(
                  DELEGATED_WORK_OR_SCHOOL, Accepts.PRIVILEGED_ONLY,
                  DELEGATED_PERSONAL, Accepts.NOT_SUPPORTED,
                  APPLICATION, Accepts.PRIVILEGED_ONLY),
              LIST_MANAGED_DEVICES,
              readTable(),
              GET_MANAGED_DEVICE,
              readTable(),
              GET_USER,
              userTable(),
              LIST_AUDIT_EVENTS,
              auditTable(),
              GET_AUDIT_EVENT,
              auditTable(),
              GET_AUDIT_CATEGORIES,
              auditTable(),
              GET_AUDIT_ACTIVITY_TYPES,
              auditTable()));

  private static Map<PermissionType, Accepts> readTable() {
    return Map.of(
        DELEGATED_WORK_OR_SCHOOL, Accepts.READERS,
        DELEGATED_PERSONAL, Accepts.NOT_SUPPORTED,
        APPLICATION, Accepts.READERS);
  }

  private static Map<PermissionType, Accepts> auditTable() {
    return Map.of(
        DELEGATED_WORK_OR_SCHOOL, Accepts.AUDIT_READERS,
        DELEGATED_PERSONAL, Accepts.NOT_SUPPORTED,
        APPLICATION, Accepts.AUDIT_READERS);
  }

  private static Map<PermissionType, Accepts> userTable() {
    return Map.of(
        DELEGATED_WORK_OR_SCHOOL, Accepts.DELEGATED_USER_READERS,
        DELEGATED_PERSONAL, Accepts.NOT_SUPPORTED,
        APPLICATION, Accepts.APPLICATION_USER_READERS);
  }

  /** A granted set of permissions and the families it satisfies. */
  record Grant(String label, Set<String> permissions, Set<Family> satisfies) {
    @Override
    public String toString() {
      return label;
    }
  }

  private static final List<Grant> GRANTS =
      List.of(
          new Grant("nothing", Set.of(), EnumSet.noneOf(Family.class)),
          new Grant("privileged", Set.of(PRIVILEGED), EnumSet.of(Family.PRIVILEGED_OPERATIONS)),
          new Grant(
              "privileged (seed typo)",
              Set.of(PRIVILEGED_TYPO),
              EnumSet.of(Family.PRIVILEGED_OPERATIONS)),
          new Grant(
              "privileged lower case",
              Set.of("devicemanagementmanageddevices.privilegedoperations.all"),
              EnumSet.of(Family.PRIVILEGED_OPERATIONS)),
          new Grant(
              "privileged typo upper case",
              Set.of("DEVICEMANAGEMENTMANAGEDDEVICES.PRIVILIGEDOPERATION.ALL"),
              EnumSet.of(Family.PRIVILEGED_OPERATIONS)),
          new Grant("read", Set.of(READ), EnumSet.of(Family.READ_DEVICES)),
          new Grant("apps read", Set.of(APPS_READ), EnumSet.of(Family.READ_AUDIT)),
          new Grant(
              "apps read-write lower case",
              Set.of("devicemanagementapps.readwrite.all"),
              EnumSet.of(Family.READ_AUDIT)),
          new Grant("read-write", Set.of(READ_WRITE), EnumSet.of(Family.READ_DEVICES)),
          new Grant(
              "read-write mixed case",
              Set.of("deviceManagementManagedDevices.readWrite.all"),
              EnumSet.of(Family.READ_DEVICES)),
          new Grant(
              "unrelated scopes",
              Set.of("User.Read", "Mail.Send", "DeviceManagementConfiguration.ReadWrite.All"),
              EnumSet.noneOf(Family.class)),
          new Grant(
              "near misses",
              Set.of(
                  "DeviceManagementManagedDevices.PrivilegedOperations",
                  "DeviceManagementManagedDevices.PrivilegedOperation.All",
                  "DeviceManagementManagedDevices.Read"),
              EnumSet.noneOf(Family.class)),
          new Grant(
              "privileged look-alikes (dotless i, long s)",
              Set.of(PRIVILEGED_DOTLESS_I, PRIVILEGED_LONG_S, PRIVILEGED_TYPO_DOTLESS_I),
              EnumSet.noneOf(Family.class)),
          new Grant(
              "read look-alike (long s)",
              Set.of("DeviceManagementManagedDevice\u017f.Read.All"),
              EnumSet.noneOf(Family.class)),
          new Grant(
              "read and privileged",
              Set.of(READ, PRIVILEGED_TYPO),
              EnumSet.of(Family.PRIVILEGED_OPERATIONS, Family.READ_DEVICES)),
          new Grant(
              "user read basic (delegated only)",
              Set.of(USER_READ_BASIC),
              EnumSet.of(Family.READ_USERS_DELEGATED)),
          new Grant(
              "user read all",
              Set.of(USER_READ),
              EnumSet.of(Family.READ_USERS_DELEGATED, Family.READ_USERS_APPLICATION)),
          new Grant(
              "directory read-write lower case",
              Set.of("directory.readwrite.all"),
              EnumSet.of(Family.READ_USERS_DELEGATED, Family.READ_USERS_APPLICATION)),
          new Grant(
              "user read near misses",
              Set.of("User.Read", "User.ReadBasic", "Directory.AccessAsUser.All"),
              EnumSet.noneOf(Family.class)),
          new Grant(
              "privileged among others",
              Set.of("User.Read", PRIVILEGED, "openid"),
              EnumSet.of(Family.PRIVILEGED_OPERATIONS)));

  static Stream<Arguments> everyCase() {
    List<Arguments> cases = new ArrayList<>();
    for (String catalog : List.of("seed", "current")) {
      for (Operation operation : Operation.values()) {
        for (PermissionType type : PermissionType.values()) {
          for (Grant grant : GRANTS) {
            cases.add(
                Arguments.of(
                    catalog,
                    operation,
                    type,
                    grant,
                    EXPECTED.get(catalog).get(operation).get(type)));
          }
        }
      }
    }
    return cases.stream();
  }

  @Test
  void givenCaseTable_whenCounted_thenCoversEveryCombination() {
    assertThat(everyCase()).hasSize(2 * 8 * 3 * GRANTS.size());
    assertThat(Operation.values()).hasSize(8);
    assertThat(PermissionType.values()).hasSize(3);
  }

  @ParameterizedTest(name = "{0} catalog, {1}, {2}, granted {3}")
  @MethodSource("everyCase")
  void givenCallerAndCatalog_whenAuthorize_thenAllowedOrRefusedAsTableSays(
      String catalogName, Operation operation, PermissionType type, Grant grant, Accepts accepts) {
    PermissionPolicy policy = new PermissionPolicy(PermissionCatalog.named(catalogName));
    Caller caller = ApplicationTestData.callerOfType(type, grant.permissions());

    Throwable refusal = catchThrowable(() -> policy.authorize(caller, operation));

    if (!accepts.supported()) {
      assertThat(refusal).isInstanceOf(PermissionTypeNotSupportedException.class);
      PermissionTypeNotSupportedException e = (PermissionTypeNotSupportedException) refusal;
      assertThat(e.code()).isEqualTo("PERMISSION_TYPE_NOT_SUPPORTED");
      assertThat(e.operation()).isEqualTo(operation);
      assertThat(e.permissionType()).isEqualTo(type);
      assertThat(e.table()).isEqualTo(policy.catalog().tableFor(operation));
      assertThat(e.getMessage())
          .contains(type.displayName())
          .contains(operation.documentationTitle());
      for (PermissionType other : PermissionType.values()) {
        Accepts row = EXPECTED.get(catalogName).get(operation).get(other);
        if (row.supported()) {
          assertThat(e.getMessage()).contains(other.displayName());
          row.permissions().forEach(p -> assertThat(e.getMessage()).contains(p));
        }
      }
      assertThat(e.getMessage()).doesNotContain(PRIVILEGED_TYPO);
    } else if (grant.satisfies().contains(accepts.family())) {
      assertThat(refusal).isNull();
    } else {
      assertThat(refusal).isInstanceOf(MissingPermissionException.class);
      MissingPermissionException e = (MissingPermissionException) refusal;
      assertThat(e.code()).isEqualTo("MISSING_PERMISSION");
      assertThat(e.operation()).isEqualTo(operation);
      assertThat(e.permissionType()).isEqualTo(type);
      assertThat(e.acceptedPermissions()).containsExactlyElementsOf(accepts.permissions());
      assertThat(e.getMessage())
          .contains(type.displayName())
          .contains(operation.documentationTitle());
      accepts.permissions().forEach(p -> assertThat(e.getMessage()).contains(p));
      assertThat(e.getMessage()).doesNotContain(PRIVILEGED_TYPO);
    }
  }

  @Test
  void givenSeedCatalog_whenApplicationRetires_thenMessageSaysOnlyDelegatedWorkOrSchool() {
    PermissionPolicy policy = new PermissionPolicy(PermissionCatalog.seed());

    assertThatThrownBy(
            () ->
                policy.authorize(
                    ApplicationTestData.application(PRIVILEGED),
                    REMOVE_ALL_DEVICES_FROM_MANAGEMENT))
        .isInstanceOf(PermissionTypeNotSupportedException.class)
        .hasMessage(
            "The permission type 'Application' is not supported for removeAllDevicesFromManagement."
                + " Accepted: Delegated (work or school account) with "
                + PRIVILEGED
                + ".");
  }

  @Test
  void givenDelegatedWithoutScope_whenRetire_thenMessageNamesTypeAndPermission() {
    PermissionPolicy policy = new PermissionPolicy(PermissionCatalog.seed());

    assertThatThrownBy(
            () ->
                policy.authorize(
                    ApplicationTestData.delegatedReader(), REMOVE_ALL_DEVICES_FROM_MANAGEMENT))
        .isInstanceOf(MissingPermissionException.class)
        .hasMessage(
            "Missing permission for removeAllDevicesFromManagement: a caller of type"
                + " 'Delegated (work or school account)' needs one of: "
                + PRIVILEGED
                + ".");
  }

  @Test
  void givenCatalogNames_whenNamed_thenIgnoresCaseAndRefusesUnknown() {
    assertThat(PermissionCatalog.named("SEED").name()).isEqualTo("seed");
    assertThat(PermissionCatalog.named("Current").name()).isEqualTo("current");
    assertThatThrownBy(() -> PermissionCatalog.named("latest"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'latest'");
  }

  @Test
  void givenCatalogWithoutEveryOperation_whenCreated_thenRefused() {
    PermissionTable table = PermissionTable.builder().allow(APPLICATION, READ).build();

    assertThatThrownBy(() -> new PermissionCatalog("partial", Map.of(LIST_MANAGED_DEVICES, table)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partial");
  }

  @Test
  void givenPermissionNames_whenKeyed_thenCaseAndSeedTypoFold() {
    assertThat(Permissions.key(PRIVILEGED_TYPO)).isEqualTo(Permissions.key(PRIVILEGED));
    assertThat(Permissions.key(PRIVILEGED_TYPO.toUpperCase(Locale.ROOT)))
        .isEqualTo(Permissions.key(PRIVILEGED));
    assertThat(Permissions.key(READ)).isNotEqualTo(Permissions.key(READ_WRITE));
    assertThat(Permissions.PRIVILEGED_OPERATIONS_ALL_SEED_SPELLING).isEqualTo(PRIVILEGED_TYPO);
  }

  @Test
  void givenPermissionNames_whenCompared_thenSameExactlyWhenTheirKeysAreEqual() {
    List<String> names =
        List.of(
            PRIVILEGED,
            PRIVILEGED_TYPO,
            PRIVILEGED.toLowerCase(Locale.ROOT),
            PRIVILEGED_TYPO.toUpperCase(Locale.ROOT),
            READ,
            READ_WRITE,
            PRIVILEGED_DOTLESS_I,
            PRIVILEGED_LONG_S,
            PRIVILEGED_TYPO_DOTLESS_I,
            PRIVILEGED_DOTLESS_I.toUpperCase(Locale.ROOT),
            "");
    for (String granted : names) {
      for (String accepted : names) {
        assertThat(Permissions.same(granted, accepted))
            .as("%s vs %s", granted, accepted)
            .isEqualTo(Permissions.key(granted).equals(Permissions.key(accepted)));
      }
    }
  }

  @Test
  void givenScopeSpelledWithLookAlikeLetters_whenRetire_thenMissingPermission() {
    PermissionPolicy policy = new PermissionPolicy(PermissionCatalog.seed());

    for (String lookAlike :
        List.of(PRIVILEGED_DOTLESS_I, PRIVILEGED_LONG_S, PRIVILEGED_TYPO_DOTLESS_I)) {
      assertThatThrownBy(
              () ->
                  policy.authorize(
                      ApplicationTestData.delegatedAs(ApplicationTestData.adele(), lookAlike),
                      REMOVE_ALL_DEVICES_FROM_MANAGEMENT))
          .as(lookAlike)
          .isInstanceOfSatisfying(
              MissingPermissionException.class,
              e -> assertThat(e.code()).isEqualTo("MISSING_PERMISSION"));
      assertThat(Permissions.key(lookAlike)).isNotEqualTo(Permissions.key(PRIVILEGED));
    }
  }

  @Test
  void givenTableListingSeedTypo_whenCallerHoldsCorrectSpelling_thenAllowed() {
    PermissionTable typoTable =
        PermissionTable.builder().allow(DELEGATED_WORK_OR_SCHOOL, PRIVILEGED_TYPO).build();
    Map<Operation, PermissionTable> tables = new EnumMap<>(Operation.class);
    for (Operation operation : Operation.values()) {
      tables.put(operation, typoTable);
    }
    PermissionCatalog catalog = new PermissionCatalog("typo", tables);

    assertThatNoException()
        .isThrownBy(
            () ->
                new PermissionPolicy(catalog)
                    .authorize(
                        ApplicationTestData.delegatedAs(ApplicationTestData.adele(), PRIVILEGED),
                        REMOVE_ALL_DEVICES_FROM_MANAGEMENT));
  }

  @Test
  void givenNulls_whenAuthorize_thenRefused() {
    PermissionPolicy policy = new PermissionPolicy(PermissionCatalog.seed());

    assertThatThrownBy(() -> policy.authorize(null, GET_MANAGED_DEVICE))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> policy.authorize(ApplicationTestData.delegatedReader(), null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new PermissionPolicy(null)).isInstanceOf(NullPointerException.class);
  }
}
