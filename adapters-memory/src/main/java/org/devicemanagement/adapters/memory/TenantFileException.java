package org.devicemanagement.adapters.memory;

import java.util.Objects;

/** A tenant file could not be read: its message names the file and the offending entry. */
public final class TenantFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String sourceName;

  TenantFileException(String sourceName, String problem) {
    super(Objects.requireNonNull(sourceName, "sourceName") + ": " + problem);
    this.sourceName = sourceName;
  }

  TenantFileException(String sourceName, String problem, Throwable cause) {
    super(Objects.requireNonNull(sourceName, "sourceName") + ": " + problem, cause);
    this.sourceName = sourceName;
  }

  /** The file (or other source) that was being read. */
  public String sourceName() {
    return sourceName;
  }
}
