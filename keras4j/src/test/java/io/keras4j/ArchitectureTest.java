package io.keras4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.keras4j.backend.Backend;
import io.keras4j.backend.Engine;
import io.keras4j.backend.Engines;
import io.keras4j.backend.tensorflow.TensorFlowEngine;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * keras4j's layering: TensorFlow only behind the engine seam, the backend below everything else, and no cycles
 * between the top-level packages except the one training tier.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.keras4j");
  }

  @Test
  void onlyBackendTensorflowImportsTensorFlow() {
    noClasses().that().resideOutsideOfPackage("io.keras4j.backend.tensorflow..")
        .should().dependOnClassesThat().resideInAPackage("org.tensorflow..")
        .check(classes);
  }

  /**
   * Nothing outside the engine names an engine class, the backend API included; the engine is found by
   * {@link Engines}.
   */
  @Test
  void onlyTheEngineReachesIntoTheEngine() {
    noClasses().that().resideOutsideOfPackage("io.keras4j.backend.tensorflow..")
        .should().dependOnClassesThat().resideInAPackage("io.keras4j.backend.tensorflow..")
        .check(classes);
  }

  @Test
  void backendDependsOnNoOtherKeras4jPackage() {
    noClasses().that().resideInAPackage("io.keras4j.backend..")
        .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.keras4j..")
            .and(JavaClass.Predicates.resideOutsideOfPackage("io.keras4j.backend..")))
        .check(classes);
  }

  /**
   * No cycle between top-level packages, with one documented tier: models, callbacks and the model-file formats
   * ({@code io.keras4j.saving.formats}) form one slice, "training", since they refer to each other as in Keras
   * ({@code Model.save} writes a {@code .keras} file that {@code load_model} reads back into a Model; callbacks hold
   * the model they watch).
   */
  @Test
  void noCyclesBetweenTopLevelPackages() {
    slices().assignedFrom(topLevel()).should().beFreeOfCycles().check(classes);
  }

  /** The top-level packages of io.keras4j as slices, models, callbacks and saving.formats joined into "training". */
  static SliceAssignment topLevel() {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith("io.keras4j.")) {
          return SliceIdentifier.ignore();
        }
        if (pkg.equals("io.keras4j.saving.formats") || pkg.startsWith("io.keras4j.saving.formats.")) {
          return SliceIdentifier.of("training");
        }
        String top = pkg.substring("io.keras4j.".length()).split("\\.")[0];
        return SliceIdentifier.of(TRAINING.contains(top) ? "training" : top);
      }

      @Override
      public String getDescription() {
        return "top-level packages of io.keras4j (models, callbacks and saving.formats as one slice, 'training')";
      }
    };
  }

  private static final Set<String> TRAINING = Set.of("models", "callbacks");

  @Test
  void tensorflowEngineIsFoundThroughServiceLoader() {
    List<Engine> found = Engines.available();
    assertTrue(found.stream().anyMatch(e -> e instanceof TensorFlowEngine), "ServiceLoader found " + found);
    assertInstanceOf(TensorFlowEngine.class, Engines.load("tensorflow"));
    assertEquals("tensorflow", Backend.backend());
  }

  @Test
  void unknownEngineNamesTheAvailableOnes() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Engines.load("jax"));
    assertTrue(e.getMessage().contains("'jax'") && e.getMessage().contains("[tensorflow]"), e.getMessage());
  }
}
