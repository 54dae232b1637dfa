package org.devicemanagement.application.permission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How permission names compare: only ASCII letters fold case, as in Entra. */
class PermissionsTest {

  @Test
  void givenEveryCharAgainstEveryAsciiLetter_whenCompared_thenEqualOnlyForThatLetterInEitherCase() {
    List<String> wronglyEqual = new ArrayList<>();
    for (char letter = 'A'; letter <= 'z'; letter++) {
      if (!Character.isLetter(letter)) {
        continue;
      }
      String ascii = String.valueOf(letter);
      for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
        String other = String.valueOf((char) c);
        boolean expected = Character.toLowerCase(letter) == (c | 0x20) && isAsciiLetter(c);
        if (Permissions.same(other, ascii) != expected
            || Permissions.key(other).equals(Permissions.key(ascii)) != expected) {
          wronglyEqual.add("U+%04X vs %s".formatted(c, ascii));
        }
      }
    }

    assertThat(wronglyEqual).isEmpty();
  }

  @Test
  void givenLookAlikeLetters_whenCompared_thenNotTheSamePermissionAndKeysAgree() {
    // Each of these is equalsIgnoreCase to its ASCII spelling.
    List<String> lookAlikes =
        List.of(
            "Pr\u0131vileged", // U+0131 dotless i
            "PRIV\u0130LEGED", // U+0130 capital I with dot above
            "Device\u017f", // U+017F long s
            "\u212Aey"); // U+212A Kelvin sign
    List<String> asciiSpellings = List.of("privileged", "PRIVILEGED", "Devices", "Key");

    for (int i = 0; i < lookAlikes.size(); i++) {
      String lookAlike = lookAlikes.get(i);
      String ascii = asciiSpellings.get(i);
      assertThat(Permissions.same(lookAlike, ascii)).as(lookAlike).isFalse();
      assertThat(Permissions.key(lookAlike)).as(lookAlike).isNotEqualTo(Permissions.key(ascii));
      assertThat(Permissions.key(lookAlike)).as(lookAlike).hasSameSizeAs(lookAlike);
    }
  }

  @Test
  void givenAsciiNames_whenKeyed_thenLowerCasedAndUnchangedWhenAlreadyLower() {
    assertThat(Permissions.key("User.Read.All")).isEqualTo("user.read.all");
    String lower = "user.read.all";
    assertThat(Permissions.key(lower)).isSameAs(lower);
    assertThat(Permissions.key("Mail.Send.\u0130")).isEqualTo("mail.send.\u0130");
  }

  private static boolean isAsciiLetter(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}
