package org.devicemanagement.bootstrap.config;

import java.nio.file.Path;
import java.util.Objects;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.adapters.memory.TenantFile;

/** Where the served in-memory tenant comes from: the embedded demo, a JSON file, or a given one. */
public sealed interface TenantSource
    permits TenantSource.Demo, TenantSource.FromFile, TenantSource.Given {

  /**
   * Loads the tenant.
   *
   * @throws org.devicemanagement.adapters.memory.TenantFileException if a tenant file is invalid
   */
  InMemoryTenant load();

  /** How the tenant is described to a person. */
  String description();

  /** The embedded demo tenant. */
  static TenantSource demo() {
    return new Demo();
  }

  /** The tenant in the Graph-shaped JSON file {@code file}. */
  static TenantSource file(Path file) {
    return new FromFile(file);
  }

  /** A tenant built by the caller (tests, embedding). */
  static TenantSource given(InMemoryTenant tenant) {
    return new Given(tenant);
  }

  /** The embedded demo tenant. */
  record Demo() implements TenantSource {
    @Override
    public InMemoryTenant load() {
      return TenantFile.demo();
    }

    @Override
    public String description() {
      return "the embedded demo tenant";
    }
  }

  /** A tenant file. */
  record FromFile(Path file) implements TenantSource {
    /** Checks the path is present. */
    public FromFile {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public InMemoryTenant load() {
      return TenantFile.load(file);
    }

    @Override
    public String description() {
      return "the tenant file " + file;
    }
  }

  /** A tenant instance handed over as is. */
  record Given(InMemoryTenant tenant) implements TenantSource {
    /** Checks the tenant is present. */
    public Given {
      Objects.requireNonNull(tenant, "tenant");
    }

    @Override
    public InMemoryTenant load() {
      return tenant;
    }

    @Override
    public String description() {
      return "a tenant built in code";
    }
  }
}
