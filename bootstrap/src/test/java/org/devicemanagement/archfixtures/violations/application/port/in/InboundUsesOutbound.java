package org.devicemanagement.archfixtures.violations.application.port.in;

import org.devicemanagement.archfixtures.violations.application.port.out.DeviceStore;

/** Breaks "inbound ports do not depend on outbound ports". */
public interface InboundUsesOutbound {
  /** The offending dependency. */
  DeviceStore store();
}
