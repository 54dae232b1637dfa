package org.devicemanagement.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link UserDirectory} adapter must keep. Extend it in the adapter's tests and
 * return an adapter that holds exactly the given users; JUnit runs the inherited tests.
 *
 * <p>Adapter-agnostic: the tests compare values only, so an adapter talking HTTP to a server seeded
 * with the users passes as well as an in-memory one.
 */
public abstract class UserDirectoryContract {

  /** An adapter whose tenant holds exactly {@code users} (and nothing from an earlier test). */
  protected abstract UserDirectory directoryWith(List<User> users);

  private UserDirectory tenant() {
    return directoryWith(ApplicationTestData.users());
  }

  @Test
  public void givenUsers_whenFindById_thenThatUser() {
    UserDirectory directory = tenant();

    assertThat(directory.findById(ApplicationTestData.adele().id()))
        .contains(ApplicationTestData.adele());
    assertThat(directory.findById(ApplicationTestData.alex().id()))
        .contains(ApplicationTestData.alex());
  }

  @Test
  public void givenUsers_whenFindByIdInUpperCase_thenStoredUserAsStored() {
    UserDirectory directory = tenant();
    User adele = ApplicationTestData.adele();

    assertThat(directory.findById(adele.id().toUpperCase(Locale.ROOT))).contains(adele);
  }

  @Test
  public void givenUsers_whenFindByUnknownId_thenEmpty() {
    assertThat(tenant().findById(ApplicationTestData.unknownUserId())).isEmpty();
  }

  @Test
  public void givenUsers_whenFindByUserPrincipalNameAsStored_thenThatUser() {
    UserDirectory directory = tenant();

    assertThat(directory.findByUserPrincipalName("AdeleV@contoso.onmicrosoft.com"))
        .contains(ApplicationTestData.adele());
    assertThat(directory.findByUserPrincipalName("MeganB@contoso.onmicrosoft.com"))
        .contains(ApplicationTestData.megan());
  }

  @Test
  public void givenUsers_whenFindByUserPrincipalNameInAnyCase_thenStoredUserAsStored() {
    UserDirectory directory = tenant();
    User alex = ApplicationTestData.alex();

    assertThat(directory.findByUserPrincipalName("alexw@contoso.onmicrosoft.com")).contains(alex);
    assertThat(directory.findByUserPrincipalName("ALEXW@CONTOSO.ONMICROSOFT.COM")).contains(alex);
    assertThat(directory.findByUserPrincipalName("aLeXw@Contoso.OnMicrosoft.com")).contains(alex);
  }

  @Test
  public void givenUsers_whenFindByUnknownUserPrincipalName_thenEmpty() {
    UserDirectory directory = tenant();

    assertThat(directory.findByUserPrincipalName(ApplicationTestData.unknownUserPrincipalName()))
        .isEmpty();
    assertThat(directory.findByUserPrincipalName("AdeleV@contoso.com")).isEmpty();
  }

  @Test
  public void givenOnlyOneUser_whenFindOthers_thenEmpty() {
    UserDirectory directory = directoryWith(List.of(ApplicationTestData.megan()));

    assertThat(directory.findById(ApplicationTestData.megan().id()))
        .contains(ApplicationTestData.megan());
    assertThat(directory.findById(ApplicationTestData.adele().id())).isEmpty();
    assertThat(directory.findByUserPrincipalName(ApplicationTestData.adele().userPrincipalName()))
        .isEmpty();
  }
}
