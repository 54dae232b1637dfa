package org.devicemanagement.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks every architecture rule against the product's production classes (all modules). */
class ArchitectureTest {

  static final String ROOT = "org.devicemanagement";

  private static JavaClasses production;

  /**
   * Leaves out test-jars (the application's contract tests), which {@code DoNotIncludeTests} keeps.
   */
  static boolean notFromTestJar(Location location) {
    return !location.contains("-tests.jar");
  }

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .withImportOption(ArchitectureTest::notFromTestJar)
            .importPackages(ROOT);
  }

  static Stream<Arguments> rules() {
    return ArchitectureRules.forRoot(ROOT).all().entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void givenProductionClasses_whenRuleChecked_thenNoViolation(String id, ArchRule rule) {
    rule.check(production);
  }

  @Test
  void givenProductionImport_whenInspected_thenEveryModuleAndNoTestCodeImported() {
    assertThat(production.stream().map(JavaClass::getPackageName).distinct())
        .anyMatch(p -> p.equals(ROOT + ".domain"))
        .anyMatch(p -> p.startsWith(ROOT + ".application.service"))
        .anyMatch(p -> p.startsWith(ROOT + ".adapters.rest"))
        .anyMatch(p -> p.startsWith(ROOT + ".adapters.memory"))
        .anyMatch(p -> p.startsWith(ROOT + ".adapters.graph"))
        .anyMatch(p -> p.startsWith(ROOT + ".bootstrap.gateway"))
        .anyMatch(p -> p.startsWith(ROOT + ".bootstrap"))
        .noneMatch(p -> p.startsWith(ROOT + ".archfixtures"));
    assertThat(production.contain(ROOT + ".application.ApplicationTestData")).isFalse();
    assertThat(production.contain(ArchitectureTest.class)).isFalse();
    assertThat(production.contain(ROOT + ".domain.RetireAllRule")).isTrue();
    assertThat(production.contain(ROOT + ".adapters.graph.GraphTenant")).isTrue();
    // The Graph adapter's test-jar (contract bases, fakes) is on the test class path, not imported.
    assertThat(production.contain(ROOT + ".adapters.graph.GraphUserDirectoryContract")).isFalse();
  }
}
