package org.devicemanagement.adapters.rest.control;

/** The paths of the control API: everything under {@code /_emulator}, in any case. */
final class ControlPaths {

  /** The first segment of every control path. */
  static final String SEGMENT = "_emulator";

  private ControlPaths() {}

  /**
   * Whether {@code path}, relative to the API's base and still encoded, is under the control API.
   */
  static boolean isControlPath(String path) {
    int start = path.startsWith("/") ? 1 : 0;
    int end = start + SEGMENT.length();
    return path.regionMatches(true, start, SEGMENT, 0, SEGMENT.length())
        && (path.length() == end || path.charAt(end) == '/');
  }
}
