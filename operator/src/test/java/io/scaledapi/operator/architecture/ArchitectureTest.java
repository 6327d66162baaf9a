package io.scaledapi.operator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decision, the forecasters, the spec, the autoscaler and the simulator are pure: no I/O, no
 * threads, no clock, randomness only from a given seed; time is passed in. The same inputs give the
 * same outputs wherever and whenever they run, in the operator and in the simulator alike. And the
 * packages depend on each other only one way.
 */
class ArchitectureTest {
  static final String OPERATOR = "io.scaledapi.operator";
  static final String[] PURE = {
    OPERATOR + ".engine..",
    OPERATOR + ".forecast..",
    OPERATOR + ".spec..",
    OPERATOR + ".autoscaler..",
    OPERATOR + ".sim.."
  };

  static JavaClasses production;
  static JavaClasses fixtures;

  @BeforeAll
  static void importClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // this module's classes and the API types' jar; no other jar holds io.scaledapi
            .withImportOption(location -> !location.isJar() || location.contains("scaledapi-crd"))
            .importPackages("io.scaledapi");
    fixtures = new ClassFileImporter().importPackages(ImpureFixtures.class.getPackageName());
  }

  /** No I/O, threads, clock or unseeded randomness in the classes of {@code packages}. */
  static ArchRule pure(String... packages) {
    return CompositeArchRule.of(
            noClasses()
                .that()
                .resideInAnyPackage(packages)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.net.http..")
                .orShould()
                .dependOnClassesThat()
                .belongToAnyOf(Thread.class, java.time.Clock.class, java.util.Timer.class)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("java.util.concurrent..")
                .as("no I/O and no threads"))
        .and(
            noClasses()
                .that()
                .resideInAnyPackage(packages)
                .should()
                .callMethodWhere(readsTheClockOrUnseededRandomness())
                .orShould()
                .callConstructor(java.util.Random.class)
                .as("no clock and no unseeded randomness"));
  }

  static DescribedPredicate<JavaCall<?>> readsTheClockOrUnseededRandomness() {
    return DescribedPredicate.describe(
        "reads the clock, the environment or unseeded randomness",
        call -> {
          String owner = call.getTargetOwner().getName();
          String name = call.getName();
          return (owner.equals(System.class.getName())
                  && (name.equals("currentTimeMillis")
                      || name.equals("nanoTime")
                      || name.equals("getenv")
                      || name.equals("getProperty")))
              || (owner.startsWith("java.time.") && name.equals("now"))
              || (owner.equals(Math.class.getName()) && name.equals("random"));
        });
  }

  @Test
  void pureCodeDoesNoIoReadsNoClockAndStartsNoThreads() {
    pure(PURE).check(production);
  }

  @Test
  void theEngineForecasterAndAutoscalerDoNotKnowKubernetes() {
    noClasses()
        .that()
        .resideInAnyPackage(
            OPERATOR + ".engine..", OPERATOR + ".forecast..", OPERATOR + ".autoscaler..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.fabric8..", "io.javaoperatorsdk..", "io.scaledapi.api..")
        .check(production);
  }

  @Test
  void theSimulatorDependsOnNeitherTheReconcilerNorTheCommandLine() {
    noClasses()
        .that()
        .resideInAPackage(OPERATOR + ".sim..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(OPERATOR + ".reconciler..", OPERATOR + ".cli..")
        .check(production);
  }

  @Test
  void theSpecAndTheAutoscalerDependOnNothingThatDoesIo() {
    noClasses()
        .that()
        .resideInAnyPackage(OPERATOR + ".spec..", OPERATOR + ".autoscaler..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            OPERATOR + ".reconciler..",
            OPERATOR + ".cli..",
            OPERATOR + ".prometheus..",
            OPERATOR + ".sim..")
        .check(production);
  }

  @Test
  void theApiTypesDoNotDependOnTheOperator() {
    noClasses()
        .that()
        .resideInAPackage("io.scaledapi.api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(OPERATOR + "..")
        .check(production);
  }

  @Test
  void theRulesSeeTheClassesTheyAreAbout() {
    for (String pkg : new String[] {"engine", "forecast", "spec", "autoscaler", "sim"}) {
      assertThat(production.stream().filter(c -> c.getPackageName().equals(OPERATOR + "." + pkg)))
          .as("classes of %s", pkg)
          .hasSizeGreaterThan(5);
    }
    assertThat(production.stream().filter(c -> c.getPackageName().startsWith("io.scaledapi.api")))
        .isNotEmpty();
  }

  /** Each kind of impurity the rule forbids, in a class of its own, is caught. */
  @Test
  void theRuleCatchesEachImpurity() {
    for (Class<?> impure : ImpureFixtures.class.getDeclaredClasses()) {
      if (impure == ImpureFixtures.Pure.class) {
        continue;
      }
      JavaClasses one = new ClassFileImporter().importClasses(impure);
      assertThatThrownBy(() -> pure(ImpureFixtures.class.getPackageName() + "..").check(one))
          .as(impure.getSimpleName())
          .isInstanceOf(AssertionError.class);
    }
    JavaClasses pureOne = new ClassFileImporter().importClasses(ImpureFixtures.Pure.class);
    pure(ImpureFixtures.class.getPackageName() + "..").check(pureOne);
    assertThat(fixtures.contain(ImpureFixtures.Pure.class)).isTrue();
  }
}
