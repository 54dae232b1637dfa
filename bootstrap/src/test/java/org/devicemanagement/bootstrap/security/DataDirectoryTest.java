package org.devicemanagement.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {

  private static final Path SUBJECT = Path.of("/srv/dm/signing-key.jwk");

  @Test
  void givenHomeVariable_whenDefaultPath_thenUnderHomeNotUserHome() {
    assertThat(DataDirectory.defaultPath(Map.of("HOME", "/somewhere"), "/home/account"))
        .isEqualTo(Path.of("/somewhere/.device-management"));
  }

  @Test
  void givenNoHomeVariable_whenDefaultPath_thenUnderUserHome() {
    assertThat(DataDirectory.defaultPath(Map.of("PATH", "/bin"), "/home/account"))
        .isEqualTo(Path.of("/home/account/.device-management"));
  }

  @Test
  void givenEmptyHomeVariable_whenDefaultPath_thenUnderUserHome() {
    Map<String, String> environment = new HashMap<>();
    environment.put("HOME", "");

    assertThat(DataDirectory.defaultPath(environment, "/home/account"))
        .isEqualTo(Path.of("/home/account/.device-management"));
  }

  @Test
  void givenThisProcess_whenDefaultPath_thenFollowsItsHomeVariable() {
    String home = System.getenv("HOME");
    Path expected =
        Path.of(
            home == null || home.isEmpty() ? System.getProperty("user.home") : home,
            ".device-management");

    assertThat(DataDirectory.defaultPath()).isEqualTo(expected);
  }

  @Test
  void givenFileSystemFailuresOnTheSubject_whenDescribed_thenPlainWordsWithoutThePath() {
    String file = SUBJECT.toString();

    assertThat(DataDirectory.describe(new AccessDeniedException(file), SUBJECT))
        .isEqualTo("permission denied");
    assertThat(DataDirectory.describe(new NoSuchFileException(file), SUBJECT))
        .isEqualTo("no such file or directory");
    assertThat(DataDirectory.describe(new NotDirectoryException(file), SUBJECT))
        .isEqualTo("not a directory");
    assertThat(DataDirectory.describe(new FileAlreadyExistsException(file), SUBJECT))
        .isEqualTo("it exists and is not a directory");
    assertThat(
            DataDirectory.describe(
                new FileSystemException(file, null, "Read-only file system"), SUBJECT))
        .isEqualTo("read-only file system");
    assertThat(DataDirectory.describe(new FileSystemLoopException(file), SUBJECT))
        .isEqualTo("file system loop");
    assertThat(DataDirectory.describe(new DirectoryNotEmptyException(file), SUBJECT))
        .isEqualTo("directory not empty");
    assertThat(DataDirectory.describe(new FileSystemException(file), SUBJECT))
        .isEqualTo("input/output error");
  }

  @Test
  void givenFailureOnAnotherFile_whenDescribed_thenNamesThatFile() {
    assertThat(DataDirectory.describe(new AccessDeniedException("/srv"), SUBJECT))
        .isEqualTo("/srv: permission denied");
  }

  @Test
  void givenOtherIoFailures_whenDescribed_thenTheirWordsOrKind() {
    assertThat(DataDirectory.describe(new IOException("Is a directory"), SUBJECT))
        .isEqualTo("is a directory");
    assertThat(DataDirectory.describe(new IOException("IO error"), SUBJECT)).isEqualTo("IO error");
    assertThat(DataDirectory.describe(new MalformedInputException(1), SUBJECT))
        .isEqualTo("not UTF-8 text");
    assertThat(DataDirectory.describe(new IOException(), SUBJECT)).isEqualTo("input/output error");
  }
}
