package io.fairlead.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.fairlead.core.allocation.Allocation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The package map of {@code docs/architecture.md}, enforced: core's packages form layers with no
 * cycle, each using only the layers below it; the engine ({@code internal}) knows no result type;
 * an {@link Allocation} is made only by deriving it from an assignment.
 */
class ArchitectureTest {

  /** Core's compiled main classes (the tests run in the module directory). */
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(Path.of("target/classes"));

  @Test
  void coreClasses_areImported() {
    assertThat(CORE.containPackage("io.fairlead.core.internal")).isTrue();
    assertThat(CORE.containPackage("io.fairlead.core.identity")).isTrue();
    assertThat(CORE.containPackage("io.fairlead.core.book")).isTrue();
    assertThat(CORE.containPackage("io.fairlead.core.check")).isTrue();
    assertThat(CORE.size()).isGreaterThan(50);
  }

  @Test
  void corePackages_haveNoCycles() {
    slices().matching("io.fairlead.core.(*)..").should().beFreeOfCycles().check(CORE);
  }

  @Test
  void corePackages_useOnlyTheLayersBelowThem() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("model")
        .definedBy("io.fairlead.core.model")
        .layer("identity")
        .definedBy("io.fairlead.core.identity")
        .layer("policy")
        .definedBy("io.fairlead.core.policy")
        .layer("internal")
        .definedBy("io.fairlead.core.internal")
        .layer("problem")
        .definedBy("io.fairlead.core.problem")
        .layer("fairness")
        .definedBy("io.fairlead.core.fairness")
        .layer("bound")
        .definedBy("io.fairlead.core.bound")
        .layer("allocation")
        .definedBy("io.fairlead.core.allocation")
        .layer("routing")
        .definedBy("io.fairlead.core.routing")
        .layer("rebalance")
        .definedBy("io.fairlead.core.rebalance")
        .layer("book")
        .definedBy("io.fairlead.core.book")
        .layer("json")
        .definedBy("io.fairlead.core.json")
        .layer("csv")
        .definedBy("io.fairlead.core.csv")
        .layer("check")
        .definedBy("io.fairlead.core.check")
        .whereLayer("check")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("check")
        .mayOnlyAccessLayers("model", "policy", "problem", "fairness", "bound", "allocation")
        .whereLayer("json")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("csv")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("csv")
        .mayOnlyAccessLayers("model", "allocation")
        .whereLayer("book")
        .mayOnlyBeAccessedByLayers("json")
        .whereLayer("rebalance")
        .mayOnlyBeAccessedByLayers("book", "json")
        .whereLayer("identity")
        .mayOnlyBeAccessedByLayers("book", "json")
        .whereLayer("identity")
        .mayOnlyAccessLayers("model")
        .whereLayer("routing")
        .mayOnlyBeAccessedByLayers("book", "json")
        .whereLayer("allocation")
        .mayOnlyBeAccessedByLayers("routing", "rebalance", "book", "json", "csv", "check")
        .whereLayer("bound")
        .mayOnlyBeAccessedByLayers("allocation", "rebalance", "book", "json", "check")
        .whereLayer("fairness")
        .mayOnlyBeAccessedByLayers("allocation", "rebalance", "book", "json", "check")
        .whereLayer("problem")
        .mayOnlyBeAccessedByLayers(
            "fairness", "bound", "allocation", "routing", "rebalance", "book", "json", "check")
        .whereLayer("internal")
        .mayOnlyBeAccessedByLayers(
            "problem", "fairness", "bound", "allocation", "routing", "rebalance")
        .whereLayer("policy")
        .mayOnlyBeAccessedByLayers(
            "internal",
            "problem",
            "fairness",
            "bound",
            "allocation",
            "routing",
            "rebalance",
            "book",
            "json",
            "check")
        .check(CORE);
  }

  @Test
  void theEngine_knowsNoResultType() {
    noClasses()
        .that()
        .resideInAPackage("io.fairlead.core.internal")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fairlead.core.problem",
            "io.fairlead.core.fairness",
            "io.fairlead.core.bound",
            "io.fairlead.core.allocation",
            "io.fairlead.core.routing",
            "io.fairlead.core.rebalance",
            "io.fairlead.core.json",
            "io.fairlead.core.csv",
            "io.fairlead.core.check")
        .check(CORE);
  }

  @Test
  void allocation_hasNoPublicConstructor() {
    constructors().that().areDeclaredIn(Allocation.class).should().notBePublic().check(CORE);
  }

  @Test
  void core_knowsNoSolverAndNoLoggingBinding() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.optaplanner..", "io.fairlead.solver..", "org.slf4j..")
        .check(CORE);
  }
}
