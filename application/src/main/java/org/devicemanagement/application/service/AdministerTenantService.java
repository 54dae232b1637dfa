package org.devicemanagement.application.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.devicemanagement.application.clock.VirtualClock;
import org.devicemanagement.application.failure.ManagedDeviceNotFoundException;
import org.devicemanagement.application.port.in.AdministerTenantUseCase;
import org.devicemanagement.application.port.in.TenantSize;
import org.devicemanagement.application.port.out.TenantAdministration;
import org.devicemanagement.application.port.out.TenantFileFormat;

/** Sets up the emulator's tenant from tenant-file documents, dating check-in plans by the clock. */
public final class AdministerTenantService implements AdministerTenantUseCase {

  /** How the request body is named in messages about it. */
  static final String BODY = "the request body";

  private final TenantAdministration tenant;
  private final TenantFileFormat format;
  private final Clock clock;

  /** A service changing {@code tenant}, reading and writing {@code format}, at {@code clock}. */
  public AdministerTenantService(
      TenantAdministration tenant, TenantFileFormat format, Clock clock) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.format = Objects.requireNonNull(format, "format");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public TenantSize replaceTenant(InputStream tenantFile) {
    Objects.requireNonNull(tenantFile, "tenantFile");
    TenantAdministration.Contents contents = format.readTenant(tenantFile, BODY);
    tenant.replaceTenant(contents, now());
    return size(contents);
  }

  @Override
  public void exportTenant(OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    format.writeTenant(tenant.tenantContents(), out);
  }

  @Override
  public TenantSize resetTenant() {
    if (clock instanceof VirtualClock virtual) {
      virtual.reset(start -> tenant.resetTenant(start.truncatedTo(ChronoUnit.MICROS)));
    } else {
      tenant.resetTenant(now());
    }
    return size(tenant.tenantContents());
  }

  @Override
  public byte[] addUser(byte[] userEntry) {
    Objects.requireNonNull(userEntry, "userEntry");
    return format.writeUser(tenant.addUser(format.readUser(userEntry)));
  }

  @Override
  public byte[] addDevice(byte[] deviceEntry) {
    Objects.requireNonNull(deviceEntry, "deviceEntry");
    return format.writeDevice(tenant.addDevice(format.readDevice(deviceEntry), now()));
  }

  @Override
  public void deleteDevice(String deviceId) {
    Objects.requireNonNull(deviceId, "deviceId");
    if (!tenant.removeDevice(deviceId)) {
      throw new ManagedDeviceNotFoundException(deviceId);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static TenantSize size(TenantAdministration.Contents contents) {
    return new TenantSize(contents.users().size(), contents.devices().size());
  }
}
