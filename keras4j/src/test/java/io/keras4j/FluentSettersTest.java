package io.keras4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Layer;
import io.keras4j.losses.Loss;
import io.keras4j.metrics.Metric;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.regularizers.Regularizer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every public fluent setter of a concrete layer, optimizer, loss or metric returns that concrete class, also when
 * a base class declares it, so that a chain of Keras keyword arguments compiles in any order.
 */
class FluentSettersTest {
  private static final List<Class<?>> FAMILIES = List.of(Layer.class, Optimizer.class, Loss.class, Metric.class,
      Initializer.class, Regularizer.class, Constraint.class);

  /** The public, concrete classes of the four families in the library. */
  private static List<Class<?>> concreteClasses() {
    List<Class<?>> out = new ArrayList<>();
    for (JavaClass jc : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.keras4j")) {
      Class<?> c = jc.reflect();
      boolean family = FAMILIES.stream().anyMatch(f -> f.isAssignableFrom(c));
      // models are layers too, but a model's keyword arguments are compile's and fit's, not setters
      boolean model = c.getPackageName().equals("io.keras4j.models");
      if (family && !model && Modifier.isPublic(c.getModifiers()) && !Modifier.isAbstract(c.getModifiers())
          && !c.isAnonymousClass() && c.getEnclosingClass() == null) {
        out.add(c);
      }
    }
    return out;
  }

  /** The return type of {@code m} as seen from {@code cls}, type variables resolved along the superclasses. */
  private static Class<?> returnTypeIn(Class<?> cls, Method m) {
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
      if (c.getGenericSuperclass() instanceof ParameterizedType p) {
        TypeVariable<?>[] vars = ((Class<?>) p.getRawType()).getTypeParameters();
        for (int i = 0; i < vars.length; i++) {
          bindings.put(vars[i], p.getActualTypeArguments()[i]);
        }
      }
    }
    Type t = m.getGenericReturnType();
    while (t instanceof TypeVariable<?> v && bindings.containsKey(v)) {
      t = bindings.get(v);
    }
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return m.getReturnType();
  }

  @Test
  void everySetterReturnsTheConcreteClass() {
    List<Class<?>> classes = concreteClasses();
    assertTrue(classes.size() > 100, "expected the library's layers, optimizers, losses and metrics; found "
        + classes.size());
    List<String> wrong = new ArrayList<>();
    for (Class<?> cls : classes) {
      for (Method m : cls.getMethods()) {
        if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() == 0 || m.isBridge()
            || m.getName().startsWith("get") || m.getDeclaringClass().getName().startsWith("java.")) {
          continue;
        }
        Class<?> ret = returnTypeIn(cls, m);
        if (ret != cls && ret != Object.class && ret.isAssignableFrom(cls)) {
          wrong.add(cls.getSimpleName() + "." + m.getName() + " returns " + ret.getSimpleName());
        }
      }
    }
    assertEquals(List.of(), wrong, "setters returning a supertype");
  }

  @Test
  void settersTakePrimitivesNotBoxedNumbers() {
    List<String> boxed = new ArrayList<>();
    for (Class<?> cls : concreteClasses()) {
      for (Method m : cls.getMethods()) {
        for (Class<?> p : m.getParameterTypes()) {
          if (p == Double.class || p == Long.class || p == Integer.class || p == Float.class) {
            boxed.add(cls.getSimpleName() + "." + m.getName() + "(" + p.getSimpleName() + ")");
          }
        }
      }
      for (var c : cls.getConstructors()) {
        for (Class<?> p : c.getParameterTypes()) {
          if (p == Double.class || p == Long.class || p == Integer.class || p == Float.class) {
            boxed.add(cls.getSimpleName() + "(" + p.getSimpleName() + ")");
          }
        }
      }
    }
    assertEquals(List.of(), boxed, "public methods and constructors taking boxed numbers");
  }

  @Test
  void chainsReadAsInKeras() {
    Conv2D conv = new Conv2D(16, 3).inputShape(28, 28, 1).activation("relu").name("conv");
    Dense dense = new Dense(10).name("out").trainable(false).activation("softmax");
    assertEquals("conv", conv.name());
    assertEquals("out", dense.name());
  }
}
