package io.keras4j.golden;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every initializer case that real Keras 3.15.1 wrote ({@code tools/keras-reference/golden/golden_initializers.py}),
 * read through keras4j's {@link Initializers} registry from Keras' config: deterministic initializers (Zeros, Ones,
 * Constant, Identity) by value; Orthogonal by its Gram matrix ({@code gain^2} times the identity on the smaller
 * side); random ones by the statistics of a large draw.
 *
 * <p>Porting note: keras4j draws from Java's generator, Keras from TensorFlow's, so the same seed gives different
 * values; only the distributions are compared. With n values and Keras' standard deviation s: the means agree
 * within {@code 5 s sqrt(2/n)} and the standard deviations within {@code 5 s / sqrt(n)} (five standard errors of the
 * difference of two samples); bounded distributions (truncated normals, uniforms) stay inside Keras' bound and reach
 * within {@code 0.01 s} of both ends; unbounded normals have a minimum and maximum within {@code 1.5 s} of Keras'.
 * Seeds are fixed on both sides, so the checks are deterministic.
 */
class InitializerGoldenTest {
  /** Registered initializer classes without a golden file, and why (none). */
  static final Map<String, String> SKIPPED = Map.of();

  @TestFactory
  Stream<DynamicTest> initializers() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : Golden.files("initializers")) {
      JsonNode doc = Golden.read(file);
      String cls = doc.get("class").asText();
      for (JsonNode c : doc.get("cases")) {
        String id = cls + "/" + c.get("name").asText();
        tests.add(DynamicTest.dynamicTest(id, () -> check(id, cls, c)));
      }
    }
    return tests.stream();
  }

  @Test
  void everyRegisteredInitializerHasAGoldenFileOrAReason() {
    List<String> golden = Golden.classes("initializers");
    TreeSet<String> missing = new TreeSet<>();
    for (String name : Initializers.registry().classNames()) {
      if (!golden.contains(name) && !SKIPPED.containsKey(name)) {
        missing.add(name);
      }
    }
    assertTrue(missing.isEmpty(), "initializers without a golden file in golden/initializers: " + missing);
  }

  private static void check(String id, String cls, JsonNode c) {
    Initializer init = Initializers.fromConfig(cls, Golden.map(c.get("config")));
    long[] dims = new long[c.get("shape").size()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = c.get("shape").get(i).asLong();
    }
    float[] v = init.call(Shape.of(dims));
    assertTrue(v.length == Shape.of(dims).size(), id + ": " + v.length + " values for shape " + Shape.of(dims));
    switch (c.get("kind").asText()) {
      case "values" -> Golden.assertClose(Golden.array(c.get("values")), NDArray.of(v, dims), 1e-7, 0, id);
      case "orthogonal" -> Golden.assertClose(Golden.array(c.get("gram")), gram(v, dims), 1e-5, 0, id + " gram");
      case "statistics" -> statistics(id, c, v);
      default -> fail(id + ": unknown kind " + c.get("kind"));
    }
  }

  /** W W^T when W = values as (prod(shape[:-1]), shape[-1]) has fewer rows than columns, else W^T W. */
  private static NDArray gram(float[] v, long[] dims) {
    int cols = (int) dims[dims.length - 1];
    int rows = v.length / cols;
    boolean wide = rows < cols;
    int k = Math.min(rows, cols);
    double[] g = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double s = 0;
        for (int t = 0; t < (wide ? cols : rows); t++) {
          s += wide ? (double) v[i * cols + t] * v[j * cols + t] : (double) v[t * cols + i] * v[t * cols + j];
        }
        g[i * k + j] = s;
      }
    }
    return NDArray.of(g, k, k);
  }

  private static void statistics(String id, JsonNode c, float[] v) {
    int n = v.length;
    double mean = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float f : v) {
      mean += f;
      min = Math.min(min, f);
      max = Math.max(max, f);
    }
    mean /= n;
    double var = 0;
    for (float f : v) {
      var += (f - mean) * (f - mean);
    }
    double std = Math.sqrt(var / n);
    double s = c.get("std").asDouble();
    within(id, "mean", mean, c.get("mean").asDouble(), 5 * s * Math.sqrt(2.0 / n));
    within(id, "std", std, s, 5 * s / Math.sqrt(n));
    JsonNode bound = c.get("bound");
    if (bound == null || bound.isNull()) {
      within(id, "min", min, c.get("min").asDouble(), 1.5 * s);
      within(id, "max", max, c.get("max").asDouble(), 1.5 * s);
      return;
    }
    double lo = bound.get(0).asDouble();
    double hi = bound.get(1).asDouble();
    double slack = 1e-6 * Math.max(Math.abs(lo), Math.abs(hi));
    assertTrue(min >= lo - slack && max <= hi + slack,
        id + ": values in [" + min + ", " + max + "], Keras' bound is [" + lo + ", " + hi + "]");
    within(id, "min (near the lower bound)", min, lo, 0.01 * s);
    within(id, "max (near the upper bound)", max, hi, 0.01 * s);
  }

  private static void within(String id, String what, double actual, double expected, double tol) {
    assertTrue(Math.abs(actual - expected) <= tol,
        id + ": " + what + " is " + actual + ", Keras' is " + expected + " (tolerance " + tol + ")");
  }
}
