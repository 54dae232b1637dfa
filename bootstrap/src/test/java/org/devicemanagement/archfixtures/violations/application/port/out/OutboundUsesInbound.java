package org.devicemanagement.archfixtures.violations.application.port.out;

import org.devicemanagement.archfixtures.violations.application.port.in.RetireUseCase;

/** Breaks "outbound ports do not depend on inbound ports". */
public interface OutboundUsesInbound {
  /** The offending dependency. */
  RetireUseCase useCase();
}
