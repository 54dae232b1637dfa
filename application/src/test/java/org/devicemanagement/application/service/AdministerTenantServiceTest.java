package org.devicemanagement.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.devicemanagement.application.clock.VirtualClock;
import org.devicemanagement.application.failure.ManagedDeviceNotFoundException;
import org.devicemanagement.application.port.in.TenantSize;
import org.devicemanagement.application.port.out.TenantAdministration;
import org.devicemanagement.application.port.out.TenantAdministration.Contents;
import org.devicemanagement.application.port.out.TenantFileFormat;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;

class AdministerTenantServiceTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final User USER =
      new User("6e1d3b7a-4f2c-4b8e-9a51-2c7d8e0f1a23", "adele.vance@contoso.com", "Adele Vance");
  private static final ManagedDevice DEVICE = ManagedDevice.builder("dev-1", USER.id()).build();

  /** Records what it is told, holding one fixed tenant. */
  private static final class RecordingTenant implements TenantAdministration {
    final List<String> calls = new ArrayList<>();
    final Clock clock;

    RecordingTenant(Clock clock) {
      this.clock = clock;
    }

    @Override
    public void replaceTenant(Contents contents, Instant at) {
      calls.add("replace %d users at %s".formatted(contents.users().size(), at));
    }

    @Override
    public Contents tenantContents() {
      return new Contents(List.of(USER), List.of(DEVICE));
    }

    @Override
    public void resetTenant(Instant at) {
      calls.add("reset at %s, the clock at %s".formatted(at, clock.instant()));
    }

    @Override
    public User addUser(User user) {
      calls.add("add user " + user.id());
      return user;
    }

    @Override
    public ManagedDevice addDevice(ManagedDevice device, Instant at) {
      calls.add("add device %s at %s".formatted(device.id(), at));
      return device.toBuilder().userPrincipalName(USER.userPrincipalName()).build();
    }

    @Override
    public boolean removeDevice(String deviceId) {
      calls.add("remove " + deviceId);
      return deviceId.equals(DEVICE.id());
    }
  }

  /** Reads every document as the fixed tenant and writes entries as their ids. */
  private static final class NamingFormat implements TenantFileFormat {
    @Override
    public Contents readTenant(InputStream in, String sourceName) {
      return new Contents(List.of(USER), List.of(DEVICE));
    }

    @Override
    public void writeTenant(Contents contents, OutputStream out) {
      new java.io.PrintStream(out, true, StandardCharsets.UTF_8)
          .print(contents.users().size() + " users, " + contents.devices().size() + " devices");
    }

    @Override
    public User readUser(byte[] entry) {
      return USER;
    }

    @Override
    public ManagedDevice readDevice(byte[] entry) {
      return DEVICE;
    }

    @Override
    public byte[] writeUser(User user) {
      return user.id().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] writeDevice(ManagedDevice device) {
      return (device.id() + " of " + device.userPrincipalName()).getBytes(StandardCharsets.UTF_8);
    }
  }

  @Test
  void givenTenantFile_whenReplaced_thenTheReadTenantIsServedFromTheClocksTime() {
    Clock clock = Clock.fixed(START.plusNanos(123_456_789), ZoneOffset.UTC);
    RecordingTenant tenant = new RecordingTenant(clock);
    AdministerTenantService service =
        new AdministerTenantService(tenant, new NamingFormat(), clock);

    TenantSize size = service.replaceTenant(new ByteArrayInputStream(new byte[0]));

    assertThat(size).isEqualTo(new TenantSize(1, 1));
    assertThat(tenant.calls).containsExactly("replace 1 users at 2026-01-01T00:00:00.123456Z");
  }

  @Test
  void givenEntries_whenAdded_thenTheStoredEntriesAreWrittenBack() {
    Clock clock = Clock.fixed(START, ZoneOffset.UTC);
    RecordingTenant tenant = new RecordingTenant(clock);
    AdministerTenantService service =
        new AdministerTenantService(tenant, new NamingFormat(), clock);

    byte[] user = service.addUser(new byte[0]);
    byte[] device = service.addDevice(new byte[0]);

    assertThat(new String(user, StandardCharsets.UTF_8)).isEqualTo(USER.id());
    assertThat(new String(device, StandardCharsets.UTF_8))
        .isEqualTo("dev-1 of adele.vance@contoso.com");
    assertThat(tenant.calls)
        .containsExactly("add user " + USER.id(), "add device dev-1 at " + START);
  }

  @Test
  void givenTenant_whenExported_thenTheCurrentContentsAreWritten() throws Exception {
    Clock clock = Clock.fixed(START, ZoneOffset.UTC);
    AdministerTenantService service =
        new AdministerTenantService(new RecordingTenant(clock), new NamingFormat(), clock);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    service.exportTenant(out);

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("1 users, 1 devices");
  }

  @Test
  void givenAdvancedVirtualClock_whenReset_thenClockBackAtStartBeforeTheTenantResets() {
    VirtualClock clock = new VirtualClock(START);
    clock.advance(Duration.ofDays(2), until -> {});
    RecordingTenant tenant = new RecordingTenant(clock);
    AdministerTenantService service =
        new AdministerTenantService(tenant, new NamingFormat(), clock);

    TenantSize size = service.resetTenant();

    assertThat(size).isEqualTo(new TenantSize(1, 1));
    assertThat(clock.instant()).isEqualTo(START);
    assertThat(tenant.calls)
        .containsExactly("reset at %s, the clock at %s".formatted(START, START));
  }

  @Test
  void givenUnknownDevice_whenDeleted_thenDeviceNotFound() {
    Clock clock = Clock.fixed(START, ZoneOffset.UTC);
    AdministerTenantService service =
        new AdministerTenantService(new RecordingTenant(clock), new NamingFormat(), clock);

    service.deleteDevice("dev-1");
    assertThatThrownBy(() -> service.deleteDevice("nope"))
        .isInstanceOf(ManagedDeviceNotFoundException.class)
        .hasMessageContaining("nope");
  }
}
