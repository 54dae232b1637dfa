package org.devicemanagement.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.devicemanagement.bootstrap.config.TlsKeystore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS: a self-signed PKCS12 keystore made with {@code keytool} at test time; the server serves it
 * and a client trusting exactly that certificate retires devices over TLS.
 */
class HttpsServerTest {

  private static final String PASSWORD = "test-only-keystore-password";

  @TempDir static Path dir;

  private static Path keystore;

  @BeforeAll
  static void makeKeystore() throws Exception {
    keystore = dir.resolve("server.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "device-management",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(output).isZero();
    Files.writeString(dir.resolve("password.txt"), PASSWORD + "\n");
  }

  @Test
  void givenPkcs12Keystore_whenServedOverHttps_thenClientTrustingTheCertRetires() throws Exception {
    SSLContext serverTls =
        TlsKeystore.load(keystore, TlsKeystore.passwordFromFile(dir.resolve("password.txt")));
    try (DeviceManagementServer server =
        DeviceManagementServer.start(
            BootstrapTestData.settings(dir.resolve("data")), Optional.of(serverTls))) {
      HttpClient client =
          HttpClient.newBuilder()
              .sslContext(trusting(keystore))
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      String token =
          BootstrapTestData.delegatedToken(
              server.signingKeys().orElseThrow(), BootstrapTestData.ADELE_UPN);

      HttpResponse<String> retired =
          client.send(
              BootstrapTestData.post(
                  server.baseUri(),
                  "v1.0/users/" + BootstrapTestData.ADELE_UPN + "/removeAllDevicesFromManagement",
                  token),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> listed =
          client.send(
              BootstrapTestData.get(
                  server.baseUri(),
                  "v1.0/users/" + BootstrapTestData.ADELE_UPN + "/managedDevices",
                  token),
              HttpResponse.BodyHandlers.ofString());

      assertThat(server.baseUri().getScheme()).isEqualTo("https");
      assertThat(retired.statusCode()).isEqualTo(204);
      assertThat(listed.statusCode()).isEqualTo(200);
      assertThat(listed.body()).contains("retirePending");
      assertThat(listed.sslSession())
          .hasValueSatisfying(s -> assertThat(s.getProtocol()).startsWith("TLS"));
    }
  }

  @Test
  void givenHttpsServer_whenClientDoesNotTrustTheCert_thenHandshakeFails() throws Exception {
    SSLContext serverTls = TlsKeystore.load(keystore, PASSWORD.toCharArray());
    try (DeviceManagementServer server =
        DeviceManagementServer.start(
            BootstrapTestData.settings(dir.resolve("data2")), Optional.of(serverTls))) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest request = BootstrapTestData.get(server.baseUri(), "v1.0/me/managedDevices", "x");

      assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void givenWrongPassword_whenLoadingTheKeystore_thenClearError() {
    assertThatThrownBy(() -> TlsKeystore.load(keystore, "wrong".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(keystore.toString())
        .hasMessageNotContaining("wrong");
  }

  @Test
  void givenEmptyPasswordFile_whenReadingThePassword_thenClearError() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.txt"), "\n");

    assertThatThrownBy(() -> TlsKeystore.passwordFromFile(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is empty");
  }

  private static SSLContext trusting(Path keystore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
