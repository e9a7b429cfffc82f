package io.keras4j.kerasjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Input;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Layers;
import io.keras4j.models.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * keras-js' per-layer cases, written by Keras 2 (TensorFlow backend): each notebook cell builds a small model, sets
 * seeded weights and stores input, weights and Keras' output. The model is rebuilt here from the cell's Python
 * (through {@link Layers#fromConfig}), given the same weights, and must reproduce Keras' output within 1e-5.
 */
class KerasJsCasesTest {
  static final Path ROOT = Path.of("..", "..", "shared", "data", "kerasjs");
  /** Layer families built so far; recurrent, embeddings and wrappers are not built yet. */
  static final List<String> FAMILIES = List.of("core", "merge", "noise", "advanced_activations", "convolutional",
      "pooling", "normalization");
  static final Pattern CASE_ID = Pattern.compile("\\[([a-z_]+\\.[A-Za-z0-9]+\\.\\d+)\\]");
  static final Map<String, List<String>> POSITIONAL = new HashMap<>();

  static {
    for (String c : List.of("Conv1D", "Conv2D", "Conv3D", "Conv2DTranspose", "SeparableConv2D")) {
      POSITIONAL.put(c, List.of("filters", "kernel_size"));
    }
    POSITIONAL.put("Dense", List.of("units"));
    POSITIONAL.put("Activation", List.of("activation"));
    POSITIONAL.put("Dropout", List.of("rate"));
    POSITIONAL.put("GaussianNoise", List.of("stddev"));
    POSITIONAL.put("GaussianDropout", List.of("rate"));
    POSITIONAL.put("Reshape", List.of("target_shape"));
    POSITIONAL.put("Permute", List.of("dims"));
    POSITIONAL.put("RepeatVector", List.of("n"));
    POSITIONAL.put("DepthwiseConv2D", List.of("kernel_size"));
    POSITIONAL.put("Concatenate", List.of("axis"));
    POSITIONAL.put("Dot", List.of("axes"));
    POSITIONAL.put("LeakyReLU", List.of("alpha"));
    POSITIONAL.put("ELU", List.of("alpha"));
    POSITIONAL.put("ThresholdedReLU", List.of("theta"));
    for (String p : List.of("MaxPooling", "AveragePooling")) {
      for (int r = 1; r <= 3; r++) {
        POSITIONAL.put(p + r + "D", List.of("pool_size"));
      }
    }
    for (int r = 1; r <= 3; r++) {
      POSITIONAL.put("UpSampling" + r + "D", List.of("size"));
      POSITIONAL.put("ZeroPadding" + r + "D", List.of("padding"));
      POSITIONAL.put("Cropping" + r + "D", List.of("cropping"));
    }
  }

  /** The model-building statements of each case: case id to its code cell. */
  static Map<String, String> cases(Path notebook) throws IOException {
    JsonNode nb = new ObjectMapper().readTree(notebook.toFile());
    Map<String, String> out = new LinkedHashMap<>();
    String current = null;
    for (JsonNode cell : nb.get("cells")) {
      StringBuilder src = new StringBuilder();
      cell.get("source").forEach(l -> src.append(l.asText()));
      Matcher m = CASE_ID.matcher(src);
      if (cell.get("cell_type").asText().equals("markdown") && m.find()) {
        current = m.group(1);
      } else if (cell.get("cell_type").asText().equals("code") && current != null) {
        out.put(current, src.toString());
        current = null;
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyApplicableCase() throws IOException {
    assumeTrue(Files.isDirectory(ROOT), "keras-js data not present: " + ROOT);
    List<DynamicTest> tests = new ArrayList<>();
    for (String family : FAMILIES) {
      Path nbDir = ROOT.resolve("notebooks/layers");
      List<Path> notebooks = new ArrayList<>();
      Path single = nbDir.resolve(family + ".ipynb");
      if (Files.exists(single)) {
        notebooks.add(single);
      } else {
        try (Stream<Path> s = Files.list(nbDir.resolve(family))) {
          s.filter(p -> p.toString().endsWith(".ipynb")).sorted().forEach(notebooks::add);
        }
      }
      for (Path nb : notebooks) {
        String rel = ROOT.resolve("notebooks").relativize(nb).toString().replace(".ipynb", ".json");
        JsonNode data = new ObjectMapper().readTree(ROOT.resolve("test/data").resolve(rel).toFile());
        for (Map.Entry<String, String> c : cases(nb).entrySet()) {
          JsonNode expected = data.get(c.getKey());
          if (expected != null) {
            tests.add(DynamicTest.dynamicTest(c.getKey(), () -> runCase(c.getKey(), c.getValue(), expected)));
          }
        }
      }
    }
    return tests.stream();
  }

  static void runCase(String id, String code, JsonNode data) {
    // keras4j is channels-last by design and refuses channels_first (see ConvUtils.channelsLast)
    assumeTrue(!code.contains("channels_first"), id + " uses data_format='channels_first': not applicable");
    assumeTrue(!code.contains("throws exception"), id + " expects Keras to fail: no output to compare");
    Model model = build(code);
    List<NDArray> weights = new ArrayList<>();
    if (data.has("weights")) {
      data.get("weights").forEach(w -> weights.add(NDArray.of(floats(w.get("data")), shape(w.get("shape")).dims())));
      model.setWeights(weights);
    }
    JsonNode in = data.get("input");
    List<Object> inputs = new ArrayList<>();
    for (JsonNode i : in.isArray() ? in : List.of(in)) {
      inputs.add(new HostArray(floats(i.get("data")), shape(i.get("shape")).withBatch(1)));
    }
    float[] got = model.predictOutputs(inputs.size() == 1 ? inputs.get(0) : inputs, 1).get(0).toFloatArray();
    float[] want = floats(data.get("expected").get("data"));
    assertEquals(want.length, got.length, id + " output size");
    double worst = 0;
    for (int i = 0; i < want.length; i++) {
      worst = Math.max(worst, Math.abs(want[i] - got[i]));
    }
    assertTrue(worst <= 1e-5, id + ": largest difference from Keras " + worst);
    model.close();
  }

  private static float[] floats(JsonNode a) {
    float[] v = new float[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) a.get(i).asDouble();
    }
    return v;
  }

  private static Shape shape(JsonNode a) {
    long[] d = new long[a.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = a.get(i).asLong();
    }
    return Shape.of(d);
  }

  /** Runs the cell's assignments up to {@code model = Model(...)} and returns that model. */
  static Model build(String code) {
    Map<String, Object> env = new HashMap<>();
    for (String stmt : statements(code)) {
      int eq = stmt.indexOf('=');
      if (eq < 0 || !stmt.substring(0, eq).trim().matches("[A-Za-z_][A-Za-z0-9_]*")) {
        continue;
      }
      String target = stmt.substring(0, eq).trim();
      Object expr;
      try {
        expr = PythonCall.parse(stmt.substring(eq + 1));
      } catch (RuntimeException e) {
        continue; // numpy and formatting lines
      }
      Object value = eval(expr, env);
      if (value instanceof Model m && target.equals("model")) {
        return m;
      }
      if (value != null) {
        env.put(target, value);
      }
    }
    throw new IllegalStateException("No model in: " + code);
  }

  /** Splits the source into statements, joining lines inside brackets. */
  static List<String> statements(String code) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int depth = 0;
    for (String line : code.split("\n")) {
      String l = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
      cur.append(l).append(' ');
      for (char c : l.toCharArray()) {
        depth += c == '(' || c == '[' ? 1 : c == ')' || c == ']' ? -1 : 0;
      }
      if (depth <= 0) {
        out.add(cur.toString().trim());
        cur.setLength(0);
        depth = 0;
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object eval(Object e, Map<String, Object> env) {
    if (e instanceof PythonCall.Name n) {
      return env.get(n.id());
    }
    if (e instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) {
        out.add(eval(o, env));
      }
      return out;
    }
    if (!(e instanceof PythonCall.Call c)) {
      return e;
    }
    if (c.callee() instanceof PythonCall.Name n && !env.containsKey(n.id())) {
      String cls = n.id();
      Map<String, Object> kw = new LinkedHashMap<>();
      c.kwargs().forEach((k, v) -> kw.put(k, eval(v, env)));
      if (cls.equals("Input")) {
        List<Object> s = (List<Object>) kw.get("shape");
        return Input.of(s.stream().mapToInt(v -> ((Number) v).intValue()).toArray());
      }
      if (cls.equals("Model")) {
        return new Model(tensors(kw.get("inputs")), tensors(kw.get("outputs")));
      }
      List<String> names = POSITIONAL.getOrDefault(cls, List.of());
      for (int i = 0; i < c.args().size(); i++) {
        kw.put(names.get(i), eval(c.args().get(i), env));
      }
      return Layers.fromConfig(cls, kw);
    }
    Object callee = eval(c.callee(), env);
    if (callee instanceof Layer layer) {
      Object arg = eval(c.args().get(0), env);
      return arg instanceof KerasTensor t ? layer.apply(t) : layer.apply((List<KerasTensor>) arg).get(0);
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static List<KerasTensor> tensors(Object o) {
    return o instanceof KerasTensor t ? List.of(t) : (List<KerasTensor>) o;
  }
}
