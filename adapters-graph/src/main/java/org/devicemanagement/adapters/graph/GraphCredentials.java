package org.devicemanagement.adapters.graph;

/**
 * Where the adapter gets the delegated access token for Microsoft Graph: the
 * removeAllDevicesFromManagement action accepts delegated (signed-in user) tokens only.
 */
@FunctionalInterface
public interface GraphCredentials {

  /**
   * The access token to send as {@code Authorization: Bearer <token>}, asked anew for every request
   * so that a refreshed token is used at once; never logged.
   *
   * @throws IllegalStateException if no token is available for the current call
   */
  String bearerToken();
}
