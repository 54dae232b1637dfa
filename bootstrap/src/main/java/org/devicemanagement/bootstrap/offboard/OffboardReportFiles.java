package org.devicemanagement.bootstrap.offboard;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.devicemanagement.application.offboarding.OffboardingReport;
import org.devicemanagement.application.offboarding.UserProgress;

/**
 * Writes a run's report: JSON lines (one object per user) and, when asked, the same as CSV; each
 * file is written beside its target and moved into place, so a reader never sees half a report.
 */
public final class OffboardReportFiles {

  /** The columns of both formats, in order. */
  static final List<String> COLUMNS =
      List.of(
          "runId",
          "line",
          "user",
          "outcome",
          "devicesRetired",
          "devicesLeftAlone",
          "httpStatus",
          "code",
          "message",
          "requestId",
          "attempts",
          "finishedAt");

  private OffboardReportFiles() {}

  /** Writes {@code report} to {@code file} as JSON lines. */
  public static void writeJsonLines(OffboardingReport report, Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    json.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    writeAtomically(
        file,
        writer -> {
          for (UserProgress user : report.users()) {
            writer.write(json.writeValueAsString(row(report.run().id(), user)));
            writer.write('\n');
          }
        });
  }

  /** Writes {@code report} to {@code file} as CSV with a header line. */
  public static void writeCsv(OffboardingReport report, Path file) throws IOException {
    CsvMapper csv = new CsvMapper();
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    COLUMNS.forEach(schema::addColumn);
    writeAtomically(
        file,
        writer -> {
          try (SequenceWriter rows = csv.writer(schema.build()).writeValues(writer)) {
            for (UserProgress user : report.users()) {
              rows.write(row(report.run().id(), user));
            }
          }
        });
  }

  /** One user's row, keyed by {@link #COLUMNS}. */
  static Map<String, Object> row(String runId, UserProgress user) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("runId", runId);
    row.put("line", user.line());
    row.put("user", user.user());
    row.put("outcome", user.outcome().wireName());
    row.put("devicesRetired", user.devicesRetired());
    row.put("devicesLeftAlone", user.devicesLeftAlone());
    row.put("httpStatus", user.httpStatus());
    row.put("code", user.graphCode());
    row.put("message", user.message());
    row.put("requestId", user.requestId());
    row.put("attempts", user.attempts());
    row.put("finishedAt", user.finishedAt().map(Instant::toString).orElse(""));
    return row;
  }

  /** Writing work on the file's writer. */
  @FunctionalInterface
  private interface Rows {
    void write(Writer writer) throws IOException;
  }

  private static void writeAtomically(Path file, Rows rows) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path parent = absolute.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Path temporary = absolute.resolveSibling(absolute.getFileName() + ".part");
    try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
      rows.write(writer);
    }
    Files.move(
        temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
