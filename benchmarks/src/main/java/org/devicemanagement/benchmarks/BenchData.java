package org.devicemanagement.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.domain.ComplianceState;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagedDeviceOwnerType;
import org.devicemanagement.domain.User;

/**
 * The one factory of benchmark data: deterministic tenants of realistic devices, signing keys,
 * tokens and callers.
 */
public final class BenchData {

  /** The demo work tenant. */
  public static final String TENANT_ID = "0f3c6a52-5b8e-4f6e-9c0a-2d7b8e1f4a10";

  /** The key id of {@link #signingKey()}. */
  public static final String KEY_ID = "bench-key";

  private static final String[][] MODELS = {
    {"Windows", "10.0.22631.3447", "Surface Laptop 5", "Microsoft Corporation"},
    {"iOS", "17.4.1", "iPhone 15 Pro", "Apple"},
    {"Android", "14", "Pixel 8", "Google"},
    {"macOS", "14.4.1", "MacBook Air (M2)", "Apple"},
  };
  private static final Instant BASE = Instant.parse("2023-01-01T00:00:00Z");

  private BenchData() {}

  /** The id of user {@code index}: a GUID that is the same in every run. */
  public static String userId(int index) {
    return new UUID(0x6e1d3b7a4f2c4b8eL, 0x9a51000000000000L | index).toString();
  }

  /** The sign-in name of user {@code index}. */
  public static String userPrincipalName(int index) {
    return "user" + index + "@contoso.com";
  }

  /** User {@code index}. */
  public static User user(int index) {
    return new User(userId(index), userPrincipalName(index), "User " + index);
  }

  /** Device {@code number} of {@code user}, shaped like the demo tenant's devices. */
  public static ManagedDevice device(User user, long number) {
    String[] model = MODELS[(int) (number % MODELS.length)];
    UUID id = new UUID(0x1b0d6c9e3f4a4e8bL, 0x8c2d000000000000L | number);
    UUID aad = new UUID(0x6c8be795b94d4fe8L, 0xa09d000000000000L | number);
    return ManagedDevice.builder(id.toString(), user.id())
        .userPrincipalName(user.userPrincipalName())
        .deviceName("DEVICE-" + number)
        .operatingSystem(model[0])
        .osVersion(model[1])
        .complianceState(ComplianceState.COMPLIANT)
        .managedDeviceOwnerType(ManagedDeviceOwnerType.COMPANY)
        .enrolledDateTime(BASE.plusSeconds(number * 37))
        .lastSyncDateTime(BASE.plusSeconds(number * 53 + 86_400))
        .serialNumber("SN%010d".formatted(number))
        .azureADDeviceId(aad.toString())
        .model(model[2])
        .manufacturer(model[3])
        .build();
  }

  /** The users of a tenant of {@code users} users. */
  public static List<User> users(int users) {
    List<User> all = new ArrayList<>(users);
    for (int i = 0; i < users; i++) {
      all.add(user(i));
    }
    return all;
  }

  /** {@code devicesPerUser} devices for each of {@code users}, numbered from 0. */
  public static List<ManagedDevice> devices(List<User> users, int devicesPerUser) {
    List<ManagedDevice> all = new ArrayList<>(users.size() * devicesPerUser);
    long number = 0;
    for (User user : users) {
      for (int d = 0; d < devicesPerUser; d++) {
        all.add(device(user, number++));
      }
    }
    return all;
  }

  /** A tenant of {@code users} users with {@code devicesPerUser} devices each. */
  public static InMemoryTenant tenant(int users, int devicesPerUser) {
    List<User> all = users(users);
    return InMemoryTenant.of(all, devices(all, devicesPerUser));
  }

  /** A fresh 2048-bit RSA signing key named {@link #KEY_ID}. */
  public static RSAKey signingKey() {
    try {
      return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA key", e);
    }
  }

  /**
   * A delegated Entra-v1-shaped token for the user {@code objectId}, holding both device scopes,
   * valid for an hour from {@code now}, signed by {@code key}.
   */
  public static String delegatedToken(RSAKey key, String objectId, Instant now) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .audience("https://graph.microsoft.com")
            .issuer("https://sts.windows.net/" + TENANT_ID + "/")
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
            .claim("ver", "1.0")
            .claim("tid", TENANT_ID)
            .claim("uti", UUID.randomUUID().toString())
            .claim("appid", "2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182")
            .claim("app_displayname", "device-management cli")
            .claim("scp", Permissions.PRIVILEGED_OPERATIONS_ALL + " " + Permissions.READ_ALL)
            .claim("idtyp", "user")
            .claim("oid", objectId)
            .subject(objectId)
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign", e);
    }
    return jwt.serialize();
  }

  /** A delegated work-or-school caller holding both device scopes, signed in as {@code user}. */
  public static Caller delegatedCaller(User user) {
    return Caller.delegated(
        TENANT_ID,
        Optional.of(user.id()),
        Optional.of(user.userPrincipalName()),
        Set.of(Permissions.PRIVILEGED_OPERATIONS_ALL, Permissions.READ_ALL));
  }
}
