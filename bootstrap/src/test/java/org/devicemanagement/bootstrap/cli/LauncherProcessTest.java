package org.devicemanagement.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code bin/device-management} as people do, on a stand-in jar ({@link LauncherProbe}): the
 * arguments arrive untouched, java replaces the script, the first server run makes the class-data
 * archive and later runs use it, and an unusable archive is ignored without a word.
 */
class LauncherProcessTest {

  private static final String[] ODD_ARGS = {"two words", "", "$HOME", "*", "it's", "--x=\"y\""};

  @TempDir Path dir;
  private Path jar;
  private Path cache;
  private Path elsewhere;

  @BeforeEach
  void probeJar() throws IOException {
    jar = dir.resolve("probe.jar");
    cache = dir.resolve("cache");
    elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
    String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.putNextEntry(new JarEntry(entry));
      try (var in = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
        assertThat(in).as(entry).isNotNull();
        in.transferTo(out);
      }
      out.closeEntry();
    }
  }

  @Test
  void givenFirstServeRun_whenSigtermed_thenExecsJavaWithArgumentsAndLeavesAnArchive()
      throws Exception {
    Run run = serveUntilSigterm();

    assertThat(run.exitCode()).isZero();
    assertThat(run.lines()).contains("pid " + run.pid(), "stopped");
    assertThat(run.args()).containsExactly(withServe(ODD_ARGS));
    assertThat(run.lines()).anyMatch(l -> l.startsWith("jvm -XX:ArchiveClassesAtExit="));
    assertThat(run.lines()).noneMatch(l -> l.contains("cds") && !l.startsWith("jvm "));
    assertThat(archives()).singleElement().asString().endsWith(".tmp");
  }

  @Test
  void givenTrainedArchive_whenRunAgain_thenUsesTheArchive() throws Exception {
    serveUntilSigterm();

    Run run = serveUntilSigterm();

    assertThat(run.exitCode()).isZero();
    assertThat(archives()).singleElement().asString().endsWith(".jsa");
    assertThat(run.lines())
        .contains("jvm -XX:SharedArchiveFile=" + archives().get(0))
        .noneMatch(l -> l.startsWith("jvm -XX:ArchiveClassesAtExit="));
    assertThat(run.args()).containsExactly(withServe(ODD_ARGS));
  }

  @Test
  void givenUnusableArchive_whenRun_thenPlainRunWithCleanOutput() throws Exception {
    serveUntilSigterm();
    serveUntilSigterm();
    Path archive = archives().get(0);
    Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-------"));
    Files.writeString(archive, "not an archive");

    Process process = launcher("token", "--user", "x y").start();
    List<String> lines = new ArrayList<>();
    readUntil(reader(process), null, lines);

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(lines.stream().filter(l -> !l.startsWith("jvm ")))
        .containsExactly("pid " + process.pid(), "arg [token]", "arg [--user]", "arg [x y]");
  }

  @Test
  void givenCdsOff_whenServeRun_thenNoArchiveOptions() throws Exception {
    ProcessBuilder builder = launcher(withServe(ODD_ARGS));
    builder.environment().put("DM_CDS", "off");
    Process process = builder.start();
    List<String> lines = new ArrayList<>();
    BufferedReader out = reader(process);
    readUntil(out, "ready", lines);
    // SIGTERM through the handle: Process.destroy() would also close the output being read.
    process.toHandle().destroy();
    readUntil(out, null, lines);

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(lines).noneMatch(l -> l.startsWith("jvm -XX:") && l.contains("Archive"));
    assertThat(cache).doesNotExist();
  }

  private Run serveUntilSigterm() throws Exception {
    Process process = launcher(withServe(ODD_ARGS)).start();
    List<String> lines = new ArrayList<>();
    BufferedReader out = reader(process);
    readUntil(out, "ready", lines);
    // SIGTERM through the handle: Process.destroy() would also close the output being read.
    process.toHandle().destroy();
    readUntil(out, null, lines);
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    assertThat(exited).as("exited after SIGTERM").isTrue();
    return new Run(process.pid(), process.exitValue(), lines);
  }

  private ProcessBuilder launcher(String... args) {
    List<String> command = new ArrayList<>();
    command.add(script().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile());
    builder.environment().put("DM_JAR", jar.toString());
    builder.environment().put("DM_CACHE_DIR", cache.toString());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("DM_CDS");
    builder.environment().remove("JAVA_OPTS");
    return builder.redirectErrorStream(true);
  }

  private List<Path> archives() throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.sorted().toList();
    }
  }

  private static String[] withServe(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "serve";
    System.arraycopy(args, 0, all, 1, args.length);
    return all;
  }

  /** bin/device-management of this checkout, found from the module's working directory. */
  private static Path script() {
    for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
      Path candidate = at.resolve("bin").resolve("device-management");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "bin/device-management not found above " + Path.of("").toAbsolutePath());
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Adds the lines of {@code in} to {@code lines} up to {@code last}, or to the end if null. */
  private static void readUntil(BufferedReader in, @Nullable String last, List<String> lines)
      throws IOException {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lines.add(line);
      if (line.equals(last)) {
        return;
      }
    }
    assertThat(last).as("line '%s' in %s", last, lines).isNull();
  }

  private record Run(long pid, int exitCode, List<String> lines) {
    List<String> args() {
      return lines.stream()
          .filter(l -> l.startsWith("arg ["))
          .map(l -> l.substring(5, l.length() - 1))
          .toList();
    }
  }
}
