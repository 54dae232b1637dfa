package org.devicemanagement.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserReferenceTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "6e7b768e-07e2-4810-8459-485f84f8f204",
        "6E7B768E-07E2-4810-8459-485F84F8F204",
        "6e7B768e-07E2-4810-8459-485f84F8f204",
        "00000000-0000-0000-0000-000000000000"
      })
  void givenGuid_whenParsing_thenById(String text) {
    UserReference reference = UserReference.parse(text);

    assertThat(reference).isEqualTo(new UserReference.ById(text));
    assertThat(reference.text()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AdeleV@contoso.onmicrosoft.com",
        "adele",
        "6e7b768e-07e2-4810-8459-485f84f8f20",
        "6e7b768e-07e2-4810-8459-485f84f8f2044",
        "{6e7b768e-07e2-4810-8459-485f84f8f204}",
        "6e7b768e07e248108459485f84f8f204",
        "6e7b768g-07e2-4810-8459-485f84f8f204",
        "6e7b768e-07e2-4810-8459-485f84f8f204@contoso.com",
        "me"
      })
  void givenAnythingButAGuid_whenParsing_thenByUserPrincipalName(String text) {
    UserReference reference = UserReference.parse(text);

    assertThat(reference).isEqualTo(new UserReference.ByUserPrincipalName(text));
    assertThat(reference.text()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " "})
  void givenBlank_whenParsingOrCreating_thenRefused(String text) {
    assertThatThrownBy(() -> UserReference.parse(text))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UserReference.ById(text))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNull_whenParsing_thenRefused() {
    assertThatThrownBy(() -> UserReference.parse(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenSignedInUser_whenText_thenMe() {
    assertThat(new UserReference.SignedInUser().text()).isEqualTo("me");
  }
}
