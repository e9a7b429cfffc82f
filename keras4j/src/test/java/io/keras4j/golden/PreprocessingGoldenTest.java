package io.keras4j.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Layers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The preprocessing layers against Keras 3.15.1 (golden/layers/<ClassName>.json, written by
 * tools/keras-reference/golden/golden_preprocessing.py): each case's layer is read from its Keras config, given
 * its weights and called on the case's inputs; outputs must match in shape, dtype and value.
 */
public class PreprocessingGoldenTest {
  static final List<String> CLASSES = List.of("CategoryEncoding", "Discretization", "Hashing", "HashedCrossing",
      "IntegerLookup", "Pipeline",
      "STFTSpectrogram", "MelSpectrogram");

  @TestFactory
  Stream<DynamicTest> preprocessingLayersMatchKeras() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String cls : CLASSES) {
      Path file = Golden.files("layers").stream()
          .filter(p -> p.getFileName().toString().equals(cls + ".json")).findFirst().orElseThrow();
      for (JsonNode c : Golden.read(file).get("cases")) {
        tests.add(DynamicTest.dynamicTest(cls + "/" + c.get("name").asText(), () -> check(cls, c)));
      }
    }
    // cases LayerGoldenTest cannot run through a model: adapted state that is not in the config or weights (an
    // IntegerLookup vocabulary is an asset), outputs without a batch axis
    for (Path file : Golden.files("layers-direct")) {
      String cls = file.getFileName().toString().replace(".json", "");
      for (JsonNode c : Golden.read(file).get("cases")) {
        tests.add(DynamicTest.dynamicTest("direct/" + cls + "/" + c.get("name").asText(), () -> check(cls, c)));
      }
    }
    return tests.stream();
  }

  static void check(String cls, JsonNode c) {
    Layer layer = Layers.fromConfig(cls, Golden.map(c.get("config")));
    if (c.has("adapt_data") && layer instanceof io.keras4j.layers.IntegerLookup lookup) {
      lookup.adapt(Golden.array(c.get("adapt_data")));
    }
    List<NDArray> inputs = new ArrayList<>();
    c.get("inputs").forEach(n -> inputs.add(Golden.array(n)));
    List<NDArray> weights = new ArrayList<>();
    c.get("weights").forEach(n -> weights.add(Golden.array(n)));
    NDArray expected = Golden.array(c.get("outputs").get(0));
    String[] dtype = new String[1];
    NDArray actual = call(layer, inputs, weights, dtype);
    String what = cls + "/" + c.get("name").asText();
    assertEquals(c.get("outputs").get(0).get("dtype").asText(), dtype[0], what + ": output dtype");
    Golden.assertClose(expected, actual, c.path("atol").asDouble(1e-5), c.path("rtol").asDouble(1e-5), what);
  }

  /** {@code layer} called on constant {@code inputs} of their dtypes, after setting {@code weights}. */
  public static NDArray call(Layer layer, List<NDArray> inputs, List<NDArray> weights, String[] dtypeOut) {
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction f = g.trace(() -> {
        Ops ops = Backend.ops();
        List<Tensor> in = new ArrayList<>();
        for (NDArray a : inputs) {
          in.add(constant(ops, a));
        }
        Tensor out = layer.applyAll(in, false).get(0);
        dtypeOut[0] = out.dtype();
        return List.of(out);
      });
      if (!weights.isEmpty()) {
        layer.setWeights(weights);
      }
      List<NativeArray> out = f.call(List.of());
      NativeArray o = out.get(0);
      NDArray result = NDArray.of(o.toFloatArray(), o.shape().dims());
      out.forEach(NativeArray::close);
      return result;
    }
  }

  /** An int64 constant built exactly from int32 parts: {@code v = hi * 2^32 + mid * 2^16 + lo}. */
  static Tensor longConstant(Ops ops, long[] v, Shape s) {
    int[] hi = new int[v.length];
    int[] mid = new int[v.length];
    int[] lo = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      hi[i] = (int) (v[i] >> 32);
      mid[i] = (int) ((v[i] >>> 16) & 0xffff);
      lo[i] = (int) (v[i] & 0xffff);
    }
    Tensor h = ops.multiply(ops.cast(ops.constant(hi, s), "int64"), 4294967296f);
    Tensor m = ops.multiply(ops.cast(ops.constant(mid, s), "int64"), 65536f);
    return ops.add(ops.add(h, m), ops.cast(ops.constant(lo, s), "int64"));
  }

  static Tensor constant(Ops ops, NDArray a) {
    Shape s = Shape.of(a.shape());
    return switch (a.dtype()) {
      case "int32" -> ops.constant(a.toIntArray(), s);
      case "int64" -> longConstant(ops, a.toLongArray(), s);
      case "bool" -> ops.cast(ops.constant(a.toIntArray(), s), "bool");
      default -> ops.cast(ops.constant(a.toFloatArray(), s), a.dtype());
    };
  }
}
