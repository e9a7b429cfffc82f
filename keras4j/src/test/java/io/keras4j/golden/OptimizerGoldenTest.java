package io.keras4j.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import io.keras4j.backend.Variable;
import io.keras4j.data.NDArray;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.optimizers.Optimizers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the optimizer golden files ({@code tools/keras-reference/golden/golden_optimizers.py}): the optimizer is
 * read from Keras' serialized config, the given gradients are fed to {@link Optimizer#applyGradients} in a traced
 * function, and the variables after each of five steps, the optimizer's variables (Keras' order, names and values,
 * as saved in {@code .keras} files) and the values {@code finalize_variable_values} leaves must match Keras'.
 */
class OptimizerGoldenTest {
  private static final double ATOL = 1e-5;
  private static final double RTOL = 1e-4;

  @TestFactory
  Stream<DynamicTest> everyOptimizerCase() {
    return Golden.files("optimizers").stream().flatMap(file -> {
      JsonNode doc = Golden.read(file);
      String cls = doc.get("class").asText();
      return StreamSupport.stream(doc.get("cases").spliterator(), false)
          .map(c -> DynamicTest.dynamicTest(cls + "/" + c.get("name").asText(), () -> replay(c)));
    });
  }

  @Test
  void everyRegisteredOptimizerHasAGoldenFile() {
    List<String> golden = Golden.classes("optimizers");
    for (String name : Optimizers.registry().classNames()) {
      assertTrue(golden.contains(name), "no golden file for optimizer " + name + "; golden files: " + golden);
    }
  }

  private static void replay(JsonNode c) {
    Optimizer opt = Optimizers.get(Golden.map(c.get("config")));
    List<Variable> vars = new ArrayList<>();
    List<Shape> shapes = new ArrayList<>();
    for (JsonNode v : c.get("variables")) {
      NDArray a = Golden.array(v.get("value"));
      shapes.add(Shape.of(a.shape()));
      vars.add(new Variable(v.get("name").asText(), Shape.of(a.shape()), "float32", true, a.toFloatArray()));
    }
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction step = g.trace(() -> {
        Ops ops = Backend.ops();
        List<Tensor> grads = new ArrayList<>();
        for (Shape s : shapes) {
          grads.add(ops.placeholder("float32", s));
        }
        opt.applyGradients(grads, vars);
        return List.of();
      });
      for (int s = 0; s < c.get("gradients").size(); s++) {
        List<NativeArray> feeds = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
          feeds.add(Backend.array(Golden.array(c.get("gradients").get(s).get(i)).toFloatArray(), shapes.get(i)));
        }
        step.call(feeds, new int[0]).forEach(NativeArray::close);
        feeds.forEach(NativeArray::close);
        for (int i = 0; i < vars.size(); i++) {
          Golden.assertClose(Golden.array(c.get("values").get(s).get(i)), value(vars.get(i)), ATOL, RTOL,
              "step " + (s + 1) + ", " + vars.get(i).name());
        }
      }
    }
    List<Variable> own = opt.variables();
    JsonNode expected = c.get("optimizer_variables");
    List<String> names = new ArrayList<>();
    expected.forEach(e -> names.add(lastSegment(e.get("path").asText())));
    assertEquals(names, own.stream().map(v -> lastSegment(v.path())).toList(), "optimizer variables");
    for (int i = 0; i < own.size(); i++) {
      Golden.assertClose(Golden.array(expected.get(i).get("value")), value(own.get(i)), ATOL, RTOL,
          "optimizer variable " + own.get(i).path());
    }
    opt.finalizeVariableValues(vars);
    for (int i = 0; i < vars.size(); i++) {
      Golden.assertClose(Golden.array(c.get("finalized").get(i)), value(vars.get(i)), ATOL, RTOL,
          "finalized " + vars.get(i).name());
    }
  }

  private static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static NDArray value(Variable v) {
    long[] shape = v.shape().dims();
    return "float32".equals(v.dtype()) ? NDArray.of(v.floatValue(), shape) : NDArray.of(v.longValue(), shape);
  }
}
