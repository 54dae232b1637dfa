package org.devicemanagement.archfixtures.violations.domain;

import java.net.http.HttpClient;

/** Breaks "core does not use java.net.http". */
public final class DomainUsesJdkHttpClient {
  /** The offending dependency. */
  public HttpClient client;
}
