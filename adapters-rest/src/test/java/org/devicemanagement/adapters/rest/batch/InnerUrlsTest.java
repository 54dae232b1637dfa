package org.devicemanagement.adapters.rest.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the URL of a request inside a batch becomes its request URI. */
class InnerUrlsTest {

  private static final URI BASE = URI.create("http://127.0.0.1:8080/");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "/me => http://127.0.0.1:8080/v1.0/me",
        "me => http://127.0.0.1:8080/v1.0/me",
        "/deviceManagement/managedDevices?$filter=userPrincipalName eq 'a@b.com'&$top=2"
            + " => http://127.0.0.1:8080/v1.0/deviceManagement/managedDevices"
            + "?$filter=userPrincipalName%20eq%20'a@b.com'&$top=2",
        "users/a%40b.com?$filter=x eq 'a%27b' => http://127.0.0.1:8080/v1.0/users/a%40b.com"
            + "?$filter=x%20eq%20'a%27b'",
        "users/é\"<>{}|^`\\x => http://127.0.0.1:8080/v1.0/users/%C3%A9%22%3C%3E%7B%7D%7C%5E%60%5Cx",
        "me?x=100% => http://127.0.0.1:8080/v1.0/me?x=100%25",
        "me#fragment => http://127.0.0.1:8080/v1.0/me",
        "users('o''brien') => http://127.0.0.1:8080/v1.0/users('o''brien')",
      })
  void givenAUrlAsWrittenInJson_whenResolved_thenIllegalCharactersEncodedAndEscapesKept(
      String url, String expected) {
    assertThat(InnerUrls.resolve(BASE, "v1.0", url).toString()).isEqualTo(expected);
  }
}
