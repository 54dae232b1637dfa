package org.devicemanagement.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.bootstrap.BootstrapTestData.PRIVILEGED;
import static org.devicemanagement.bootstrap.BootstrapTestData.READ_ALL;
import static org.devicemanagement.bootstrap.GraphErrorAssertions.assertGraphError;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.bootstrap.composition.ServedTenant;
import org.devicemanagement.bootstrap.security.SigningKeys;
import org.devicemanagement.bootstrap.security.TokenType;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.devicemanagement.domain.ActionState;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real gateway chained to a real emulator, both started in-process, as {@code serve --backend
 * graph --graph-base-url http://localhost:8080/v1.0} in front of {@code serve}: the emulator
 * verifies the tokens it is passed, so they are minted with its key. Every token scope set that
 * holds the privileged scope, with every way of naming the user, retires through the gateway: 204,
 * and the emulator's devices really changed.
 */
class GatewayInFrontOfEmulatorTest {

  /** The scope sets a caller of retire-all may hold; each holds the privileged scope. */
  enum Scopes {
    PRIVILEGED_ONLY,
    /** The {@code token} command's default: the emulator refuses this caller the user lookup. */
    PRIVILEGED_AND_DEVICE_READ,
    PRIVILEGED_AND_USER_READ,
    PRIVILEGED_AND_BOTH;

    List<String> scopes() {
      return switch (this) {
        case PRIVILEGED_ONLY -> List.of(PRIVILEGED);
        case PRIVILEGED_AND_DEVICE_READ -> TokenType.DELEGATED.defaultPermissions();
        case PRIVILEGED_AND_USER_READ -> List.of(PRIVILEGED, Permissions.USER_READ_ALL);
        case PRIVILEGED_AND_BOTH -> List.of(PRIVILEGED, READ_ALL, Permissions.USER_READ_ALL);
      };
    }
  }

  /** How the request names the user whose devices are retired. */
  enum Addressing {
    OBJECT_ID,
    USER_PRINCIPAL_NAME,
    /** {@code /me}, the token naming the user by {@code upn}, as {@code token --user UPN} does. */
    ME_BY_UPN,
    /** {@code /me}, the token naming the user by {@code oid}. */
    ME_BY_OID
  }

  private static final String ADMIN = "it.admin@contoso.com";
  private static final ManagementState[] STATES = {
    ManagementState.MANAGED, ManagementState.UNHEALTHY, ManagementState.WIPE_PENDING
  };

  /** One user per combination, so that every combination starts from devices not yet retired. */
  private static final Map<String, User> USERS = new LinkedHashMap<>();

  static {
    for (Scopes scopes : Scopes.values()) {
      for (Addressing addressing : Addressing.values()) {
        String name = (scopes + "." + addressing).toLowerCase(Locale.ROOT).replace('_', '-');
        USERS.put(
            scopes + "/" + addressing,
            new User(
                "%08d-1111-4222-8333-444444444444".formatted(USERS.size() + 1),
                name + "@contoso.com",
                name));
      }
    }
  }

  private static EmulatorAndGateway servers;
  private static DeviceManagementServer emulator;
  private static DeviceManagementServer gateway;
  private static ServedTenant tenant;

  @BeforeAll
  static void startEmulatorAndGatewayInFrontOfIt() {
    List<User> users = new ArrayList<>(USERS.values());
    users.add(userWithoutPrivilegedCaller());
    List<ManagedDevice> devices = new ArrayList<>();
    for (int u = 0; u < users.size(); u++) {
      for (int d = 0; d < STATES.length; d++) {
        devices.add(
            BootstrapTestData.device(
                "d%07d-0000-4000-8000-%012d".formatted(u, d), users.get(u), STATES[d]));
      }
    }
    servers = EmulatorAndGateway.start(InMemoryTenant.of(users, devices));
    emulator = servers.emulator();
    gateway = servers.gateway();
    tenant = servers.tenant();
  }

  @AfterAll
  static void stop() {
    if (servers != null) {
      servers.close();
    }
  }

  static Stream<Arguments> everyScopeSetWithEveryAddressing() {
    return Stream.of(Scopes.values())
        .flatMap(s -> Stream.of(Addressing.values()).map(a -> Arguments.of(s, a)));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("everyScopeSetWithEveryAddressing")
  void givenPrivilegedCaller_whenRetireThroughGateway_then204AndEmulatorsDevicesRetirePending(
      Scopes scopes, Addressing addressing) {
    User user = userFor(scopes, addressing);
    String path =
        switch (addressing) {
          case OBJECT_ID -> "v1.0/users/" + user.id();
          case USER_PRINCIPAL_NAME -> "v1.0/users/" + user.userPrincipalName();
          case ME_BY_UPN, ME_BY_OID -> "v1.0/me";
        };
    String caller =
        switch (addressing) {
          case OBJECT_ID, USER_PRINCIPAL_NAME -> ADMIN;
          case ME_BY_UPN -> user.userPrincipalName();
          case ME_BY_OID -> user.id();
        };

    HttpResponse<String> response = retire(gateway.baseUri(), path, token(caller, scopes.scopes()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertRetired(user);
  }

  @Test
  void givenTokenCommandDefaultOnBetaMe_whenRetireThroughGateway_then204AndDevicesRetirePending() {
    User user = userFor(Scopes.PRIVILEGED_AND_DEVICE_READ, Addressing.ME_BY_UPN);
    // The reproduction: this user's devices are retired on /beta/me here, before or after the
    // matrix retires them on /v1.0/me; both leave them retirePending, and both must answer 204.
    HttpResponse<String> response =
        retire(
            gateway.baseUri(),
            "beta/me",
            BootstrapTestData.delegatedToken(keys(), user.userPrincipalName()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertRetired(user);
  }

  @Test
  void givenTokenWithoutPrivilegedScope_whenRetireThroughGateway_thenGateways403AndNoRetire() {
    User user = userWithoutPrivilegedCaller();
    List<ManagedDevice> before = tenant.listByUser(user);

    HttpResponse<String> response =
        retire(
            gateway.baseUri(),
            "v1.0/users/" + user.userPrincipalName(),
            token(ADMIN, List.of(READ_ALL, Permissions.USER_READ_ALL)));

    String message = assertGraphError(response, 403, "Forbidden", null);
    assertThat(message).contains(PRIVILEGED);
    assertThat(tenant.listByUser(user)).isEqualTo(before);
    assertThat(before)
        .extracting(ManagedDevice::managementState)
        .doesNotContain(ManagementState.RETIRE_PENDING);
  }

  private static void assertRetired(User user) {
    List<ManagedDevice> after = tenant.listByUser(user);
    assertThat(after).hasSize(STATES.length);
    for (ManagedDevice device : after) {
      if (seededState(device) == ManagementState.WIPE_PENDING) {
        assertThat(device.managementState()).isEqualTo(ManagementState.WIPE_PENDING);
      } else {
        assertThat(device.managementState())
            .as(device.id())
            .isEqualTo(ManagementState.RETIRE_PENDING);
        assertThat(device.deviceActionResults())
            .filteredOn(r -> r.actionName().equals(DeviceActionResult.RETIRE))
            .extracting(DeviceActionResult::actionState)
            .containsExactly(ActionState.PENDING);
      }
    }
  }

  /** The state a device was seeded in: its id ends with the state's index in {@link #STATES}. */
  private static ManagementState seededState(ManagedDevice device) {
    return STATES[Character.digit(device.id().charAt(device.id().length() - 1), 10)];
  }

  private static User userFor(Scopes scopes, Addressing addressing) {
    return USERS.get(scopes + "/" + addressing);
  }

  private static User userWithoutPrivilegedCaller() {
    return new User(
        "00000099-1111-4222-8333-444444444444", "not-retired@contoso.com", "Not Retired");
  }

  private static SigningKeys keys() {
    return emulator.signingKeys().orElseThrow();
  }

  private static String token(String user, List<String> scopes) {
    return BootstrapTestData.token(
        keys(), TokenType.DELEGATED, user, scopes.toArray(String[]::new));
  }

  private static HttpResponse<String> retire(URI base, String userPath, String token) {
    return BootstrapTestData.send(
        BootstrapTestData.post(base, userPath + "/removeAllDevicesFromManagement", token));
  }
}
