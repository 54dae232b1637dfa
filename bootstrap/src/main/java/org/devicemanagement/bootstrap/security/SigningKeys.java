package org.devicemanagement.bootstrap.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.SignatureException;
import java.text.ParseException;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's RSA signing key, kept in the data directory as {@code signing-key.jwk} (a private
 * JWK whose {@code kid} is its RFC 7638 thumbprint) and created on first use.
 *
 * <p>The key signs the tokens the {@code token} command mints and is the only key the server
 * trusts, so the file is written with owner-only permissions and published atomically: when two
 * processes create it at once, both end up using the same key.
 */
public final class SigningKeys {

  /** The key file's name inside the data directory. */
  public static final String FILE_NAME = "signing-key.jwk";

  private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
  private static final int KEY_SIZE = 2048;
  private static final String CHECK_ALGORITHM = "SHA256withRSA";
  private static final byte[] CHECK_MESSAGE =
      "device-management signing key check".getBytes(StandardCharsets.UTF_8);

  private final Path file;
  private final RSAKey privateKey;

  private SigningKeys(Path file, RSAKey privateKey) {
    this.file = file;
    this.privateKey = privateKey;
  }

  /**
   * The key in {@code dataDir}, creating the directory and the key if they are missing.
   *
   * @throws SigningKeyException if the directory or key file cannot be created or read, or the file
   *     does not hold an RSA private JWK whose private half signs what its public half verifies
   */
  public static SigningKeys loadOrCreate(Path dataDir) {
    Objects.requireNonNull(dataDir, "dataDir");
    Path dir = DataDirectory.ensure(dataDir);
    Path file = dir.resolve(FILE_NAME);
    if (Files.exists(file)) {
      return new SigningKeys(file, read(file));
    }
    RSAKey generated = generate();
    if (publish(dir, file, generated)) {
      LOG.info("Created signing key {} (kid {})", file, generated.getKeyID());
      return new SigningKeys(file, generated);
    }
    return new SigningKeys(file, read(file));
  }

  /** The key file. */
  public Path file() {
    return file;
  }

  /** The key id, the RFC 7638 thumbprint of the public key. */
  public String keyId() {
    return privateKey.getKeyID();
  }

  /** The private key, for signing. */
  public RSAKey privateKey() {
    return privateKey;
  }

  /** The public half as a JWK set, for verifying. */
  public JWKSet publicKeys() {
    return new JWKSet(privateKey.toPublicJWK());
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(KEY_SIZE)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .keyIDFromThumbprint(true)
          .generate();
    } catch (JOSEException e) {
      throw new SigningKeyException("cannot generate an RSA signing key: " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code key} to a private temporary file, then links it into place, which fails if
   * another process got there first.
   *
   * @return whether this process's key is the one in {@code file}
   */
  private static boolean publish(Path dir, Path file, RSAKey key) {
    @Nullable Path temporary = null;
    try {
      temporary =
          DataDirectory.supportsPosix(dir)
              ? Files.createTempFile(
                  dir,
                  ".signing-key-",
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(DataDirectory.OWNER_ONLY_FILE))
              : Files.createTempFile(dir, ".signing-key-", ".tmp");
      Files.writeString(temporary, key.toJSONString() + "\n", StandardCharsets.UTF_8);
      try {
        Files.createLink(file, temporary);
      } catch (FileAlreadyExistsException lostTheRace) {
        throw lostTheRace;
      } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
        // Without hard links, a move that refuses to replace is the closest to "create if absent".
        Files.move(temporary, file);
      }
      return true;
    } catch (FileAlreadyExistsException lostTheRace) {
      return false;
    } catch (IOException e) {
      throw new SigningKeyException(
          "cannot write signing key file %s: %s".formatted(file, DataDirectory.describe(e, file)),
          e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  private static RSAKey read(Path file) {
    if (Files.isDirectory(file)) {
      throw new SigningKeyException(
          "signing key file %s is a directory, not a file; move it away to create a new key"
              .formatted(file));
    }
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw notAKey(file, "it is not UTF-8 text", e);
    } catch (IOException e) {
      throw new SigningKeyException(
          "cannot read signing key file %s: %s".formatted(file, DataDirectory.describe(e, file)),
          e);
    }
    warnIfOthersCanRead(file);
    JWK jwk;
    try {
      jwk = JWK.parse(json);
    } catch (ParseException e) {
      throw notAKey(file, String.valueOf(e.getMessage()), e);
    }
    if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
      throw new SigningKeyException(
          "signing key file %s does not hold an RSA private key; move it away to create a new key"
              .formatted(file));
    }
    checkHalvesMatch(file, rsa);
    if (rsa.getKeyID() != null) {
      return rsa;
    }
    try {
      return new RSAKey.Builder(rsa).keyIDFromThumbprint().build();
    } catch (JOSEException e) {
      throw new SigningKeyException(
          "cannot compute the key id of signing key file %s: %s".formatted(file, e.getMessage()),
          e);
    }
  }

  private static SigningKeyException notAKey(Path file, String why, Exception cause) {
    return new SigningKeyException(
        "signing key file %s is not a JSON Web Key (%s); move it away to create a new key"
            .formatted(file, why),
        cause);
  }

  /**
   * Signs a fixed message with the private half and verifies it with the public half, so that a
   * corrupted file fails here, naming itself, rather than in every token command and every request.
   */
  private static void checkHalvesMatch(Path file, RSAKey key) {
    boolean verified;
    try {
      Signature signer = Signature.getInstance(CHECK_ALGORITHM);
      signer.initSign(key.toPrivateKey());
      signer.update(CHECK_MESSAGE);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(CHECK_ALGORITHM);
      verifier.initVerify(key.toPublicKey());
      verifier.update(CHECK_MESSAGE);
      verified = verifier.verify(signature);
    } catch (SignatureException e) {
      // The JDK checks an RSA signature it makes against the public exponent and modulus, so a
      // corrupted half already fails here.
      verified = false;
    } catch (JOSEException | GeneralSecurityException | RuntimeException e) {
      throw new SigningKeyException(
          ("signing key file %s does not hold a usable RSA key (%s); the file is corrupted: delete"
                  + " it to create a new key, which invalidates the tokens minted with the old one")
              .formatted(file, e.getMessage()),
          e);
    }
    if (!verified) {
      throw new SigningKeyException(
          ("signing key file %s: the private and public halves of the key do not match (the file"
                  + " is corrupted); delete it to create a new key, which invalidates the tokens"
                  + " minted with the old one")
              .formatted(file));
    }
  }

  private static void warnIfOthersCanRead(Path file) {
    if (!DataDirectory.supportsPosix(file)) {
      return;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!DataDirectory.OWNER_ONLY_FILE.containsAll(permissions)) {
        LOG.warn(
            "Signing key file {} is accessible to others ({}); restrict it with chmod 600",
            file,
            PosixFilePermissions.toString(permissions));
      }
    } catch (IOException e) {
      LOG.debug("Cannot read the permissions of {}", file, e);
    }
  }

  private static void deleteQuietly(@Nullable Path temporary) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      LOG.debug("Cannot delete temporary key file {}", temporary, e);
    }
  }
}
