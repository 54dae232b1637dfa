package org.devicemanagement.bootstrap.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The server's TLS identity for HTTPS: a PKCS12 keystore holding one private key and its
 * certificate chain. The password comes from a file or an environment variable, never from the
 * command line (where {@code ps} would show it).
 */
public final class TlsKeystore {

  /** The environment variable read when no password file is given. */
  public static final String PASSWORD_ENV = "DEVICE_MANAGEMENT_TLS_KEYSTORE_PASSWORD";

  private TlsKeystore() {}

  /**
   * Reads the password from the first line of {@code passwordFile} (a trailing newline is not part
   * of it).
   *
   * @throws IllegalArgumentException if the file cannot be read or is empty
   */
  public static char[] passwordFromFile(Path passwordFile) {
    Objects.requireNonNull(passwordFile, "passwordFile");
    try {
      String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
      int newline = text.indexOf('\n');
      String first = (newline < 0 ? text : text.substring(0, newline)).replace("\r", "");
      if (first.isEmpty()) {
        throw new IllegalArgumentException(
            "the keystore password file %s is empty".formatted(passwordFile));
      }
      return first.toCharArray();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the keystore password file %s: %s".formatted(passwordFile, e.getMessage()),
          e);
    }
  }

  /**
   * Loads the PKCS12 {@code keystore} with {@code password} into a TLS context serving its key.
   *
   * @throws IllegalArgumentException if the file cannot be read, the password is wrong or the
   *     keystore holds no private key
   */
  public static SSLContext load(Path keystore, char[] password) {
    Objects.requireNonNull(keystore, "keystore");
    Objects.requireNonNull(password, "password");
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      boolean hasKey = false;
      for (String alias : java.util.Collections.list(store.aliases())) {
        hasKey |= store.isKeyEntry(alias);
      }
      if (!hasKey) {
        throw new IllegalArgumentException(
            "the keystore %s holds no private key".formatted(keystore));
      }
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (IOException e) {
      // PKCS12 reports a wrong password as an IOException wrapping UnrecoverableKeyException.
      throw new IllegalArgumentException(
          "cannot open the keystore %s (is it PKCS12, and the password right?): %s"
              .formatted(keystore, e.getMessage()),
          e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot use the keystore %s: %s".formatted(keystore, e.getMessage()), e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }
}
