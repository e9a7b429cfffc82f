package io.keras4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Only the engine package touches TensorFlow Java. */
class ArchitectureTest {
  @Test
  void onlyBackendTensorflowImportsTensorFlow() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.keras4j");
    noClasses().that().resideOutsideOfPackage("io.keras4j.backend.tensorflow..")
        .should().dependOnClassesThat().resideInAPackage("org.tensorflow..")
        .check(classes);
  }
}
