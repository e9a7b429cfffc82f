package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.GraphFixture;
import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import io.keras4j.data.NDArray;
import io.keras4j.golden.Golden;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The image augmentation layers against Keras 3.15.1's golden files ({@code golden/layers/<Class>.json}, written by
 * {@code tools/keras-reference/golden/golden_augment.py}): deterministic cases, draws pinned up to a sign
 * ("alternatives": each sample must equal one of Keras' outputs for that sample), and statistics of random draws.
 *
 * <p>Statistics tolerance: keras4j's random numbers are not TensorFlow's, so a statistic over {@code calls} calls of
 * the layer can only agree within sampling error. Each Keras statistic carries its standard error over calls
 * {@code se}; keras4j's own mean has about the same standard error, so the difference of two independent means has
 * standard error {@code se * sqrt(2)}; the test allows 4.5 of those (a false failure rate below 1e-5 per check),
 * plus 1e-3 of the value for statistics that have no spread (a fraction that is always 1).
 */
class AugmentationGoldenTest {
  static final List<String> CLASSES = List.of("AutoContrast", "Solarization", "Equalization", "RandomInvert",
      "RandomGrayscale", "RandomPosterization", "RandomSharpness", "RandomSaturation", "RandomHue",
      "RandomColorDegeneration", "RandomColorJitter", "RandomErasing", "RandomGaussianBlur", "RandomShear",
      "RandomPerspective", "RandomElasticTransform", "MixUp", "CutMix", "AugMix", "RandAugment");

  static List<String> implemented() {
    List<String> out = new ArrayList<>();
    for (String c : CLASSES) {
      if (Layers.registry().classNames().contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  static JsonNode file(String cls) {
    for (Path p : Golden.files("layers")) {
      if (p.getFileName().toString().equals(cls + ".json")) {
        return Golden.read(p);
      }
    }
    throw new AssertionError("no golden file for " + cls);
  }

  static RandomImageLayer<?> layer(String cls, JsonNode config) {
    return (RandomImageLayer<?>) Layers.fromConfig(cls, Golden.map(config));
  }

  static float[] run(RandomImageLayer<?> layer, NDArray x, boolean training) {
    return GraphFixture.eval1(x.toFloatArray(), Shape.of(x.shape()), t -> layer.applyAll(List.of(t), training).get(0));
  }

  @TestFactory
  Stream<DynamicTest> deterministicCasesGiveKerasOutputs() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String cls : implemented()) {
      for (JsonNode c : file(cls).get("cases")) {
        String name = cls + "/" + c.get("name").asText();
        tests.add(DynamicTest.dynamicTest(name, () -> {
          NDArray x = Golden.array(c.get("inputs").get(0));
          NDArray expected = Golden.array(c.get("outputs").get(0));
          float[] y = run(layer(cls, c.get("config")), x, c.get("training").asBoolean());
          Golden.assertClose(expected, NDArray.of(y, expected.shape()), 1e-4, 1e-5, name);
        }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> drawsPinnedUpToASignGiveOneOfKerasOutputs() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String cls : implemented()) {
      for (JsonNode c : file(cls).path("alternatives")) {
        String name = cls + "/" + c.get("name").asText();
        tests.add(DynamicTest.dynamicTest(name, () -> {
          NDArray x = Golden.array(c.get("inputs").get(0));
          int per = (int) (x.size() / x.shape()[0]);
          List<float[]> options = new ArrayList<>();
          for (JsonNode o : c.get("outputs")) {
            options.add(Golden.array(o).toFloatArray());
          }
          for (long seed = 0; seed < 4; seed++) {
            RandomImageLayer<?> l = layer(cls, c.get("config"));
            l.seed(seed);
            float[] y = run(l, x, true);
            for (int b = 0; b < x.shape()[0]; b++) {
              boolean any = false;
              for (float[] o : options) {
                any |= close(o, y, b * per, per);
              }
              assertTrue(any, name + ": sample " + b + " with seed " + seed + " matches none of Keras' outputs");
            }
          }
        }));
      }
    }
    return tests.stream();
  }

  @org.junit.jupiter.api.Test
  void perspectiveWarpsAsKerasPerspectiveTransform() {
    // Keras solves the homography with an 8x8 float32 solve, keras4j in closed form: coordinates agree to ~1e-6
    // of a pixel, which moves bilinear outputs (values up to 255) by well under 1e-3
    JsonNode t = file("RandomPerspective").get("transforms").get(0);
    NDArray x = Golden.array(t.get("inputs").get(0));
    long n = x.shape()[0];
    float[] start = Golden.array(t.get("start_points")).toFloatArray();
    float[] end = Golden.array(t.get("end_points")).toFloatArray();
    Shape s = Shape.of(x.shape());
    Shape p = Shape.of(n, 8);
    for (String interpolation : List.of("bilinear", "nearest")) {
      float fill = interpolation.equals("bilinear") ? 0f : 5f;
      List<float[]> y = GraphFixture.eval(List.of(x.toFloatArray(), start, end), List.of(s, p, p), in -> List.of(
          Backend.ops().imageTransform(in.get(0), RandomPerspective.homography(Backend.ops(), in.get(1), in.get(2)),
              "constant", interpolation, fill)));
      NDArray expected = Golden.array(interpolation.equals("bilinear") ? t.get("outputs").get(0) : t.get("nearest"));
      Golden.assertClose(expected, NDArray.of(y.get(0), x.shape()), 1e-3, 1e-5, "perspective " + interpolation);
    }
  }

  @org.junit.jupiter.api.Test
  void elasticResamplesAsKerasMapCoordinates() {
    JsonNode t = file("RandomElasticTransform").get("transforms").get(0);
    NDArray image = Golden.array(t.get("inputs").get(0));
    float[] coords = Golden.array(t.get("coordinates")).toFloatArray();
    int size = (int) image.size();
    float[] rows = java.util.Arrays.copyOfRange(coords, 0, size);
    float[] cols = java.util.Arrays.copyOfRange(coords, size, 2 * size);
    long h = image.shape()[0];
    long w = image.shape()[1];
    Shape grid = Shape.of(1, h, w);
    int checked = 0;
    for (String mode : List.of("constant", "nearest", "wrap", "reflect")) {
      for (int order = 0; order < 2; order++) {
        String interpolation = order == 0 ? "nearest" : "bilinear";
        List<float[]> y = GraphFixture.eval(List.of(image.toFloatArray(), rows, cols),
            List.of(Shape.of(1, h, w, 1), grid, grid), in -> List.of(MapCoordinates.sample(Backend.ops(), in.get(0),
                in.get(1), in.get(2), interpolation, mode, 9f)));
        Golden.assertClose(Golden.array(t.get(mode + "_" + order)), NDArray.of(y.get(0), h, w), 1e-4, 1e-5,
            "map_coordinates " + mode + " order " + order);
        checked++;
      }
    }
    assertTrue(checked == 8);
  }

  static boolean close(float[] expected, float[] actual, int from, int n) {
    for (int i = from; i < from + n; i++) {
      if (!(Math.abs(expected[i] - actual[i]) <= 1e-4 + 1e-5 * Math.abs(expected[i]))) {
        return false;
      }
    }
    return true;
  }

  @TestFactory
  Stream<DynamicTest> randomDrawsHaveKerasStatistics() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String cls : implemented()) {
      for (JsonNode s : file(cls).path("statistics")) {
        String name = cls + "/" + s.get("name").asText();
        tests.add(DynamicTest.dynamicTest(name, () -> {
          double[] ours = statistics(layer(cls, s.get("config")), Golden.array(s.get("inputs").get(0)),
              s.get("batch").asInt(), s.get("calls").asInt());
          String[] keys = {"mean_output", "mean_abs_change", "fraction_changed"};
          for (int k = 0; k < keys.length; k++) {
            double mean = s.get(keys[k]).get("mean").asDouble();
            double se = s.get(keys[k]).get("se").asDouble();
            double tolerance = 4.5 * Math.sqrt(2) * se + 1e-3 * Math.abs(mean) + 1e-6;
            assertTrue(Math.abs(ours[k] - mean) <= tolerance, name + ": " + keys[k] + " is " + ours[k] + ", Keras "
                + mean + " (tolerance " + tolerance + ")");
          }
        }));
      }
    }
    return tests.stream();
  }

  /** Mean output, mean |output - input| and fraction of changed values over {@code calls} calls on a batch. */
  static double[] statistics(RandomImageLayer<?> layer, NDArray image, int batch, int calls) {
    long[] s = image.shape().clone();
    s[0] *= batch;
    float[] one = image.toFloatArray();
    float[] x = new float[one.length * batch];
    for (int b = 0; b < batch; b++) {
      System.arraycopy(one, 0, x, b * one.length, one.length);
    }
    Shape shape = Shape.of(s);
    double[] sums = new double[3];
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction f = g.trace(() -> {
        Ops ops = Backend.ops();
        Tensor in = ops.placeholder("float32", shape);
        return List.of(layer.applyAll(List.of(in), true).get(0));
      });
      try (NativeArray in = Backend.array(x, shape)) {
        for (int c = 0; c < calls; c++) {
          List<NativeArray> out = f.call(List.of(in));
          float[] y = out.get(0).toFloatArray();
          out.forEach(NativeArray::close);
          double mean = 0;
          double change = 0;
          double changed = 0;
          for (int i = 0; i < y.length; i++) {
            double d = Math.abs(y[i] - x[i]);
            mean += y[i];
            change += d;
            changed += d > 1e-3 ? 1 : 0;
          }
          sums[0] += mean / y.length;
          sums[1] += change / y.length;
          sums[2] += changed / y.length;
        }
      }
    }
    return new double[] {sums[0] / calls, sums[1] / calls, sums[2] / calls};
  }
}
