package org.devicemanagement.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.devicemanagement.bootstrap.security.SigningKeys;
import org.devicemanagement.bootstrap.security.TokenMinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {

  @TempDir Path dataDir;

  @Test
  void givenUpn_whenToken_thenStdoutIsExactlyOneSignedDelegatedJwtLine() throws Exception {
    CommandLineRun run =
        CommandLineRun.of("token", "--data-dir", dataDir.toString(), "--user", "adele@contoso.com");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).endsWith("\n").doesNotContain(" ");
    assertThat(run.out().lines()).hasSize(1);
    String token = run.out().strip();
    assertThat(token.split("\\.")).hasSize(3);
    SignedJWT jwt = SignedJWT.parse(token);
    SigningKeys keys = SigningKeys.loadOrCreate(dataDir);
    assertThat(jwt.verify(new RSASSAVerifier(keys.privateKey().toRSAPublicKey()))).isTrue();
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(keys.keyId());
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getStringClaim("upn")).isEqualTo("adele@contoso.com");
    assertThat(claims.getStringClaim("unique_name")).isEqualTo("adele@contoso.com");
    assertThat(claims.getStringClaim("scp"))
        .isEqualTo(BootstrapTestData.PRIVILEGED + " " + BootstrapTestData.READ_ALL);
    assertThat(claims.getStringClaim("tid")).isEqualTo(TokenMinter.DEMO_TENANT_ID);
    assertThat(claims.getExpirationTime().toInstant())
        .isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
  }

  @Test
  void givenGuidUserAndScopes_whenToken_thenOidAndExactlyThoseScopes() throws Exception {
    CommandLineRun run =
        CommandLineRun.of(
            "token",
            "--data-dir",
            dataDir.toString(),
            "--user",
            BootstrapTestData.ADELE_ID,
            "--scopes",
            "User.Read  DeviceManagementManagedDevices.Read.All");

    JWTClaimsSet claims = BootstrapTestData.claims(run.out().strip());
    assertThat(claims.getStringClaim("oid")).isEqualTo(BootstrapTestData.ADELE_ID);
    assertThat(claims.getStringClaim("scp"))
        .isEqualTo("User.Read DeviceManagementManagedDevices.Read.All");
  }

  @Test
  void givenPersonalType_whenToken_thenConsumerTenant() throws Exception {
    CommandLineRun run =
        CommandLineRun.of(
            "token",
            "--data-dir",
            dataDir.toString(),
            "--type",
            "personal",
            "--user",
            "me@live.com");

    assertThat(run.exitCode()).isZero();
    assertThat(BootstrapTestData.claims(run.out().strip()).getStringClaim("tid"))
        .isEqualTo(TokenMinter.CONSUMER_TENANT_ID);
  }

  @Test
  void givenApplicationTypeWithoutUser_whenToken_thenRolesAndDefaultReadRole() throws Exception {
    CommandLineRun run =
        CommandLineRun.of("token", "--data-dir", dataDir.toString(), "--type", "APPLICATION");

    assertThat(run.exitCode()).isZero();
    JWTClaimsSet claims = BootstrapTestData.claims(run.out().strip());
    assertThat(claims.getStringListClaim("roles")).containsExactly(BootstrapTestData.READ_ALL);
    assertThat(claims.getStringClaim("idtyp")).isEqualTo("app");
    assertThat(claims.getClaim("scp")).isNull();
  }

  @Test
  void givenApplicationTypeWithUser_whenToken_thenUserIgnored() throws Exception {
    CommandLineRun run =
        CommandLineRun.of(
            "token",
            "--data-dir",
            dataDir.toString(),
            "--type",
            "application",
            "--user",
            "adele@contoso.com");

    JWTClaimsSet claims = BootstrapTestData.claims(run.out().strip());
    assertThat(claims.getClaim("upn")).isNull();
    assertThat(claims.getStringClaim("oid")).isEqualTo(TokenMinter.CLI_SERVICE_PRINCIPAL_ID);
  }

  @Test
  void givenNegativeLifetime_whenToken_thenAlreadyExpired() throws Exception {
    CommandLineRun run =
        CommandLineRun.of(
            "token",
            "--data-dir",
            dataDir.toString(),
            "--user",
            "adele@contoso.com",
            "--lifetime",
            "-300");

    assertThat(BootstrapTestData.claims(run.out().strip()).getExpirationTime().toInstant())
        .isBefore(Instant.now().minusSeconds(290));
  }

  @Test
  void givenDelegatedWithoutUser_whenToken_thenOneErrorLineAndHelpPointerExit2() {
    CommandLineRun run = CommandLineRun.of("token", "--data-dir", dataDir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(2);
    assertThat(run.err().lines().findFirst())
        .get()
        .asString()
        .startsWith("error: ")
        .contains("--user");
    assertThat(run.err().lines().skip(1)).containsExactly("see 'device-management token --help'");
    assertThat(run.err()).doesNotContain("Usage:");
  }

  @Test
  void givenUnknownTypeOrBadLifetimeOrBadUser_whenToken_thenExit2AndNothingOnStdout() {
    CommandLineRun badType =
        CommandLineRun.of("token", "--data-dir", dataDir.toString(), "--type", "robot");
    CommandLineRun badLifetime =
        CommandLineRun.of(
            "token", "--data-dir", dataDir.toString(), "--user", "a@b.c", "--lifetime", "soon");
    CommandLineRun badUser =
        CommandLineRun.of("token", "--data-dir", dataDir.toString(), "--user", "adele");

    assertThat(badType.exitCode()).isEqualTo(2);
    assertThat(badType.err()).contains("--type").contains("robot");
    assertThat(badLifetime.exitCode()).isEqualTo(2);
    assertThat(badLifetime.err()).contains("--lifetime");
    assertThat(badUser.exitCode()).isEqualTo(2);
    assertThat(badUser.err()).contains("'adele'");
    assertThat(badType.out() + badLifetime.out() + badUser.out()).isEmpty();
  }

  @Test
  void givenTwoRuns_whenToken_thenSameOwnerOnlyKeyIsReused() throws Exception {
    Path fresh = dataDir.resolve("fresh");
    String first =
        CommandLineRun.of("token", "--data-dir", fresh.toString(), "--user", "a@contoso.com")
            .out()
            .strip();
    String keyFile = Files.readString(fresh.resolve("signing-key.jwk"));
    String second =
        CommandLineRun.of("token", "--data-dir", fresh.toString(), "--user", "a@contoso.com")
            .out()
            .strip();

    assertThat(SignedJWT.parse(second).getHeader().getKeyID())
        .isEqualTo(SignedJWT.parse(first).getHeader().getKeyID());
    assertThat(Files.readString(fresh.resolve("signing-key.jwk"))).isEqualTo(keyFile);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(fresh.resolve("signing-key.jwk"))))
        .isEqualTo("rw-------");
  }

  @Test
  void givenCorruptKeyFile_whenToken_thenOneErrorLineNamingTheFileAndExit1() throws Exception {
    Files.writeString(dataDir.resolve("signing-key.jwk"), "garbage");

    CommandLineRun run =
        CommandLineRun.of("token", "--data-dir", dataDir.toString(), "--user", "a@contoso.com");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("error: ")
        .contains(dataDir.resolve("signing-key.jwk").toString());
  }
}
