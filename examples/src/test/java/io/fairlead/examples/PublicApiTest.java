package io.fairlead.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The examples are what users copy: they use fairlead's public API only, never an internal package
 * of core or solver, and never OptaPlanner directly. (The module system seals the internal packages
 * for code on the module path; examples run on the class path, where only this check holds them to
 * it.)
 */
class PublicApiTest {

  private static final JavaClasses EXAMPLES =
      new ClassFileImporter().importPath(Path.of("target/classes"));

  @Test
  void examples_areImported() {
    assertThat(EXAMPLES.containPackage("io.fairlead.examples")).isTrue();
  }

  @Test
  void examples_useThePublicApiOnly() {
    noClasses()
        .that()
        .resideInAPackage("io.fairlead.examples..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.fairlead..internal..", "org.optaplanner..")
        .check(EXAMPLES);
  }
}
