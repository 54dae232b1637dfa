package org.devicemanagement.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How the trail reads an id: which texts are GUIDs, their halves, and which match. */
class EventIdTest {

  private static final UUID GUID = UUID.fromString("8f3c2a1b-9d4e-4f6a-b7c8-0123456789ab");

  @Test
  void givenACanonicalGuid_whenRead_thenItsHalvesAreKeptAndItIsWrittenBackTheSame() {
    EventId id = EventId.of(GUID.toString());

    assertThat(id.canonical()).isTrue();
    assertThat(id.isGuid(GUID.getMostSignificantBits(), GUID.getLeastSignificantBits())).isTrue();
    assertThat(EventId.guid(id.high(), id.low())).isEqualTo(GUID.toString());
  }

  @Test
  void givenTheGuidInUpperOrMixedCase_whenRead_thenTheSameGuidButNotCanonical() {
    EventId upper = EventId.of(GUID.toString().toUpperCase(Locale.ROOT));
    EventId mixed = EventId.of("8F3c2a1b-9d4e-4f6a-b7c8-0123456789Ab");

    assertThat(upper.canonical()).isFalse();
    assertThat(mixed.canonical()).isFalse();
    assertThat(upper.matches(EventId.of(GUID.toString()))).isTrue();
    assertThat(mixed.matches(EventId.of(GUID.toString()))).isTrue();
    assertThat(upper.hash()).isEqualTo(EventId.of(GUID.toString()).hash());
  }

  @Test
  void givenTextsOfAGuidsLengthThatAreNotGuids_whenRead_thenTextMatchedIgnoringCaseOnly() {
    String canonical = GUID.toString();
    // A letter past f, a full-width digit, a non-ASCII letter, a misplaced hyphen, a character
    // whose low bits are a digit's.
    String[] notGuids = {
      "g" + canonical.substring(1),
      "\uFF18" + canonical.substring(1),
      "\u00E9" + canonical.substring(1),
      canonical.substring(0, 8) + "9-" + canonical.substring(10),
      "\u0138" + canonical.substring(1),
    };
    for (String text : notGuids) {
      EventId id = EventId.of(text);

      assertThat(id.canonical()).as(text).isFalse();
      assertThat(id.matches(EventId.of(canonical))).as(text).isFalse();
      assertThat(id.matches(EventId.of(text.toUpperCase(Locale.ROOT)))).as(text).isTrue();
    }
  }
}
