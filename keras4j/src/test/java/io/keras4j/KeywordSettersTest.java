package io.keras4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The porting rule, checked against Keras 3.15.1's own signatures ({@code tools/keras-reference/keywords.py}):
 * for every keras4j class that has a Keras name, each optional keyword argument of the Keras constructor is a
 * public setter named after it in camelCase ({@code kernel_initializer=} → {@code kernelInitializer(...)}), and the
 * required positional arguments fit a public constructor. A line-by-line port then compiles.
 */
class KeywordSettersTest {
  /** Keras packages → keras4j packages. */
  private static final Map<String, String> FAMILIES = Map.of(
      "layers", "io.keras4j.layers", "initializers", "io.keras4j.initializers",
      "regularizers", "io.keras4j.regularizers", "constraints", "io.keras4j.constraints",
      "losses", "io.keras4j.losses", "metrics", "io.keras4j.metrics", "optimizers", "io.keras4j.optimizers",
      "schedules", "io.keras4j.optimizers.schedules");

  /**
   * Keywords with no setter on purpose, each with its reason. Keys are "Class.keyword" or "*.keyword" for every
   * class.
   */
  private static final Map<String, String> NO_SETTER = Map.ofEntries(
      Map.entry("*.dtype", "keras4j computes in float32 (Keras' floatx); a dtype policy is not ported"),
      Map.entry("*.kwargs", "Python's catch-all"),
      Map.entry("InputLayer.*", "made by Input.of(shape...) (Keras' keras.Input), not built by users"),
      Map.entry("InputSpec.*", "an internal description of accepted inputs, built by layers"),
      Map.entry("Dense.lora_rank", "LoRA fine-tuning is not ported yet"),
      Map.entry("Dense.lora_alpha", "LoRA fine-tuning is not ported yet"),
      Map.entry("Dense.quantization_config", "quantization is not ported"),
      Map.entry("Embedding.quantization_config", "quantization is not ported"),
      Map.entry("EinsumDense.lora_alpha", "LoRA fine-tuning is not ported yet (lora_rank is refused unless 0)"),
      Map.entry("EinsumDense.quantization_config", "quantization is not ported"),
      Map.entry("EinsumDense.gptq_unpacked_column_size", "GPTQ quantization is not ported"),
      Map.entry("BatchNormalization.renorm", "batch renormalization is not ported; read from a file it is refused"),
      Map.entry("BatchNormalization.renorm_clipping", "batch renormalization is not ported"),
      Map.entry("BatchNormalization.renorm_momentum", "batch renormalization is not ported"),
      Map.entry("BatchNormalization.synchronized", "cross-replica statistics need distributed training"),
      Map.entry("Lambda.output_shape", "a Java function's output shape is found by tracing it"),
      Map.entry("Lambda.arguments", "a Java lambda captures its arguments"),
      Map.entry("TFSMLayer.call_endpoint", "a constructor argument, new TFSMLayer(path, callEndpoint): the "
          + "signature is read with the layer"),
      Map.entry("TFSMLayer.call_training_endpoint", "keras4j calls one signature; refused when read from a file"),
      Map.entry("SparseCategoricalCrossentropy.axis", "the classes are on the last axis; another axis read from "
          + "a file is refused"));

  private static JsonNode table() throws Exception {
    try (InputStream in = KeywordSettersTest.class.getResourceAsStream("/io/keras4j/keras_keywords.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  static String camel(String snake) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = b.length() > 0;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }

  private static boolean hasSetter(Class<?> cls, String name) {
    for (Method m : cls.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() >= 1 && !Modifier.isStatic(m.getModifiers())) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasConstructorFor(Class<?> cls, int required) {
    for (Constructor<?> c : cls.getConstructors()) {
      if (c.getParameterCount() == required || (c.isVarArgs() && c.getParameterCount() <= required + 1)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void everyKerasKeywordIsASetterAndEveryRequiredArgumentAConstructorArgument() throws Exception {
    JsonNode table = table();
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (JavaClass jc : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.keras4j")) {
      String family = FAMILIES.entrySet().stream().filter(e -> e.getValue().equals(jc.getPackageName()))
          .map(Map.Entry::getKey).findFirst().orElse(null);
      if (family == null || !jc.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)
          || jc.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)
          || jc.isInterface() || !table.get(family).has(jc.getSimpleName())) {
        continue;
      }
      Class<?> cls = jc.reflect();
      JsonNode spec = table.get(family).get(jc.getSimpleName());
      checked++;
      for (JsonNode k : spec.get("optional")) {
        String kw = k.asText();
        if (NO_SETTER.containsKey("*." + kw) || NO_SETTER.containsKey(cls.getSimpleName() + "." + kw)
            || NO_SETTER.containsKey(cls.getSimpleName() + ".*")) {
          continue;
        }
        if (!hasSetter(cls, camel(kw))) {
          missing.add(family + "." + cls.getSimpleName() + "." + kw + " → " + camel(kw) + "(...)");
        }
      }
      int required = spec.get("required").size();
      if (!NO_SETTER.containsKey(cls.getSimpleName() + ".*") && !hasConstructorFor(cls, required)) {
        missing.add(family + "." + cls.getSimpleName() + ": no public constructor of " + required + " argument(s) "
            + spec.get("required"));
      }
    }
    assertTrue(checked > 200, "expected the keras4j classes with Keras names; found " + checked);
    assertEquals(List.of(), missing, missing.size() + " Keras keywords without a keras4j setter");
  }

  @Test
  void camelCaseFollowsThePortingRule() {
    assertEquals("kernelInitializer", camel("kernel_initializer"));
    assertEquals("beta1", camel("beta_1"));
    assertEquals("fromLogits", camel("from_logits"));
    assertEquals(Set.of("name"), Set.of(camel("name")));
  }
}
