package org.devicemanagement.adapters.rest.resource;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.devicemanagement.adapters.rest.representation.ManagedDeviceCollectionJson;
import org.devicemanagement.adapters.rest.representation.ManagedDeviceJson;
import org.devicemanagement.application.query.DevicePage;

/** Writes a page of devices as Graph's collection, honouring the listing's query options. */
final class DeviceListings {

  private DeviceListings() {}

  /**
   * The collection for {@code page}, whose {@code @odata.context} names {@code entitySet} (such as
   * {@code deviceManagement/managedDevices}) and the selected properties.
   */
  static ManagedDeviceCollectionJson collection(
      DevicePage page, ListingOptions options, UriInfo uri, String version, String entitySet) {
    String selection =
        options.select().map(names -> "(" + String.join(",", names) + ")").orElse("");
    List<?> value =
        options
            .select()
            .<List<?>>map(
                names ->
                    page.devices().stream()
                        .map(d -> ManagedDeviceJson.of(d).select(names))
                        .toList())
            .orElseGet(() -> page.devices().stream().map(ManagedDeviceJson::of).toList());
    return new ManagedDeviceCollectionJson(
        ODataUrls.context(uri, version, entitySet + selection),
        page.count().isPresent() ? page.count().getAsLong() : null,
        page.nextSkipToken().map(token -> ODataUrls.nextLink(uri, token)).orElse(null),
        value);
  }
}
