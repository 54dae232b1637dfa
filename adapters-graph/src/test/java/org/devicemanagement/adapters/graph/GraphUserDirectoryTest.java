package org.devicemanagement.adapters.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.adapters.graph.FakeGraph.Reply.json;
import static org.devicemanagement.adapters.graph.GraphTestData.adele;

import org.devicemanagement.domain.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The requests {@link GraphUserDirectory} sends and how it reads Graph's users. */
class GraphUserDirectoryTest {

  private final FakeGraph graph = FakeGraph.start();
  private final FakeClock clock = GraphTestData.clock();
  private final GraphUserDirectory users =
      GraphTestData.tenant(
              GraphTestData.settings(graph.baseUrl()), clock, new RecordingSleeper(clock))
          .users();

  @AfterEach
  void stop() {
    graph.close();
  }

  @Test
  void givenUser_whenFindById_thenGetsUserWithSelectAndHeaders() {
    graph.enqueue(json(200, GraphTestData.userJson(adele())));

    assertThat(users.findById(adele().id())).contains(adele());

    FakeGraph.Recorded request = graph.lastRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.target())
        .isEqualTo("/v1.0/users/" + adele().id() + "?$select=id,userPrincipalName,displayName");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + GraphTestData.TOKEN);
    assertThat(request.header("Accept")).isEqualTo("application/json");
    assertThat(request.header("client-request-id")).matches(GraphTestData.GUID_PATTERN);
  }

  @Test
  void givenGuestUser_whenFindByUserPrincipalName_thenHashesEncodedInThePath() {
    User guest = GraphTestData.guest();
    graph.enqueue(json(200, GraphTestData.userJson(guest)));

    assertThat(users.findByUserPrincipalName(guest.userPrincipalName())).contains(guest);
    assertThat(graph.lastRequest().rawPath())
        .isEqualTo("/v1.0/users/lee_fabrikam.com%23EXT%23@contoso.onmicrosoft.com");
  }

  @Test
  void givenNameWithReservedCharacters_whenFindByUserPrincipalName_thenEachEncoded() {
    graph.enqueue(json(404, GraphTestData.userNotFound("x")));

    assertThat(users.findByUserPrincipalName("a/b?c d%e+f'ü@contoso.com")).isEmpty();
    assertThat(graph.lastRequest().rawPath())
        .isEqualTo("/v1.0/users/a%2Fb%3Fc%20d%25e%2Bf%27%C3%BC@contoso.com");
    assertThat(graph.lastRequest().rawQuery())
        .isEqualTo("$select=id,userPrincipalName,displayName");
  }

  @Test
  void givenIdLookupAnsweredWithAnotherUser_whenFindById_thenEmpty() {
    // Graph resolves a sign-in name in the id segment too; findById must not accept that answer.
    graph.enqueue(json(200, GraphTestData.userJson(adele())));

    assertThat(users.findById(adele().userPrincipalName())).isEmpty();
  }

  @Test
  void givenDifferentCase_whenFindByUserPrincipalName_thenUserAsGraphStoresIt() {
    graph.enqueue(json(200, GraphTestData.userJson(adele())));

    assertThat(users.findByUserPrincipalName("adelev@CONTOSO.onmicrosoft.com")).contains(adele());
  }

  @Test
  void givenNameWithoutAt_whenFindByUserPrincipalName_thenEmptyWithoutAsking() {
    assertThat(users.findByUserPrincipalName("adele")).isEmpty();
    assertThat(users.findById("..")).isEmpty();
    assertThat(users.findById(" ")).isEmpty();
    assertThat(graph.requests()).isEmpty();
  }

  @Test
  void givenUserWithoutDisplayName_whenFindById_thenEmptyDisplayName() {
    graph.enqueue(
        json(
            200,
            "{\"id\":\"%s\",\"userPrincipalName\":\"%s\",\"displayName\":null}"
                .formatted(adele().id(), adele().userPrincipalName())));

    assertThat(users.findById(adele().id()))
        .contains(new User(adele().id(), adele().userPrincipalName(), ""));
  }
}
