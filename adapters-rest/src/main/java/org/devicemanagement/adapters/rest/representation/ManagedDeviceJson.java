package org.devicemanagement.adapters.rest.representation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devicemanagement.domain.ManagedDevice;
import org.jspecify.annotations.Nullable;

/**
 * Graph's v1.0 {@code managedDevice} on the wire, with {@code @odata.context} when it is the whole
 * response body and {@code @odata.type} always (as Graph writes it for Intune entities).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManagedDeviceJson(
    @JsonProperty("@odata.context") @Nullable String odataContext,
    @JsonProperty("@odata.type") String odataType,
    @JsonProperty("id") String id,
    @JsonProperty("userId") String userId,
    @JsonProperty("deviceName") String deviceName,
    @JsonProperty("managedDeviceOwnerType") String managedDeviceOwnerType,
    @JsonProperty("deviceActionResults") List<DeviceActionResultJson> deviceActionResults,
    @JsonProperty("enrolledDateTime") String enrolledDateTime,
    @JsonProperty("lastSyncDateTime") String lastSyncDateTime,
    @JsonProperty("operatingSystem") String operatingSystem,
    @JsonProperty("complianceState") String complianceState,
    @JsonProperty("managementState") String managementState,
    @JsonProperty("osVersion") String osVersion,
    @JsonProperty("azureADDeviceId") String azureADDeviceId,
    @JsonProperty("model") String model,
    @JsonProperty("manufacturer") String manufacturer,
    @JsonProperty("serialNumber") String serialNumber,
    @JsonProperty("userPrincipalName") String userPrincipalName) {

  /** Graph's type name of a managed device. */
  public static final String ODATA_TYPE = "#microsoft.graph.managedDevice";

  // Every component but the OData annotations; the Java names are Graph's names.
  private static final List<RecordComponent> PROPERTIES =
      Arrays.stream(ManagedDeviceJson.class.getRecordComponents())
          .filter(c -> !c.getName().startsWith("odata"))
          .toList();

  /**
   * The device's properties as Graph names them, in the order they are written (the record's
   * component order, which Jackson follows for records).
   */
  public static final List<String> PROPERTY_NAMES =
      PROPERTIES.stream().map(RecordComponent::getName).toList();

  /** The property called {@code name}, matched ignoring case, as Graph spells it. */
  public static Optional<String> findProperty(String name) {
    return PROPERTY_NAMES.stream().filter(known -> known.equalsIgnoreCase(name)).findFirst();
  }

  /**
   * Only the {@code selected} properties (names from {@link #PROPERTY_NAMES}) of this device, with
   * its id always, in the order Graph writes them: the wire form under {@code $select}.
   */
  public Map<String, Object> select(List<String> selected) {
    Map<String, Object> chosen = new LinkedHashMap<>();
    for (RecordComponent property : PROPERTIES) {
      String name = property.getName();
      if (name.equals("id") || selected.contains(name)) {
        try {
          chosen.put(name, property.getAccessor().invoke(this));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + name, e);
        }
      }
    }
    return chosen;
  }

  /** The wire form of {@code device} inside a collection. */
  public static ManagedDeviceJson of(ManagedDevice device) {
    return of(device, null);
  }

  /** The wire form of {@code device} as a whole response, naming its {@code odataContext}. */
  public static ManagedDeviceJson of(ManagedDevice device, @Nullable String odataContext) {
    return new ManagedDeviceJson(
        odataContext,
        ODATA_TYPE,
        device.id(),
        device.userId(),
        device.deviceName(),
        device.managedDeviceOwnerType().graphName(),
        device.deviceActionResults().stream().map(DeviceActionResultJson::of).toList(),
        JsonConventions.dateTime(device.enrolledDateTime()),
        JsonConventions.dateTime(device.lastSyncDateTime()),
        device.operatingSystem(),
        device.complianceState().graphName(),
        device.managementState().graphName(),
        device.osVersion(),
        device.azureADDeviceId(),
        device.model(),
        device.manufacturer(),
        device.serialNumber(),
        device.userPrincipalName());
  }
}
