package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.devicemanagement.adapters.rest.routing.AcceptHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptHeaderTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|true",
        "*/*|true",
        "application/json|true",
        "APPLICATION/JSON; charset=utf-8|true",
        "application/*|true",
        "text/html, */*;q=0.1|true",
        "application/*;q=0, application/json|true",
        "*/*, application/json;q=0|false",
        "application/json;q=0|false",
        "application/json;q=0.0, */*|false",
        "text/*|false",
        "text/html|false",
        "application/xml, text/xml|false",
        "application/json-patch+json|false"
      })
  void givenAcceptHeader_whenAdmitsJson_thenMostSpecificRangeDecides(
      String accept, boolean admits) {
    assertThat(AcceptHeader.admitsJson(accept)).isEqualTo(admits);
  }
}
