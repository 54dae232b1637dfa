package org.devicemanagement.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    assertThat(keys.publicKeys().getKeys()).singleElement().satisfies(k -> {
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
        .hasMessageContaining("not a valid JWK");
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
        .hasMessageContaining("cannot create data directory " + dataDir);
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
