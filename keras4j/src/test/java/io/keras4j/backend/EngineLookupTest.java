package io.keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Engines#load} creates the requested engine only: the others are known by their {@link EngineName}, so a
 * broken provider of another engine (one that throws when created, or whose class cannot be loaded) cannot fail the
 * choice of the engine asked for.
 */
class EngineLookupTest {
  @EngineName("fake")
  abstract static class FakeEngine implements Engine {}

  /** An engine with no annotation: known only by creating it. */
  abstract static class LegacyEngine implements Engine {}

  /** A provider of another engine whose creation fails (a missing native library, say). */
  @EngineName("broken")
  abstract static class BrokenEngine implements Engine {}

  private final AtomicInteger created = new AtomicInteger();

  private static Engine named(String name) {
    return (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class},
        (proxy, method, args) -> method.getName().equals("name") ? name : null);
  }

  private ServiceLoader.Provider<Engine> provider(Class<? extends Engine> type, String name) {
    return new ServiceLoader.Provider<>() {
      @Override
      public Class<? extends Engine> type() {
        return type;
      }

      @Override
      public Engine get() {
        created.incrementAndGet();
        if (name == null) {
          throw new ServiceConfigurationError("io.keras4j.backend.Engine: Provider " + type.getName()
              + " could not be instantiated");
        }
        return named(name);
      }
    };
  }

  @Test
  void onlyTheRequestedEngineIsCreated() {
    List<ServiceLoader.Provider<Engine>> ps = List.of(provider(BrokenEngine.class, null),
        provider(FakeEngine.class, "fake"));
    assertEquals("fake", Engines.find("FAKE", ps.iterator()).name());
    assertEquals(1, created.get());
  }

  @Test
  void aProviderClassThatCannotBeLoadedIsSkipped() {
    Iterator<ServiceLoader.Provider<Engine>> it = new Iterator<>() {
      int i;

      @Override
      public boolean hasNext() {
        return i < 2;
      }

      @Override
      public ServiceLoader.Provider<Engine> next() {
        if (i++ == 0) {
          throw new ServiceConfigurationError("io.keras4j.backend.Engine: Provider com.example.Missing not found");
        }
        return provider(FakeEngine.class, "fake");
      }
    };
    assertEquals("fake", Engines.find("fake", it).name());
  }

  @Test
  void anEngineWithoutTheAnnotationIsStillFoundByItsName() {
    List<ServiceLoader.Provider<Engine>> ps = List.of(provider(FakeEngine.class, "fake"),
        provider(LegacyEngine.class, "legacy"));
    assertEquals("legacy", Engines.find("legacy", ps.iterator()).name());
    assertEquals(1, created.get());
  }

  @Test
  void anUnknownNameListsTheEnginesFound() {
    List<ServiceLoader.Provider<Engine>> ps = new ArrayList<>(List.of(provider(BrokenEngine.class, null),
        provider(FakeEngine.class, "fake"), provider(LegacyEngine.class, "legacy")));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Engines.find("jax", ps.iterator()));
    assertTrue(e.getMessage().contains("No keras4j engine named 'jax'")
        && e.getMessage().contains("Available: [broken, fake, legacy]"), e.getMessage());
  }

  @Test
  void theShippedEngineCarriesItsName() {
    Engine tf = Engines.load("tensorflow");
    EngineName n = tf.getClass().getAnnotation(EngineName.class);
    assertEquals(tf.name(), n.value());
    assertSame(tf.getClass(), Engines.available().get(0).getClass());
  }
}
