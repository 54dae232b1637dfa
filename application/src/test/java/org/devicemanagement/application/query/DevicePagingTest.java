package org.devicemanagement.application.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.domain.ManagedDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DevicePagingTest {

  private static final long BASE_SEED = Long.getLong("query.seed", new Random().nextLong());
  private static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");
  private static final DeviceOrder NAME_ASC = new DeviceOrder(DeviceProperty.DEVICE_NAME, false);
  private static final DeviceOrder NAME_DESC = new DeviceOrder(DeviceProperty.DEVICE_NAME, true);
  private static final DeviceOrder SYNC_ASC =
      new DeviceOrder(DeviceProperty.LAST_SYNC_DATE_TIME, false);
  private static final DeviceOrder SYNC_DESC =
      new DeviceOrder(DeviceProperty.LAST_SYNC_DATE_TIME, true);
  private static final String INVALID_TOKEN = "The $skiptoken value is not valid.";

  private static ManagedDevice device(String id, String name, int syncMinutes) {
    return ManagedDevice.builder(id, "u")
        .deviceName(name)
        .lastSyncDateTime(T0.plusSeconds(60L * syncMinutes))
        .build();
  }

  private static DeviceQuery ordered(DeviceOrder... orderBy) {
    return new DeviceQuery(Optional.empty(), List.of(orderBy), false);
  }

  private static List<String> ids(List<ManagedDevice> devices) {
    return devices.stream().map(ManagedDevice::id).toList();
  }

  /** Every page of the listing, following the skip tokens. */
  private static List<DevicePage> allPages(
      List<ManagedDevice> devices, DeviceQuery query, int pageSize) {
    List<DevicePage> pages = new ArrayList<>();
    Optional<String> token = Optional.empty();
    do {
      DevicePage page = DevicePaging.page(devices, query, pageSize, token);
      pages.add(page);
      token = page.nextSkipToken();
    } while (token.isPresent() && pages.size() <= devices.size() + 1);
    return pages;
  }

  private static List<String> concatenated(List<DevicePage> pages) {
    return pages.stream().flatMap(page -> page.devices().stream()).map(ManagedDevice::id).toList();
  }

  private static final List<ManagedDevice> NAMED =
      List.of(
          device("d1", "beta", 3),
          device("d2", "Alpha", 1),
          device("d3", "alpha", 4),
          device("d4", "ALPHA", 1),
          device("d5", "alpha", 2));

  // ------------------------------------------------------------------ ordering

  @Test
  void givenNoOrder_whenPage_thenById() {
    List<ManagedDevice> reversed = new ArrayList<>(NAMED);
    Collections.reverse(reversed);

    DevicePage page = DevicePaging.page(reversed, DeviceQuery.ALL, 10, Optional.empty());

    assertThat(ids(page.devices())).containsExactly("d1", "d2", "d3", "d4", "d5");
    assertThat(page.nextSkipToken()).isEmpty();
  }

  @Test
  void givenDeviceNameAscending_whenPage_thenIgnoringCaseThenExactThenId() {
    DevicePage page = DevicePaging.page(NAMED, ordered(NAME_ASC), 10, Optional.empty());

    assertThat(ids(page.devices())).containsExactly("d4", "d2", "d3", "d5", "d1");
  }

  @Test
  void givenDeviceNameDescending_whenPage_thenReversedNamesWithIdStillAscending() {
    DevicePage page = DevicePaging.page(NAMED, ordered(NAME_DESC), 10, Optional.empty());

    assertThat(ids(page.devices())).containsExactly("d1", "d3", "d5", "d2", "d4");
  }

  @Test
  void givenLastSyncDateTime_whenPage_thenByTimeThenId() {
    assertThat(ids(DevicePaging.page(NAMED, ordered(SYNC_ASC), 10, Optional.empty()).devices()))
        .containsExactly("d2", "d4", "d5", "d1", "d3");
    assertThat(ids(DevicePaging.page(NAMED, ordered(SYNC_DESC), 10, Optional.empty()).devices()))
        .containsExactly("d3", "d1", "d5", "d2", "d4");
  }

  @Test
  void givenTwoKeys_whenPage_thenSecondKeyBreaksTiesOfFirst() {
    DevicePage page = DevicePaging.page(NAMED, ordered(SYNC_ASC, NAME_DESC), 10, Optional.empty());

    assertThat(ids(page.devices())).containsExactly("d2", "d4", "d5", "d1", "d3");
    assertThat(
            ids(
                DevicePaging.page(NAMED, ordered(NAME_ASC, SYNC_DESC), 10, Optional.empty())
                    .devices()))
        .containsExactly("d4", "d2", "d3", "d5", "d1");
  }

  // ------------------------------------------------------------------ paging and tokens

  @Test
  void givenPageSmallerThanListing_whenFollowTokens_thenEveryDeviceOnceInOrder() {
    List<DevicePage> pages = allPages(NAMED, ordered(NAME_ASC), 2);

    assertThat(pages).hasSize(3);
    assertThat(pages.get(0).devices()).hasSize(2);
    assertThat(pages.get(2).nextSkipToken()).isEmpty();
    assertThat(concatenated(pages)).containsExactly("d4", "d2", "d3", "d5", "d1");
  }

  @Test
  void givenPageExactlyAsLongAsListing_whenPage_thenNoToken() {
    assertThat(DevicePaging.page(NAMED, DeviceQuery.ALL, 5, Optional.empty()).nextSkipToken())
        .isEmpty();
  }

  @Test
  void givenRandomListingsOrdersAndPageSizes_whenFollowTokens_thenPagesMakeTheSortedListing() {
    List<List<DeviceOrder>> orders =
        List.of(
            List.of(),
            List.of(NAME_ASC),
            List.of(NAME_DESC),
            List.of(SYNC_ASC),
            List.of(SYNC_DESC),
            List.of(NAME_ASC, SYNC_DESC),
            List.of(SYNC_DESC, NAME_DESC),
            List.of(SYNC_ASC, NAME_ASC));
    String[] names = {"", "a", "A", "b", "B", "ab", "aB", "a.b", "é", "Zed"};
    Random seeds = new Random(BASE_SEED);
    for (int run = 0; run < 2000; run++) {
      long seed = seeds.nextLong();
      Random random = new Random(seed);
      List<ManagedDevice> devices = new ArrayList<>();
      int size = random.nextInt(30);
      for (int i = 0; i < size; i++) {
        devices.add(
            device(
                "id-" + random.nextInt(1000) + "-" + i,
                names[random.nextInt(names.length)],
                random.nextInt(4)));
      }
      List<DeviceOrder> orderBy = orders.get(random.nextInt(orders.size()));
      DeviceQuery query = new DeviceQuery(Optional.empty(), orderBy, random.nextBoolean());
      int pageSize = 1 + random.nextInt(size + 2);

      List<DevicePage> pages = allPages(devices, query, pageSize);

      String description =
          "seed %d (base %d), order %s, page size %d".formatted(seed, BASE_SEED, orderBy, pageSize);
      assertThat(concatenated(pages)).as(description).isEqualTo(ids(sorted(devices, orderBy)));
      for (int i = 0; i < pages.size() - 1; i++) {
        assertThat(pages.get(i).devices()).as(description).hasSize(pageSize);
      }
      for (DevicePage page : pages) {
        assertThat(page.count())
            .as(description)
            .isEqualTo(query.count() ? OptionalLong.of(size) : OptionalLong.empty());
      }
    }
  }

  /** The listing in {@code orderBy}'s order, sorted here independently of DevicePaging. */
  private static List<ManagedDevice> sorted(
      List<ManagedDevice> devices, List<DeviceOrder> orderBy) {
    Comparator<ManagedDevice> order = Comparator.comparing(d -> "");
    for (DeviceOrder key : orderBy) {
      Comparator<ManagedDevice> byKey =
          key.property() == DeviceProperty.DEVICE_NAME
              ? Comparator.<ManagedDevice, String>comparing(
                      d -> d.deviceName().toLowerCase(java.util.Locale.ROOT))
                  .thenComparing(ManagedDevice::deviceName)
              : Comparator.comparing(ManagedDevice::lastSyncDateTime);
      order = order.thenComparing(key.descending() ? byKey.reversed() : byKey);
    }
    return devices.stream().sorted(order.thenComparing(ManagedDevice::id)).toList();
  }

  @Test
  void givenDeviceRemovedAndAddedBetweenPages_whenContinue_thenNoDeviceSkippedOrRepeated() {
    List<ManagedDevice> devices = new ArrayList<>(NAMED);
    DevicePage first = DevicePaging.page(devices, ordered(NAME_ASC), 2, Optional.empty());
    devices.remove(0); // d1 "beta", not served yet
    devices.removeIf(d -> d.id().equals("d4")); // served already
    devices.add(device("d0", "aaa", 0)); // sorts before the token: belongs to an earlier page
    devices.add(device("d9", "alpha", 0)); // sorts after the token

    DevicePage rest = DevicePaging.page(devices, ordered(NAME_ASC), 10, first.nextSkipToken());

    assertThat(ids(first.devices())).containsExactly("d4", "d2");
    assertThat(ids(rest.devices())).containsExactly("d3", "d5", "d9");
  }

  @Test
  void givenTokenPastTheEnd_whenPage_thenEmptyPageWithoutToken() {
    DevicePage first = DevicePaging.page(NAMED, ordered(NAME_ASC), 4, Optional.empty());

    DevicePage rest =
        DevicePaging.page(NAMED.subList(1, 5), ordered(NAME_ASC), 4, first.nextSkipToken());

    assertThat(rest.devices()).isEmpty();
    assertThat(rest.nextSkipToken()).isEmpty();
  }

  @Test
  void givenHugePageSizeAndToken_whenPage_thenTheRestWithoutOverflow() {
    DevicePage first = DevicePaging.page(NAMED, DeviceQuery.ALL, 2, Optional.empty());

    DevicePage rest =
        DevicePaging.page(NAMED, DeviceQuery.ALL, Integer.MAX_VALUE, first.nextSkipToken());

    assertThat(ids(rest.devices())).containsExactly("d3", "d4", "d5");
    assertThat(rest.nextSkipToken()).isEmpty();
  }

  @Test
  void givenPageSizeBelowOne_whenPage_thenIllegalArgument() {
    assertThatThrownBy(() -> DevicePaging.page(NAMED, DeviceQuery.ALL, 0, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenCount_whenPage_thenEveryPageCountsTheWholeListing() {
    DeviceQuery counted = new DeviceQuery(Optional.empty(), List.of(NAME_ASC), true);

    assertThat(allPages(NAMED, counted, 2))
        .allSatisfy(page -> assertThat(page.count()).isEqualTo(OptionalLong.of(5)));
    assertThat(DevicePaging.page(NAMED, ordered(NAME_ASC), 2, Optional.empty()).count()).isEmpty();
  }

  @Test
  void givenTokenOfAnotherOrder_whenPage_thenInvalidSkipToken() {
    String byId =
        DevicePaging.page(NAMED, DeviceQuery.ALL, 2, Optional.empty())
            .nextSkipToken()
            .orElseThrow();
    String byName =
        DevicePaging.page(NAMED, ordered(NAME_ASC), 2, Optional.empty())
            .nextSkipToken()
            .orElseThrow();
    String byTwoKeys =
        DevicePaging.page(NAMED, ordered(NAME_ASC, SYNC_ASC), 2, Optional.empty())
            .nextSkipToken()
            .orElseThrow();

    assertInvalid(byId, ordered(NAME_ASC));
    assertInvalid(byName, DeviceQuery.ALL);
    assertInvalid(byName, ordered(NAME_DESC));
    assertInvalid(byName, ordered(SYNC_ASC));
    assertInvalid(byName, ordered(NAME_ASC, SYNC_ASC));
    assertInvalid(byTwoKeys, ordered(NAME_ASC));
    assertInvalid(byTwoKeys, ordered(SYNC_ASC, NAME_ASC));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "!!!", "not base64 at all", "a2V5czo", "a2V5czoueA", "a2V5czp4LnkueQ", "%%"})
  void givenGarbageToken_whenPageByName_thenInvalidSkipToken(String token) {
    assertInvalid(token, ordered(NAME_ASC));
  }

  @Test
  void givenTokenWithBadDate_whenPageBySync_thenInvalidSkipToken() {
    String token =
        encode(
            "keys:"
                + encode("lastSyncDateTime asc")
                + "."
                + encode("yesterday")
                + "."
                + encode("d1"));

    assertInvalid(token, ordered(SYNC_ASC));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "!!!", "YWZ0ZXI6", "a2V5czp4"})
  void givenGarbageToken_whenPageById_thenInvalidSkipToken(String token) {
    assertInvalid(token, DeviceQuery.ALL);
  }

  @Test
  void givenRandomTokens_whenPage_thenPageOrInvalidSkipTokenOnly() {
    Random random = new Random(BASE_SEED);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=.+/!";
    for (int i = 0; i < 3000; i++) {
      StringBuilder token = new StringBuilder();
      int length = random.nextInt(40);
      for (int j = 0; j < length; j++) {
        token.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      DeviceQuery query = random.nextBoolean() ? DeviceQuery.ALL : ordered(SYNC_DESC, NAME_ASC);
      try {
        DevicePaging.page(NAMED, query, 2, Optional.of(token.toString()));
      } catch (InvalidRequestException invalid) {
        assertThat(invalid).hasMessage(INVALID_TOKEN);
      } catch (RuntimeException other) {
        throw new AssertionError("token '%s' (base seed %d)".formatted(token, BASE_SEED), other);
      }
    }
  }

  @Test
  void givenAfterId_whenLastIdOfAndCheck_thenRoundTrip() {
    String token = DevicePaging.afterId("d3");

    assertThat(DevicePaging.lastIdOf(token)).isEqualTo("d3");
    DevicePaging.check(token, DeviceQuery.ALL);
    assertThat(ids(DevicePaging.page(NAMED, DeviceQuery.ALL, 10, Optional.of(token)).devices()))
        .containsExactly("d4", "d5");
    assertThatThrownBy(() -> DevicePaging.check(token, ordered(NAME_ASC)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(INVALID_TOKEN);
  }

  private static String encode(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertInvalid(String token, DeviceQuery query) {
    assertThatThrownBy(() -> DevicePaging.page(NAMED, query, 2, Optional.of(token)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(INVALID_TOKEN);
    assertThatThrownBy(() -> DevicePaging.check(token, query))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(INVALID_TOKEN);
  }
}
