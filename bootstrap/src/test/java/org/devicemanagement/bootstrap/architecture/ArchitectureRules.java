package org.devicemanagement.bootstrap.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The architecture of the product as ArchUnit rules, defined over any root package so the same
 * rules check the real code ({@code org.devicemanagement}) and the deliberately broken fixtures
 * that prove each rule can fail.
 *
 * <p>Below the root: {@code domain}, {@code
 * application.{permission,failure,port.in,port.out,service}}, {@code adapters.{rest,memory,graph}}
 * and {@code bootstrap} (the composition root, which may depend on everything).
 */
public final class ArchitectureRules {

  /** Packages the core (domain and application) must never use: transport, wiring, JSON. */
  static final Map<String, String> FORBIDDEN_IN_CORE =
      orderedMap(
          "jakarta.ws.rs..", "JAX-RS",
          "org.glassfish..", "Jersey/HK2",
          "com.google.inject..", "Guice",
          "java.net.http..", "the JDK HTTP client",
          "com.fasterxml..", "Jackson");

  private final String root;
  private final Map<String, ArchRule> rules = new LinkedHashMap<>();

  private ArchitectureRules(String root) {
    this.root = Objects.requireNonNull(root, "root");
    define();
  }

  /** The rules for the code base whose base package is {@code root}. */
  public static ArchitectureRules forRoot(String root) {
    return new ArchitectureRules(root);
  }

  /** Every rule by its stable id, in a fixed order. */
  public Map<String, ArchRule> all() {
    return Collections.unmodifiableMap(rules);
  }

  /** The rule {@code id}. */
  public ArchRule rule(String id) {
    ArchRule rule = rules.get(id);
    if (rule == null) {
      throw new IllegalArgumentException(
          "no architecture rule '%s'; known: %s".formatted(id, rules.keySet()));
    }
    return rule;
  }

  private String pkg(String relative) {
    return root + "." + relative + "..";
  }

  private void define() {
    String domain = pkg("domain");
    String application = pkg("application");
    String portIn = pkg("application.port.in");
    String portOut = pkg("application.port.out");
    String service = pkg("application.service");
    String failure = pkg("application.failure");
    String adapters = pkg("adapters");
    String rest = pkg("adapters.rest");
    String graph = pkg("adapters.graph");

    // ---- layers
    rules.put(
        "domain-depends-only-on-java",
        classes()
            .that()
            .resideInAPackage(domain)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(domain, "java..")
            .because("the domain is plain Java with no dependencies"));
    rules.put(
        "application-depends-only-on-domain-and-java",
        classes()
            .that()
            .resideInAPackage(application)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(application, domain, "java..")
            .because("the application core knows only the domain"));
    rules.put(
        "adapters-do-not-depend-on-each-other",
        slices()
            .matching(root + ".adapters.(*)..")
            .should()
            .notDependOnEachOther()
            .because("each adapter talks only to the application's ports"));
    rules.put(
        "adapters-do-not-depend-on-services",
        noClasses()
            .that()
            .resideInAPackage(adapters)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(service)
            .because("adapters use the use-case interfaces; bootstrap wires the services"));
    rules.put(
        "inbound-ports-do-not-depend-on-outbound-ports",
        noClasses()
            .that()
            .resideInAPackage(portIn)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(portOut));
    rules.put(
        "outbound-ports-do-not-depend-on-inbound-ports",
        noClasses()
            .that()
            .resideInAPackage(portOut)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(portIn));
    rules.put(
        "graph-adapter-is-an-http-client-only",
        noClasses()
            .that()
            .resideInAPackage(graph)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "jakarta.ws.rs..", "org.glassfish..", "com.google.inject..", "org.eclipse.jetty..")
            .because(
                "the Graph adapter calls Graph with java.net.http; serving and wiring are"
                    + " the REST adapter's and bootstrap's"));
    rules.put(
        "no-cycles-between-top-level-packages",
        slices().matching(root + ".(*)..").should().beFreeOfCycles());

    // ---- the core is free of frameworks
    FORBIDDEN_IN_CORE.forEach(
        (forbidden, what) ->
            rules.put(
                "core-does-not-use-" + forbidden.replace("..", "").replace('.', '-'),
                noClasses()
                    .that()
                    .resideInAnyPackage(domain, application)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(forbidden)
                    .because(
                        "no %s type may cross into the domain or application".formatted(what))));

    // ---- naming
    rules.put(
        "use-cases-are-interfaces",
        classes()
            .that()
            .resideInAPackage(portIn)
            .and()
            .haveSimpleNameEndingWith("UseCase")
            .should()
            .beInterfaces());
    rules.put(
        "use-cases-live-in-port-in",
        classes().that().haveSimpleNameEndingWith("UseCase").should().resideInAPackage(portIn));
    rules.put(
        "outbound-ports-are-interfaces",
        classes()
            .that()
            .resideInAPackage(portOut)
            .and()
            .areTopLevelClasses()
            .should()
            .beInterfaces());
    rules.put(
        "services-implementing-a-use-case-end-with-service",
        classes()
            .that()
            .resideInAPackage(service)
            .and()
            .implement(simpleNameEndingWith("UseCase").and(resideInAPackage(portIn)))
            .should()
            .haveSimpleNameEndingWith("Service"));
    rules.put(
        "failures-end-with-exception",
        classes()
            .that()
            .resideInAPackage(failure)
            .and()
            .areAssignableTo(Throwable.class)
            .should()
            .haveSimpleNameEndingWith("Exception"));
    rules.put(
        "top-level-classes-have-distinct-simple-names",
        classes()
            .that()
            .resideInAPackage(root + "..")
            .and()
            .areTopLevelClasses()
            .should(haveASimpleNameNoOtherClassHas()));
    rules.put(
        "exception-mappers-end-with-mapper",
        classes()
            .that()
            .resideInAPackage(rest)
            .and()
            .implement("jakarta.ws.rs.ext.ExceptionMapper")
            .should()
            .haveSimpleNameEndingWith("Mapper"));
  }

  /**
   * Two classes with one simple name (one for the API we serve, one for Graph as a client, say)
   * make every import and stack trace ambiguous.
   */
  private static ArchCondition<JavaClass> haveASimpleNameNoOtherClassHas() {
    return new ArchCondition<>("have a simple name no other class has") {
      private final Map<String, List<String>> byName = new HashMap<>();

      @Override
      public void init(Collection<JavaClass> all) {
        byName.clear();
        for (JavaClass type : all) {
          byName.computeIfAbsent(type.getSimpleName(), n -> new ArrayList<>()).add(type.getName());
        }
      }

      @Override
      public void check(JavaClass type, ConditionEvents events) {
        List<String> same = byName.getOrDefault(type.getSimpleName(), List.of());
        if (same.size() > 1) {
          events.add(
              SimpleConditionEvent.violated(
                  type, "%s shares its simple name with %s".formatted(type.getName(), same)));
        }
      }
    };
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
