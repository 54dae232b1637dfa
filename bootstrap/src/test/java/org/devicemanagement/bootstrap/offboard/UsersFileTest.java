package org.devicemanagement.bootstrap.offboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.devicemanagement.application.offboarding.OffboardingUser;
import org.junit.jupiter.api.Test;

class UsersFileTest {

  @Test
  void givenAnHrExport_whenParsed_thenTheHeaderCommentsAndOtherColumnsAreSkipped() {
    String text =
        "\uFEFF"
            + """
            "UserPrincipalName","DisplayName"
            "adele.vance@contoso.com","Adele Vance"
            # left in March

            6e1d3b7a-4f2c-4b8e-9a51-2c7d8e0f1a23;Lee
            ALEX.WILBER@contoso.com\tAlex
            Adele.Vance@Contoso.com
            """;

    UsersFile.Contents contents = UsersFile.parse("hr.csv", text);

    assertThat(contents.users())
        .extracting(OffboardingUser::line, OffboardingUser::user)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "adele.vance@contoso.com"),
            org.assertj.core.groups.Tuple.tuple(5, "6e1d3b7a-4f2c-4b8e-9a51-2c7d8e0f1a23"),
            org.assertj.core.groups.Tuple.tuple(6, "ALEX.WILBER@contoso.com"));
    assertThat(contents.notices())
        .containsExactly(
            "line 7 repeats line 2 (Adele.Vance@Contoso.com): the user is offboarded once");
  }

  @Test
  void givenManyBadLines_whenParsed_thenTheFirstTenAreNamedAndTheRestCounted() {
    StringBuilder text = new StringBuilder("adele.vance@contoso.com\n");
    for (int i = 0; i < 12; i++) {
      text.append("not a user ").append(i).append('\n');
    }

    assertThatThrownBy(() -> UsersFile.parse("leavers.txt", text.toString()))
        .isInstanceOf(UsersFileException.class)
        .hasMessageContaining("the users file leavers.txt has 12 bad lines")
        .hasMessageContaining("line 2: 'not a user 0' is neither a sign-in name")
        .hasMessageContaining("line 11: 'not a user 9'")
        .hasMessageNotContaining("line 12:")
        .hasMessageContaining("and 2 more");
  }

  @Test
  void givenOnlyCommentsOrAHeader_whenParsed_thenItSaysTheFileNamesNoUser() {
    assertThatThrownBy(() -> UsersFile.parse("empty.txt", "userPrincipalName\n# nobody\n\n"))
        .isInstanceOf(UsersFileException.class)
        .hasMessage(
            "the users file empty.txt names no user (one a line: name@domain or an object id)");
  }
}
