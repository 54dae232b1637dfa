package org.devicemanagement.adapters.rest.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a request's Content-Length and Transfer-Encoding say about its body. */
class ContentLengthTest {

  @Test
  void givenNeitherHeader_whenAsked_thenNoBody() {
    assertThat(ContentLength.hasBody(null, null)).isFalse();
  }

  @Test
  void givenALength_whenAsked_thenABodyOnlyAboveZero() {
    assertThat(ContentLength.hasBody("0", null)).isFalse();
    assertThat(ContentLength.hasBody(" 2 ", null)).isTrue();
    assertThat(ContentLength.hasBody("not a number", null)).isFalse();
  }

  @Test
  void givenATransferCoding_whenAsked_thenABodyWhateverTheLength() {
    assertThat(ContentLength.hasBody(null, "chunked")).isTrue();
    assertThat(ContentLength.hasBody("0", "chunked")).isTrue();
  }

  @Test
  void givenValues_whenDeclared_thenTheLengthOrMinusOne() {
    assertThat(ContentLength.declared("65536")).isEqualTo(65_536);
    assertThat(ContentLength.declared(null)).isEqualTo(-1);
    assertThat(ContentLength.declared("-")).isEqualTo(-1);
  }
}
