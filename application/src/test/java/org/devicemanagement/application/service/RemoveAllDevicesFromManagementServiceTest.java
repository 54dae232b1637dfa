package org.devicemanagement.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.application.ApplicationTestData.NOW;
import static org.devicemanagement.application.ApplicationTestData.TENANT_ID;
import static org.devicemanagement.application.ApplicationTestData.adele;
import static org.devicemanagement.application.ApplicationTestData.alex;
import static org.devicemanagement.application.ApplicationTestData.megan;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditEvents;
import org.devicemanagement.application.audit.AuditPage;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.failure.DelegatedCallerRequiredException;
import org.devicemanagement.application.failure.DeviceManagementException;
import org.devicemanagement.application.failure.MissingPermissionException;
import org.devicemanagement.application.failure.PermissionTypeNotSupportedException;
import org.devicemanagement.application.failure.RequestThrottledException;
import org.devicemanagement.application.failure.UserNotFoundException;
import org.devicemanagement.application.fake.FakeManagedDevices;
import org.devicemanagement.application.fake.FakeUserDirectory;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementCommand;
import org.devicemanagement.application.port.in.RetireAllResult;
import org.devicemanagement.application.port.in.UserReference;
import org.devicemanagement.application.port.out.AuditTrail;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.RetireAllRule;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RemoveAllDevicesFromManagementServiceTest {

  private static final String PRIVILEGED = Permissions.PRIVILEGED_OPERATIONS_ALL;

  private FakeUserDirectory directory;
  private FakeManagedDevices devices;

  @BeforeEach
  void tenant() {
    directory = new FakeUserDirectory(ApplicationTestData.users());
    devices = new FakeManagedDevices(ApplicationTestData.devices());
  }

  private RemoveAllDevicesFromManagementService service(PermissionCatalog catalog) {
    return new RemoveAllDevicesFromManagementService(
        new PermissionPolicy(catalog), directory, devices, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private RetireAllOutcome retire(Caller caller, UserReference user) {
    return service(PermissionCatalog.seed())
        .removeAllDevicesFromManagement(new RemoveAllDevicesFromManagementCommand(caller, user));
  }

  private List<ManagedDevice> stored(User user) {
    return devices.all().stream().filter(d -> d.belongsTo(user.id())).toList();
  }

  @Test
  void givenClockWithNanoseconds_whenRetire_thenActionDatedToTheMicrosecond() {
    Clock nanos = Clock.fixed(NOW.plusNanos(123_456_789), ZoneOffset.UTC);
    RemoveAllDevicesFromManagementService service =
        new RemoveAllDevicesFromManagementService(
            new PermissionPolicy(PermissionCatalog.seed()), directory, devices, nanos);

    RetireAllOutcome outcome =
        service.removeAllDevicesFromManagement(
            new RemoveAllDevicesFromManagementCommand(
                ApplicationTestData.privilegedAdmin(), new UserReference.ById(adele().id())));

    assertThat(outcome.at()).isEqualTo(NOW.plusNanos(123_456_000));
  }

  @Test
  void givenPrivilegedAdmin_whenRetireById_thenUsersDevicesRetiredAtClockInstant() {
    List<ManagedDevice> before = stored(adele());

    RetireAllOutcome outcome =
        retire(ApplicationTestData.privilegedAdmin(), new UserReference.ById(adele().id()));

    assertThat(outcome.userId()).isEqualTo(adele().id());
    assertThat(outcome.at()).isEqualTo(NOW);
    assertThat(outcome.changed()).hasSize(7);
    assertThat(stored(adele()))
        .containsExactlyElementsOf(
            before.stream().map(d -> RetireAllRule.applyTo(d, NOW)).toList());
    assertThat(
            devices.findDeviceById(ApplicationTestData.deviceId(adele(), ManagementState.MANAGED)))
        .hasValueSatisfying(
            d -> {
              assertThat(d.managementState()).isEqualTo(ManagementState.RETIRE_PENDING);
              assertThat(d.deviceActionResults()).contains(DeviceActionResult.retirePending(NOW));
            });
  }

  @Test
  void givenRetire_whenDone_thenOtherUsersDevicesUntouched() {
    List<ManagedDevice> alexBefore = stored(alex());

    retire(ApplicationTestData.privilegedAdmin(), new UserReference.ById(adele().id()));

    assertThat(stored(alex())).isEqualTo(alexBefore);
    assertThat(devices.findDeviceById(ApplicationTestData.unassignedDevice().id()))
        .contains(ApplicationTestData.unassignedDevice());
  }

  @Test
  void givenIdInUpperCase_whenRetire_thenUserFound() {
    RetireAllOutcome outcome =
        retire(
            ApplicationTestData.privilegedAdmin(),
            UserReference.parse(alex().id().toUpperCase(Locale.ROOT)));

    assertThat(outcome.userId()).isEqualTo(alex().id());
    assertThat(outcome.changed()).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AdeleV@contoso.onmicrosoft.com",
        "adelev@contoso.onmicrosoft.com",
        "ADELEV@CONTOSO.ONMICROSOFT.COM"
      })
  void givenUpnInAnyCase_whenRetire_thenThatUsersDevicesRetired(String upn) {
    RetireAllOutcome outcome =
        retire(ApplicationTestData.privilegedAdmin(), UserReference.parse(upn));

    assertThat(outcome.userId()).isEqualTo(adele().id());
    assertThat(outcome.transitions()).hasSize(13);
    assertThat(directory.lookups()).containsExactly("upn:" + upn);
  }

  @Test
  void givenMe_whenDelegatedCallerWithObjectId_thenSignedInUserFoundByObjectId() {
    RetireAllOutcome outcome =
        retire(
            ApplicationTestData.delegatedAs(alex(), PRIVILEGED), new UserReference.SignedInUser());

    assertThat(outcome.userId()).isEqualTo(alex().id());
    assertThat(directory.lookups()).containsExactly("id:" + alex().id());
  }

  @Test
  void givenMe_whenObjectIdUnknownButUpnKnown_thenFoundByUpn() {
    Caller caller =
        Caller.delegated(
            TENANT_ID,
            Optional.of(ApplicationTestData.unknownUserId()),
            Optional.of(alex().userPrincipalName()),
            Set.of(PRIVILEGED));

    RetireAllOutcome outcome = retire(caller, new UserReference.SignedInUser());

    assertThat(outcome.userId()).isEqualTo(alex().id());
    assertThat(directory.lookups())
        .containsExactly(
            "id:" + ApplicationTestData.unknownUserId(), "upn:" + alex().userPrincipalName());
  }

  @Test
  void givenMe_whenTokenHasOnlyUpn_thenFoundByUpnIgnoringCase() {
    Caller caller =
        ApplicationTestData.delegatedByUpnOnly("meganb@CONTOSO.onmicrosoft.com", PRIVILEGED);

    RetireAllOutcome outcome = retire(caller, new UserReference.SignedInUser());

    assertThat(outcome.userId()).isEqualTo(megan().id());
    assertThat(outcome.transitions()).isEmpty();
  }

  @Test
  void givenMe_whenNeitherObjectIdNorUpnKnown_thenUserNotFoundNamingObjectId() {
    Caller caller =
        Caller.delegated(
            TENANT_ID,
            Optional.of(ApplicationTestData.unknownUserId()),
            Optional.of(ApplicationTestData.unknownUserPrincipalName()),
            Set.of(PRIVILEGED));

    assertThatThrownBy(() -> retire(caller, new UserReference.SignedInUser()))
        .isInstanceOfSatisfying(
            UserNotFoundException.class,
            e -> {
              assertThat(e.reference()).isEqualTo(ApplicationTestData.unknownUserId());
              assertThat(e.code()).isEqualTo("USER_NOT_FOUND");
            });
    assertThat(devices.retireAllCalls()).isZero();
  }

  @Test
  void givenMe_whenTokenNamesNoUser_thenUserNotFoundNamingMe() {
    Caller caller =
        Caller.delegated(TENANT_ID, Optional.empty(), Optional.empty(), Set.of(PRIVILEGED));

    assertThatThrownBy(() -> retire(caller, new UserReference.SignedInUser()))
        .isInstanceOfSatisfying(
            UserNotFoundException.class, e -> assertThat(e.reference()).isEqualTo("me"));
  }

  static Stream<Arguments> applicationCallersAndCatalogs() {
    return Stream.of(
        // the seed catalog refuses applications: /me must still win
        Arguments.of(PermissionCatalog.seed(), ApplicationTestData.application()),
        Arguments.of(PermissionCatalog.seed(), ApplicationTestData.application(PRIVILEGED)),
        // the current catalog would let this application through
        Arguments.of(PermissionCatalog.current(), ApplicationTestData.application(PRIVILEGED)),
        Arguments.of(PermissionCatalog.current(), ApplicationTestData.application()));
  }

  @ParameterizedTest
  @MethodSource("applicationCallersAndCatalogs")
  void givenMe_whenApplicationCaller_thenDelegatedCallerRequiredBeforePermissionCheck(
      PermissionCatalog catalog, Caller app) {
    RemoveAllDevicesFromManagementCommand command =
        new RemoveAllDevicesFromManagementCommand(app, new UserReference.SignedInUser());

    assertThatThrownBy(() -> service(catalog).removeAllDevicesFromManagement(command))
        .isInstanceOfSatisfying(
            DelegatedCallerRequiredException.class,
            e -> assertThat(e.code()).isEqualTo("DELEGATED_CALLER_REQUIRED"));
    assertThat(directory.lookups()).isEmpty();
    assertThat(devices.retireAllCalls()).isZero();
  }

  @Test
  void givenUnknownId_whenRetire_thenUserNotFoundNamingId() {
    String unknown = ApplicationTestData.unknownUserId();

    assertThatThrownBy(
            () -> retire(ApplicationTestData.privilegedAdmin(), UserReference.parse(unknown)))
        .isInstanceOfSatisfying(
            UserNotFoundException.class, e -> assertThat(e.reference()).isEqualTo(unknown));
    assertThat(devices.retireAllCalls()).isZero();
  }

  @Test
  void givenUnknownUpn_whenRetire_thenUserNotFoundNamingUpn() {
    String unknown = ApplicationTestData.unknownUserPrincipalName();

    assertThatThrownBy(
            () -> retire(ApplicationTestData.privilegedAdmin(), UserReference.parse(unknown)))
        .isInstanceOfSatisfying(
            UserNotFoundException.class, e -> assertThat(e.reference()).isEqualTo(unknown))
        .hasMessageContaining(unknown);
  }

  static Stream<UserReference> everyKindOfReference() {
    return Stream.of(
        UserReference.parse(adele().id()),
        UserReference.parse(ApplicationTestData.unknownUserId()),
        UserReference.parse(adele().userPrincipalName()),
        UserReference.parse(ApplicationTestData.unknownUserPrincipalName()),
        new UserReference.SignedInUser());
  }

  @ParameterizedTest
  @MethodSource("everyKindOfReference")
  void givenCallerWithoutScope_whenRetireAnyUser_thenMissingPermissionBeforeAnyLookup(
      UserReference user) {
    Caller reader = ApplicationTestData.delegatedAs(adele(), Permissions.READ_WRITE_ALL);

    assertThatThrownBy(() -> retire(reader, user)).isInstanceOf(MissingPermissionException.class);
    assertThat(directory.lookups()).isEmpty();
    assertThat(devices.retireAllCalls()).isZero();
  }

  @ParameterizedTest
  @MethodSource("everyKindOfReference")
  void givenPersonalAccount_whenRetireAnyUser_thenTypeNotSupportedBeforeAnyLookup(
      UserReference user) {
    assertThatThrownBy(() -> retire(ApplicationTestData.personal(PRIVILEGED), user))
        .isInstanceOf(PermissionTypeNotSupportedException.class);
    assertThat(directory.lookups()).isEmpty();
  }

  @Test
  void givenSeedCatalog_whenApplicationRetiresById_thenTypeNotSupported() {
    assertThatThrownBy(
            () ->
                retire(
                    ApplicationTestData.application(PRIVILEGED), UserReference.parse(adele().id())))
        .isInstanceOf(PermissionTypeNotSupportedException.class);
    assertThat(devices.retireAllCalls()).isZero();
  }

  @Test
  void givenCurrentCatalog_whenApplicationRetiresById_thenRetired() {
    RetireAllOutcome outcome =
        service(PermissionCatalog.current())
            .removeAllDevicesFromManagement(
                new RemoveAllDevicesFromManagementCommand(
                    ApplicationTestData.application(PRIVILEGED),
                    UserReference.parse(adele().id())));

    assertThat(outcome.changed()).hasSize(7);
  }

  @Test
  void givenSeedTypoScope_whenRetire_thenAllowed() {
    Caller caller =
        ApplicationTestData.delegatedAs(
            adele(), Permissions.PRIVILEGED_OPERATIONS_ALL_SEED_SPELLING);

    assertThat(retire(caller, new UserReference.SignedInUser()).changed()).hasSize(7);
  }

  @Test
  void givenUserRetired_whenRetireAgain_thenNothingChanges() {
    retire(ApplicationTestData.privilegedAdmin(), UserReference.parse(adele().id()));
    List<ManagedDevice> afterFirst = stored(adele());

    RetireAllOutcome second =
        retire(ApplicationTestData.privilegedAdmin(), UserReference.parse(adele().id()));

    assertThat(second.changed()).isEmpty();
    assertThat(stored(adele())).isEqualTo(afterFirst);
  }

  @Test
  void givenNullParts_whenConstructing_thenRefused() {
    PermissionPolicy policy = new PermissionPolicy(PermissionCatalog.seed());
    Clock clock = Clock.systemUTC();

    assertThatThrownBy(
            () -> new RemoveAllDevicesFromManagementService(null, directory, devices, clock))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> new RemoveAllDevicesFromManagementService(policy, null, devices, clock))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> new RemoveAllDevicesFromManagementService(policy, directory, null, clock))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> new RemoveAllDevicesFromManagementService(policy, directory, devices, null))
        .isInstanceOf(NullPointerException.class);
  }

  // ---- the audit trail

  private RemoveAllDevicesFromManagementService auditedService() {
    return new RemoveAllDevicesFromManagementService(
        new PermissionPolicy(PermissionCatalog.seed()),
        directory,
        devices,
        devices,
        Clock.fixed(NOW.plusNanos(123_456_789), ZoneOffset.UTC));
  }

  private static RemoveAllDevicesFromManagementCommand command(Caller caller, UserReference user) {
    return new RemoveAllDevicesFromManagementCommand(
        caller, user, "4f1d2c3b-0000-4000-8000-000000000001", Optional.of("198.51.100.4"));
  }

  @Test
  void givenAServedRetireAll_whenDone_thenTheResultRebuildsTheRecordedEvent() {
    RetireAllResult result =
        auditedService()
            .retireAll(
                command(
                    ApplicationTestData.privilegedAdmin(), new UserReference.ById(adele().id())));

    assertThat(devices.events()).containsExactly(result.event());
    AuditEvent event = result.event();
    assertThat(event.activityResult()).isEqualTo(AuditEvents.SUCCESS);
    assertThat(event.correlationId()).isEqualTo("4f1d2c3b-0000-4000-8000-000000000001");
    assertThat(event.actor().ipAddress()).contains("198.51.100.4");
    assertThat(event.activityDateTime()).isEqualTo(NOW.plusNanos(123_456_000));
    assertThat(event.resources()).hasSize(result.outcome().changedCount());
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(
            ApplicationTestData.delegatedReader(),
            new UserReference.ById(adele().id()),
            MissingPermissionException.class,
            "MISSING_PERMISSION"),
        Arguments.of(
            ApplicationTestData.application(PRIVILEGED),
            new UserReference.ById(adele().id()),
            PermissionTypeNotSupportedException.class,
            "PERMISSION_TYPE_NOT_SUPPORTED"),
        Arguments.of(
            ApplicationTestData.privilegedAdmin(),
            new UserReference.ById(ApplicationTestData.unknownUserId()),
            UserNotFoundException.class,
            "USER_NOT_FOUND"),
        Arguments.of(
            ApplicationTestData.application(PRIVILEGED),
            new UserReference.SignedInUser(),
            DelegatedCallerRequiredException.class,
            "DELEGATED_CALLER_REQUIRED"));
  }

  @ParameterizedTest
  @MethodSource("refusals")
  void givenARefusedRetireAll_whenDone_thenTheRefusalIsRecordedThenThrown(
      Caller caller, UserReference user, Class<? extends Throwable> failure, String code) {
    List<ManagedDevice> before = devices.all();

    assertThatThrownBy(() -> auditedService().retireAll(command(caller, user)))
        .isInstanceOf(failure);

    assertThat(devices.all()).isEqualTo(before);
    assertThat(devices.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.activityType()).isEqualTo(AuditEvents.RETIRE_ALL_ACTIVITY_TYPE);
              assertThat(event.activityResult()).isEqualTo(AuditEvents.FAILURE);
              assertThat(event.activity()).endsWith("(" + code + ")");
              assertThat(event.correlationId()).isEqualTo("4f1d2c3b-0000-4000-8000-000000000001");
              assertThat(event.displayName())
                  .isEqualTo("removeAllDevicesFromManagement " + user.text());
              assertThat(event.actor().userPermissions())
                  .containsExactlyElementsOf(caller.permissions().stream().sorted().toList());
              assertThat(event.resources()).isEmpty();
            });
  }

  @Test
  void givenARefusalBeforeTheUseCase_whenReported_thenRecordedAndGivenBack() {
    RequestThrottledException throttled =
        new RequestThrottledException("200 writes", "Please retry again later.", Optional.empty());

    DeviceManagementException given =
        auditedService()
            .refused(
                command(ApplicationTestData.privilegedAdmin(), new UserReference.SignedInUser()),
                throttled);

    assertThat(given).isSameAs(throttled);
    assertThat(devices.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.activity()).endsWith("(REQUEST_THROTTLED)");
              assertThat(event.displayName()).isEqualTo("removeAllDevicesFromManagement me");
            });
  }

  @Test
  void givenATrailThatFails_whenARetireAllIsRefused_thenTheRefusalStillReachesTheCaller() {
    RemoveAllDevicesFromManagementService service =
        new RemoveAllDevicesFromManagementService(
            new PermissionPolicy(PermissionCatalog.seed()),
            directory,
            devices,
            new BrokenTrail(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatThrownBy(
            () ->
                service.retireAll(
                    command(
                        ApplicationTestData.delegatedReader(),
                        new UserReference.ById(adele().id()))))
        .isInstanceOf(MissingPermissionException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
  }

  /** A trail whose store is down. */
  private static final class BrokenTrail implements AuditTrail {
    @Override
    public void record(AuditEvent event) {
      throw new IllegalStateException("the store is down");
    }

    @Override
    public Optional<AuditEvent> findEventById(String id) {
      throw new IllegalStateException("the store is down");
    }

    @Override
    public AuditPage searchEvents(AuditQuery query, int pageSize, Optional<String> skipToken) {
      throw new IllegalStateException("the store is down");
    }

    @Override
    public int devicesRetiredBetween(Instant from, Instant until) {
      throw new IllegalStateException("the store is down");
    }
  }
}
