package org.devicemanagement.application.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.domain.ManagedDevice;

/**
 * Pages a listing held in memory: orders the matching devices as the query asks (by id among equal
 * keys) and resumes after the last device served. The skip token names that device's sort keys and
 * id rather than a position, so paging stays correct while devices change.
 */
public final class DevicePaging {

  private static final String AFTER_ID = "after:";
  private static final String AFTER_KEYS = "keys:";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private DevicePaging() {}

  /**
   * One page of {@code matching} (devices that already match the query's filter, in any order), at
   * most {@code pageSize} long, continuing after {@code skipToken} when present.
   *
   * @throws InvalidRequestException if the skip token was not made by this class for the same order
   */
  public static DevicePage page(
      List<ManagedDevice> matching, DeviceQuery query, int pageSize, Optional<String> skipToken) {
    Objects.requireNonNull(matching, "matching");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(skipToken, "skipToken");
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size %d is below 1".formatted(pageSize));
    }
    Comparator<SortKey> order = order(query.orderBy());
    List<Keyed> sorted = new ArrayList<>(matching.size());
    for (ManagedDevice device : matching) {
      sorted.add(new Keyed(SortKey.of(device, query.orderBy()), device));
    }
    sorted.sort(Comparator.comparing(Keyed::key, order));
    int from = skipToken.map(token -> firstAfter(sorted, decode(token, query), order)).orElse(0);
    // In long arithmetic: a page size near Integer.MAX_VALUE ("all of them") must not overflow.
    int to = (int) Math.min(sorted.size(), (long) from + pageSize);
    List<ManagedDevice> page = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      page.add(sorted.get(i).device());
    }
    Optional<String> next =
        to < sorted.size()
            ? Optional.of(encode(sorted.get(to - 1).key(), query))
            : Optional.empty();
    OptionalLong count = query.count() ? OptionalLong.of(sorted.size()) : OptionalLong.empty();
    return new DevicePage(page, next, count);
  }

  /**
   * Checks that {@code skipToken} is one this class made for a listing in {@code query}'s order.
   *
   * @throws InvalidRequestException if it is not
   */
  public static void check(String skipToken, DeviceQuery query) {
    decode(Objects.requireNonNull(skipToken, "skipToken"), Objects.requireNonNull(query, "query"));
  }

  /**
   * The id of the last device served before {@code skipToken}, for a listing ordered by id only (a
   * query without {@code $orderby}); lets a store resume from its own index.
   *
   * @throws InvalidRequestException if the token is not one this class makes for such a listing
   */
  public static String lastIdOf(String skipToken) {
    return decode(Objects.requireNonNull(skipToken, "skipToken"), DeviceQuery.ALL).id();
  }

  /** The skip token that continues a listing ordered by id only after {@code lastServedId}. */
  public static String afterId(String lastServedId) {
    return encode(new SortKey(List.of(), lastServedId), DeviceQuery.ALL);
  }

  private static int firstAfter(List<Keyed> sorted, SortKey last, Comparator<SortKey> order) {
    int low = 0;
    int high = sorted.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (order.compare(sorted.get(mid).key(), last) <= 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static Comparator<SortKey> order(List<DeviceOrder> orderBy) {
    Comparator<SortKey> order = null;
    for (int i = 0; i < orderBy.size(); i++) {
      int index = i;
      Comparator<SortKey> key =
          switch (orderBy.get(i).property().kind()) {
            case DATE_TIME -> Comparator.comparing(k -> (Instant) k.keys().get(index));
            case TEXT, ENUM ->
                Comparator.<SortKey, String>comparing(
                        k -> (String) k.keys().get(index), String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(k -> (String) k.keys().get(index));
          };
      Comparator<SortKey> directed = orderBy.get(i).descending() ? key.reversed() : key;
      order = order == null ? directed : order.thenComparing(directed);
    }
    Comparator<SortKey> byId = Comparator.comparing(SortKey::id);
    return order == null ? byId : order.thenComparing(byId);
  }

  private static String encode(SortKey last, DeviceQuery query) {
    if (query.orderBy().isEmpty()) {
      return encoded(AFTER_ID + last.id());
    }
    StringBuilder token = new StringBuilder(AFTER_KEYS).append(encoded(orderSpec(query)));
    last.keys().forEach(key -> token.append('.').append(encoded(key.toString())));
    return encoded(token.append('.').append(encoded(last.id())).toString());
  }

  private static SortKey decode(String skipToken, DeviceQuery query) {
    try {
      String text = decoded(skipToken);
      if (query.orderBy().isEmpty()) {
        if (text.startsWith(AFTER_ID) && text.length() > AFTER_ID.length()) {
          return new SortKey(List.of(), text.substring(AFTER_ID.length()));
        }
      } else if (text.startsWith(AFTER_KEYS)) {
        String[] parts = text.substring(AFTER_KEYS.length()).split("\\.", -1);
        if (parts.length == query.orderBy().size() + 2
            && decoded(parts[0]).equals(orderSpec(query))) {
          List<Object> keys = new ArrayList<>();
          for (int i = 1; i < parts.length - 1; i++) {
            String key = decoded(parts[i]);
            boolean date =
                query.orderBy().get(i - 1).property().kind() == DeviceProperty.Kind.DATE_TIME;
            keys.add(date ? Instant.parse(key) : key);
          }
          return new SortKey(keys, decoded(parts[parts.length - 1]));
        }
      }
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException notOurs) {
      // falls through to the caller-facing failure below
    }
    throw new InvalidRequestException("The $skiptoken value is not valid.");
  }

  private static String orderSpec(DeviceQuery query) {
    return String.join(",", query.orderBy().stream().map(DeviceOrder::toOData).toList());
  }

  private static String encoded(String value) {
    return ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String decoded(String value) {
    return new String(DECODER.decode(value), StandardCharsets.UTF_8);
  }

  /** A device with its sort key, computed once. */
  private record Keyed(SortKey key, ManagedDevice device) {}

  /** A device's sort keys (text or instants, in {@code $orderby} order) and its id. */
  private record SortKey(List<Object> keys, String id) {
    static SortKey of(ManagedDevice device, List<DeviceOrder> orderBy) {
      List<Object> keys = new ArrayList<>(orderBy.size());
      for (DeviceOrder key : orderBy) {
        DeviceProperty property = key.property();
        keys.add(
            property.kind() == DeviceProperty.Kind.DATE_TIME
                ? property.instant(device)
                : property.text(device));
      }
      return new SortKey(keys, device.id());
    }
  }
}
