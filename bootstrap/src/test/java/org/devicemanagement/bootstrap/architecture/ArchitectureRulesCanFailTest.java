package org.devicemanagement.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves each architecture rule can fail: the same rules, re-targeted at a fixture code base under
 * {@code org.devicemanagement.archfixtures.violations} that breaks each of them on purpose, must
 * report a violation naming the fixture class written to break that rule.
 */
class ArchitectureRulesCanFailTest {

  static final String FIXTURE_ROOT = "org.devicemanagement.archfixtures.violations";

  /** Rule id -> the simple name of the fixture class that breaks it. */
  static final Map<String, String> OFFENDERS =
      Map.ofEntries(
          Map.entry("domain-depends-only-on-java", "DomainDependsOnApplication"),
          Map.entry("application-depends-only-on-domain-and-java", "ApplicationDependsOnAdapter"),
          Map.entry("adapters-do-not-depend-on-each-other", "RestUsesMemory"),
          Map.entry("adapters-do-not-depend-on-services", "MemoryUsesService"),
          Map.entry("inbound-ports-do-not-depend-on-outbound-ports", "InboundUsesOutbound"),
          Map.entry("outbound-ports-do-not-depend-on-inbound-ports", "OutboundUsesInbound"),
          Map.entry("no-cycles-between-top-level-packages", "DomainDependsOnApplication"),
          Map.entry("core-does-not-use-jakarta-ws-rs", "DomainUsesJaxRs"),
          Map.entry("core-does-not-use-org-glassfish", "ApplicationUsesJersey"),
          Map.entry("core-does-not-use-com-google-inject", "ApplicationUsesGuice"),
          Map.entry("core-does-not-use-java-net-http", "DomainUsesJdkHttpClient"),
          Map.entry("core-does-not-use-com-fasterxml", "ApplicationUsesJackson"),
          Map.entry("use-cases-are-interfaces", "ConcreteUseCase"),
          Map.entry("use-cases-live-in-port-in", "MisplacedUseCase"),
          Map.entry("outbound-ports-are-interfaces", "ConcreteStore"),
          Map.entry("services-implementing-a-use-case-end-with-service", "RetireHandler"),
          Map.entry("failures-end-with-exception", "FixtureFailure"),
          Map.entry("top-level-classes-have-distinct-simple-names", "SharedName"),
          Map.entry("exception-mappers-end-with-mapper", "FailureHandler"),
          Map.entry("graph-adapter-is-an-http-client-only", "GraphUsesJaxRs"));

  private static JavaClasses fixtures;

  @BeforeAll
  static void importFixtures() {
    fixtures = new ClassFileImporter().importPackages(FIXTURE_ROOT);
  }

  static Stream<Arguments> rules() {
    return ArchitectureRules.forRoot(FIXTURE_ROOT).all().entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @Test
  void givenRuleSet_whenComparedWithFixtures_thenEveryRuleHasAFixtureThatBreaksIt() {
    assertThat(OFFENDERS.keySet())
        .containsExactlyInAnyOrderElementsOf(
            ArchitectureRules.forRoot(FIXTURE_ROOT).all().keySet());
    assertThat(fixtures).hasSizeGreaterThan(20);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void givenFixtureBreakingRule_whenRuleEvaluated_thenViolationNamesTheOffender(
      String id, ArchRule rule) {
    EvaluationResult result = rule.evaluate(fixtures);

    assertThat(result.hasViolation()).as("rule %s must fail on its fixture", id).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .as("violations of %s", id)
        .anyMatch(line -> line.contains(OFFENDERS.get(id)));
  }
}
