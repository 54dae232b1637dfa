package org.devicemanagement.adapters.memory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.port.out.TenantAdministration;
import org.devicemanagement.application.port.out.TenantFileFormat;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;

/**
 * The tenant file format as an outbound port: {@link TenantFile}'s reader and writer, with each
 * problem an {@link InvalidRequestException} carrying the same message a tenant file gets.
 */
public final class TenantFileCodec implements TenantFileFormat {

  private static final String BODY = "the request body";

  @Override
  public TenantAdministration.Contents readTenant(InputStream in, String sourceName) {
    try {
      return TenantFile.readContents(in, sourceName);
    } catch (TenantFileException e) {
      throw invalid(e);
    }
  }

  @Override
  public void writeTenant(TenantAdministration.Contents contents, OutputStream out)
      throws IOException {
    TenantFile.write(contents, out);
  }

  @Override
  public User readUser(byte[] entry) {
    try {
      return TenantFile.readUser(entry, BODY);
    } catch (TenantFileException e) {
      throw invalid(e);
    }
  }

  @Override
  public ManagedDevice readDevice(byte[] entry) {
    try {
      return TenantFile.readDevice(entry, BODY);
    } catch (TenantFileException e) {
      throw invalid(e);
    }
  }

  @Override
  public byte[] writeUser(User user) {
    return TenantFile.write(user);
  }

  @Override
  public byte[] writeDevice(ManagedDevice device) {
    return TenantFile.write(device);
  }

  private static InvalidRequestException invalid(TenantFileException e) {
    return new InvalidRequestException(Objects.requireNonNullElse(e.getMessage(), e.toString()));
  }
}
