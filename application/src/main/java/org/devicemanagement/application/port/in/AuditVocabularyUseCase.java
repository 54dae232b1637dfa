package org.devicemanagement.application.port.in;

import java.util.List;
import org.devicemanagement.application.permission.Caller;

/**
 * The words the audit trail uses, as Graph's {@code auditEvents} functions give them: {@code
 * getAuditCategories} and {@code getAuditActivityTypes(category='...')}.
 */
public interface AuditVocabularyUseCase {

  /** Checks the caller's permission and gives every category an event of this product can have. */
  List<String> getAuditCategories(Caller caller);

  /**
   * Checks the caller's permission and gives every activity type an event of {@code category}
   * (compared ignoring case) can have; none for a category this product does not record.
   */
  List<String> getAuditActivityTypes(Caller caller, String category);
}
