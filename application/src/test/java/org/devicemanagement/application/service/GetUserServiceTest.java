package org.devicemanagement.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.application.ApplicationTestData.adele;
import static org.devicemanagement.application.ApplicationTestData.megan;

import java.util.Locale;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.failure.DelegatedCallerRequiredException;
import org.devicemanagement.application.failure.MissingPermissionException;
import org.devicemanagement.application.failure.PermissionTypeNotSupportedException;
import org.devicemanagement.application.failure.UserNotFoundException;
import org.devicemanagement.application.fake.FakeUserDirectory;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.application.port.in.GetUserQuery;
import org.devicemanagement.application.port.in.UserReference;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;

class GetUserServiceTest {

  private final FakeUserDirectory directory = new FakeUserDirectory(ApplicationTestData.users());
  private final GetUserService service =
      new GetUserService(new PermissionPolicy(PermissionCatalog.seed()), directory);

  private User get(Caller caller, UserReference user) {
    return service.getUser(new GetUserQuery(caller, user));
  }

  @Test
  void givenBasicReader_whenGetUserById_thenUser() {
    Caller reader = ApplicationTestData.delegatedAs(megan(), Permissions.USER_READ_BASIC_ALL);

    assertThat(get(reader, new UserReference.ById(adele().id()))).isEqualTo(adele());
  }

  @Test
  void givenApplicationReader_whenGetUserByUpnInOtherCase_thenUser() {
    Caller app = ApplicationTestData.application(Permissions.DIRECTORY_READ_ALL);

    assertThat(
            get(
                app,
                new UserReference.ByUserPrincipalName(
                    adele().userPrincipalName().toUpperCase(Locale.ROOT))))
        .isEqualTo(adele());
  }

  @Test
  void givenSignedInReader_whenGetMe_thenTheCaller() {
    Caller me = ApplicationTestData.delegatedAs(adele(), Permissions.USER_READ_ALL);

    assertThat(get(me, new UserReference.SignedInUser())).isEqualTo(adele());
  }

  @Test
  void givenReader_whenGetUnknownUser_thenUserNotFoundNamingReference() {
    Caller reader = ApplicationTestData.delegatedAs(megan(), Permissions.USER_READ_ALL);
    String unknown = ApplicationTestData.unknownUserId();

    assertThatThrownBy(() -> get(reader, new UserReference.ById(unknown)))
        .isInstanceOfSatisfying(
            UserNotFoundException.class, e -> assertThat(e.reference()).isEqualTo(unknown));
  }

  @Test
  void givenDeviceReaderOnly_whenGetUser_thenMissingPermissionWithoutLookup() {
    assertThatThrownBy(
            () -> get(ApplicationTestData.delegatedReader(), new UserReference.ById(adele().id())))
        .isInstanceOf(MissingPermissionException.class)
        .hasMessageContaining(Permissions.USER_READ_BASIC_ALL);
    assertThat(directory.lookups()).isEmpty();
  }

  @Test
  void givenApplicationWithBasicReadOnly_whenGetUser_thenMissingPermission() {
    Caller app = ApplicationTestData.application(Permissions.USER_READ_BASIC_ALL);

    assertThatThrownBy(() -> get(app, new UserReference.ById(adele().id())))
        .isInstanceOf(MissingPermissionException.class);
  }

  @Test
  void givenPersonalAccount_whenGetUser_thenTypeNotSupported() {
    assertThatThrownBy(
            () ->
                get(
                    ApplicationTestData.personal(Permissions.USER_READ_ALL),
                    new UserReference.ById(adele().id())))
        .isInstanceOf(PermissionTypeNotSupportedException.class);
  }

  @Test
  void givenApplication_whenGetMe_thenDelegatedCallerRequired() {
    assertThatThrownBy(
            () ->
                get(
                    ApplicationTestData.application(Permissions.USER_READ_ALL),
                    new UserReference.SignedInUser()))
        .isInstanceOf(DelegatedCallerRequiredException.class);
  }
}
