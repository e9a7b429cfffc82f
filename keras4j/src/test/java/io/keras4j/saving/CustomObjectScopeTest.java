package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Layers;
import io.keras4j.saving.CustomClasses.Scale;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Keras' CustomObjectScope and the lookup order of object_registration.get_registered_object: open scopes
 * (innermost first), then registered names, then the load call's custom_objects, then the built-ins.
 */
class CustomObjectScopeTest {
  private static final String NAME = "co_scope_test>Thing";

  private static Function<Map<String, Object>, Object> reader(String tag) {
    return config -> tag + config.getOrDefault("n", "");
  }

  @Test
  void lookupOrderIsScopeThenRegisteredThenCustomObjects() {
    KerasObjects.register(NAME, reader("registered"));
    try {
      Map<String, Object> callObjects = Map.of(NAME, reader("call"));
      assertEquals("registered1", KerasObjects.withCustomObjects(callObjects,
          () -> KerasObjects.custom(NAME, Map.of("n", 1))));
      try (CustomObjectScope outer = new CustomObjectScope(Map.of(NAME, reader("outer")))) {
        assertEquals("outer2", KerasObjects.withCustomObjects(callObjects,
            () -> KerasObjects.custom(NAME, Map.of("n", 2))));
        try (CustomObjectScope inner = CustomObjectScope.customObjectScope(Map.of(NAME, reader("inner")))) {
          assertEquals("inner3", KerasObjects.custom(NAME, Map.of("n", 3)));
        }
        assertEquals("outer4", KerasObjects.custom(NAME, Map.of("n", 4)));
      }
    } finally {
      KerasObjects.unregister(NAME);
    }
    assertEquals("call5", KerasObjects.withCustomObjects(Map.of(NAME, reader("call")),
        () -> KerasObjects.custom(NAME, Map.of("n", 5))));
    assertNull(KerasObjects.custom(NAME, Map.of()), "custom_objects last only for their load call");
  }

  @Test
  void scopeMakesAnUnregisteredLayerLoadable() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("module", null);
    spec.put("class_name", "Scale");
    spec.put("config", Map.of("name", "s", "init", 2.5));
    spec.put("registered_name", "Scale");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Layers.deserialize(spec));
    assertTrue(e.getMessage().contains("'Scale'"), e.getMessage());
    try (CustomObjectScope scope = new CustomObjectScope(Map.of("Scale", Scale.class))) {
      Layer l = Layers.deserialize(spec);
      assertEquals(2.5, assertInstanceOf(Scale.class, l).init);
      assertEquals("s", l.name());
    }
    assertFalse(KerasObjects.isRegistered("Scale"));
  }

  @Test
  void scopeGivesCustomActivationsByName() {
    ActivationFunction twice = ActivationFunction.of("twice", x -> io.keras4j.backend.Backend.ops().multiply(x, 2f));
    assertThrows(IllegalArgumentException.class, () -> Activations.get("twice"));
    try (CustomObjectScope scope = new CustomObjectScope(Map.of("twice", twice))) {
      assertSame(twice, Activations.get("twice"));
    }
    try (CustomObjectScope scope = new CustomObjectScope(Map.of("twice", "not a function"))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.get("twice"));
      assertTrue(e.getMessage().contains("'twice'") && e.getMessage().contains("ActivationFunction"), e.getMessage());
    }
  }

  @Test
  void scopeIsThreadLocal() throws InterruptedException {
    AtomicReference<Object> seen = new AtomicReference<>("unset");
    try (CustomObjectScope scope = new CustomObjectScope(Map.of(NAME, reader("mine")))) {
      Thread t = new Thread(() -> seen.set(KerasObjects.custom(NAME, Map.of())));
      t.start();
      t.join();
      assertEquals("mine", KerasObjects.custom(NAME, Map.of()));
    }
    assertNull(seen.get());
  }

  @Test
  void scopesCloseInnermostFirst() {
    CustomObjectScope outer = new CustomObjectScope(Map.of());
    CustomObjectScope inner = new CustomObjectScope(Map.of());
    IllegalStateException e = assertThrows(IllegalStateException.class, outer::close);
    assertTrue(e.getMessage().contains("out of order"), e.getMessage());
    inner.close();
    outer.close();
    outer.close(); // closing twice does nothing
  }

  @Test
  void badEntriesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new CustomObjectScope(null));
    Map<String, Object> nullValue = new HashMap<>();
    nullValue.put("Scale", null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CustomObjectScope(nullValue));
    assertTrue(e.getMessage().contains("Scale"), e.getMessage());
  }

  @Test
  void aClassWithoutFromConfigIsNamed() {
    try (CustomObjectScope scope = new CustomObjectScope(Map.of("Thing", StringBuilder.class))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> KerasObjects.custom("Thing", Map.of()));
      assertTrue(e.getMessage().contains("java.lang.StringBuilder") && e.getMessage().contains("fromConfig"),
          e.getMessage());
    }
  }
}
