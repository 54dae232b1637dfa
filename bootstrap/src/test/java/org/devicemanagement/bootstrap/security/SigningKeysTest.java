package org.devicemanagement.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SigningKeysTest {

  @TempDir Path temp;

  @Test
  void givenMissingDataDir_whenLoadOrCreate_thenOwnerOnlyDirAndKeyFileWithThumbprintKid()
      throws Exception {
    Path dataDir = temp.resolve("nested").resolve("data");

    SigningKeys keys = SigningKeys.loadOrCreate(dataDir);

    Path file = dataDir.resolve("signing-key.jwk");
    assertThat(keys.file()).isEqualTo(file.toAbsolutePath());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
        .isEqualTo("rwx------");
    RSAKey stored = RSAKey.parse(Files.readString(file));
    assertThat(stored.isPrivate()).isTrue();
    assertThat(stored.size()).isEqualTo(2048);
    assertThat(stored.getKeyID()).isEqualTo(stored.computeThumbprint().toString());
    assertThat(keys.keyId()).isEqualTo(stored.getKeyID());
    assertThat(keys.publicKeys().getKeys())
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.isPrivate()).isFalse();
              assertThat(k.getKeyID()).isEqualTo(stored.getKeyID());
            });
    try (var leftovers = Files.list(dataDir)) {
      assertThat(leftovers).containsExactly(file);
    }
  }

  @Test
  void givenExistingKey_whenLoadedAgain_thenSameKeyAndFileUnchanged() throws Exception {
    SigningKeys first = SigningKeys.loadOrCreate(temp);
    String content = Files.readString(first.file());

    SigningKeys second = SigningKeys.loadOrCreate(temp);

    assertThat(second.keyId()).isEqualTo(first.keyId());
    assertThat(second.privateKey()).isEqualTo(first.privateKey());
    assertThat(Files.readString(second.file())).isEqualTo(content);
  }

  @Test
  void givenCorruptKeyFile_whenLoad_thenErrorNamesTheFile() throws Exception {
    Path file = temp.resolve("signing-key.jwk");
    Files.writeString(file, "{ not json");

    assertThatThrownBy(() -> SigningKeys.loadOrCreate(temp))
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("is not a JSON Web Key");
  }

  @Test
  void givenBinaryKeyFile_whenLoad_thenSaysNotAJsonWebKeyNamingTheFile() throws Exception {
    Path file = temp.resolve("signing-key.jwk");
    Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0x80});

    assertThatThrownBy(() -> SigningKeys.loadOrCreate(temp))
        .isInstanceOf(SigningKeyException.class)
        .hasMessage(
            "signing key file %s is not a JSON Web Key (it is not UTF-8 text); move it away to"
                + " create a new key",
            file);
  }

  @ParameterizedTest
  @ValueSource(strings = {"n", "e", "p", "q", "dp", "dq", "qi"})
  void givenOneBitFlippedInTheKeyFile_whenLoad_thenSaysTheHalvesDoNotMatch(String member)
      throws Exception {
    Path file = SigningKeys.loadOrCreate(temp).file();
    Map<String, Object> json = JSONObjectUtils.parse(Files.readString(file));
    byte[] bytes = new Base64URL((String) json.get(member)).decode();
    bytes[bytes.length / 2] ^= 0x10;
    json.put(member, Base64URL.encode(bytes).toString());
    Files.writeString(file, JSONObjectUtils.toJSONString(json));

    assertThatThrownBy(() -> SigningKeys.loadOrCreate(temp))
        .isInstanceOf(SigningKeyException.class)
        .hasMessage(
            "signing key file %s: the private and public halves of the key do not match (the file"
                + " is corrupted); delete it to create a new key, which invalidates the tokens"
                + " minted with the old one",
            file);
  }

  @Test
  void givenKeyFileThatIsADirectory_whenLoad_thenSaysSoNamingIt() throws Exception {
    Path file = Files.createDirectory(temp.resolve("signing-key.jwk"));

    assertThatThrownBy(() -> SigningKeys.loadOrCreate(temp))
        .isInstanceOf(SigningKeyException.class)
        .hasMessage(
            "signing key file %s is a directory, not a file; move it away to create a new key",
            file);
  }

  @Test
  void givenKeyFileWithoutReadPermission_whenLoad_thenSaysPermissionDenied() throws Exception {
    Path file = SigningKeys.loadOrCreate(temp).file();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    // Root reads it anyway; DataDirectoryTest checks the words without needing a non-root user.
    assumeFalse(Files.isReadable(file), "permission bits are not enforced for this user (root)");

    assertThatThrownBy(() -> SigningKeys.loadOrCreate(temp))
        .isInstanceOf(SigningKeyException.class)
        .hasMessage("cannot read signing key file %s: permission denied", file);
  }

  @Test
  void givenPublicOnlyKeyFile_whenLoad_thenErrorSaysNotPrivate() throws Exception {
    Path file = temp.resolve("signing-key.jwk");
    Files.writeString(file, BootstrapTestData.newRsaKey().toPublicJWK().toJSONString());

    assertThatThrownBy(() -> SigningKeys.loadOrCreate(temp))
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("RSA private key");
  }

  @Test
  void givenDataDirBelowAFile_whenLoadOrCreate_thenErrorNamesTheDirectory() throws Exception {
    Path blocker = Files.writeString(temp.resolve("blocker"), "x");
    Path dataDir = blocker.resolve("data");

    assertThatThrownBy(() -> SigningKeys.loadOrCreate(dataDir))
        .isInstanceOf(SigningKeyException.class)
        .hasMessage("cannot create data directory %s: not a directory", dataDir);
  }

  @Test
  void givenDataDirThatIsAFile_whenLoadOrCreate_thenSaysItIsNotADirectory() throws Exception {
    Path file = Files.writeString(temp.resolve("file"), "x");

    assertThatThrownBy(() -> SigningKeys.loadOrCreate(file))
        .isInstanceOf(SigningKeyException.class)
        .hasMessage("cannot create data directory %s: it exists and is not a directory", file);
  }

  @Test
  void givenDataDirInProc_whenLoadOrCreate_thenSaysWhyNotJustThePath() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");
    Path dataDir = Path.of("/proc/nope");

    assertThatThrownBy(() -> SigningKeys.loadOrCreate(dataDir))
        .isInstanceOf(SigningKeyException.class)
        .hasMessage("cannot create data directory /proc/nope: no such file or directory");
  }

  @Test
  void givenDataDirUnderAReadOnlyDirectory_whenLoadOrCreate_thenSaysPermissionDenied()
      throws Exception {
    Path readOnly = Files.createDirectory(temp.resolve("read-only"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-x------"));
    assumeFalse(
        Files.isWritable(readOnly), "permission bits are not enforced for this user (root)");
    Path dataDir = readOnly.resolve("data");

    assertThatThrownBy(() -> SigningKeys.loadOrCreate(dataDir))
        .isInstanceOf(SigningKeyException.class)
        .hasMessage("cannot create data directory %s: permission denied", dataDir);
  }

  @Test
  void givenConcurrentFirstUses_whenRacing_thenEveryoneUsesTheWinnersKey() throws Exception {
    int racers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<SigningKeys>> results = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return SigningKeys.loadOrCreate(temp);
                }));
      }
      go.countDown();
      String onDisk = RSAKey.parse(Files.readString(results.get(0).get().file())).getKeyID();

      for (Future<SigningKeys> result : results) {
        assertThat(result.get().keyId()).isEqualTo(onDisk);
      }
      try (var files = Files.list(temp)) {
        assertThat(files).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
