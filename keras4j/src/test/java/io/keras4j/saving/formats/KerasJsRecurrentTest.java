package io.keras4j.saving.formats;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.golden.Golden;
import io.keras4j.layers.Layer;
import io.keras4j.models.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * keras-js' per-layer cases (Keras 2.x on TensorFlow, ../shared/data/kerasjs, PROVENANCE section I) for SimpleRNN,
 * LSTM, GRU, Bidirectional, TimeDistributed and Embedding, run through the legacy path: each case's constructor
 * arguments (from the notebook's markdown cell) become a Keras 2 layer config that {@link LegacyLayerConfigs}
 * rewrites, and its weights go through {@link LegacyLayerWeights} as a Keras 2 file's would (GRUs without
 * reset_after, Keras 2's hard_sigmoid). Stateful cases (predict run twice on unrecorded inputs) are skipped.
 */
class KerasJsRecurrentTest {
  /** ../shared/data beside the checkout (one level further up from a worktree under /work/wt). */
  static final Path KERASJS = Files.isDirectory(Path.of("..", "..", "shared", "data"))
      ? Path.of("..", "..", "shared", "data", "kerasjs") : Path.of("..", "..", "..", "shared", "data", "kerasjs");
  static final LegacyLayerWeights.Origin KERAS2 = new LegacyLayerWeights.Origin("2.1.2", "tensorflow");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> cases() throws Exception {
    if (!Files.isDirectory(KERASJS)) {
      return Stream.of(Arguments.of("kerasjs data not present", "", ""));
    }
    List<Arguments> out = new ArrayList<>();
    for (String f : List.of("recurrent/SimpleRNN", "recurrent/LSTM", "recurrent/GRU", "wrappers/Bidirectional",
        "wrappers/TimeDistributed", "embeddings/Embedding")) {
      JsonNode nb = JSON.readTree(KERASJS.resolve("notebooks/layers/" + f + ".ipynb").toFile());
      for (JsonNode cell : nb.get("cells")) {
        StringBuilder text = new StringBuilder();
        cell.get("source").forEach(s -> text.append(s.asText()));
        Matcher m = Pattern.compile("^\\*\\*\\[([\\w.]+)\\] (.*?)\\*\\*").matcher(text.toString().trim());
        if (cell.get("cell_type").asText().equals("markdown") && m.find()) {
          out.add(Arguments.of(m.group(1), m.group(2), f));
        }
      }
    }
    return out.stream();
  }

  /** A layer spec of keras-js' description: "units=4, activation='tanh'", "wrap a LSTM layer with ...". */
  static Map<String, Object> spec(String cls, String description) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("name", cls.toLowerCase() + "_1");
    String args = description.replaceAll("\\s*\\(input:.*\\)", "");
    Matcher wrap = Pattern.compile("(?:(.*), )?wrap a (\\w+) layer with (.*)").matcher(args);
    if (wrap.matches()) {
      config.put("layer", spec(wrap.group(2), wrap.group(3)));
      args = wrap.group(1) == null ? "" : wrap.group(1);
    }
    Matcher filters = Pattern.compile("(\\d+) (\\d+)x(\\d+) filters").matcher(args);
    if (filters.matches()) { // "6 3x3 filters"
      config.put("filters", Integer.parseInt(filters.group(1)));
      config.put("kernel_size", List.of(Integer.parseInt(filters.group(2)), Integer.parseInt(filters.group(3))));
      args = "";
    }
    for (String kv : args.isEmpty() ? new String[0] : args.split(",\\s*")) {
      String[] p = kv.contains("=") ? kv.split("=", 2) : kv.trim().split("\\s+", 2);
      String v = p[1].trim();
      Object value = v.startsWith("'") ? v.substring(1, v.length() - 1) : v.equals("True") ? (Object) true
          : v.equals("False") ? (Object) false : v.contains(".") ? (Object) Double.parseDouble(v)
          : (Object) Integer.parseInt(v);
      config.put(p[0].trim(), value);
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("class_name", cls);
    spec.put("config", config);
    return spec;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesKeras2(String id, String description, String file) throws Exception {
    assumeTrue(Files.isDirectory(KERASJS), "kerasjs data not present: " + KERASJS);
    assumeTrue(!description.contains("stateful=True"), "stateful case: predict ran twice on inputs not recorded");
    String cls = file.substring(file.indexOf('/') + 1);
    Map<String, Object> spec = spec(cls, description);

    JsonNode c = JSON.readTree(KERASJS.resolve("test/data/layers/" + file + ".json").toFile()).get(id);
    List<Object> batchShape = new ArrayList<>();
    batchShape.add(null);
    c.get("input").get("shape").forEach(d -> batchShape.add(d.asInt()));
    @SuppressWarnings("unchecked")
    Map<String, Object> config = (Map<String, Object>) spec.get("config");
    config.put("batch_input_shape", batchShape);
    String json = JSON.writeValueAsString(Map.of("class_name", "Sequential", "config", Map.of("name", "s",
        "layers", List.of(spec))));
    try (Model m = ModelConfigs.fromJson(json)) {
      Layer layer = m.layers().get(m.layers().size() - 1);
      List<HostArray> saved = new ArrayList<>();
      for (JsonNode w : c.get("weights")) {
        saved.add(host(w));
      }
      layer.setWeights(LegacyLayerWeights.convert(layer.getClass().getSimpleName(), layer.getConfig(), saved, KERAS2));
      HostArray x = host(c.get("input"));
      long[] batched = new long[x.shape().rank() + 1];
      batched[0] = 1;
      System.arraycopy(x.shape().dims(), 0, batched, 1, x.shape().rank());
      NDArray y = m.predict(new HostArray(x.values(), Shape.of(batched)));
      HostArray e = host(c.get("expected"));
      long[] expectedShape = new long[e.shape().rank() + 1];
      expectedShape[0] = 1;
      System.arraycopy(e.shape().dims(), 0, expectedShape, 1, e.shape().rank());
      Golden.assertClose(NDArray.of(e.values(), expectedShape), y, 2e-5, 0, id);
    }
  }

  static HostArray host(JsonNode node) {
    List<Long> shape = new ArrayList<>();
    node.get("shape").forEach(d -> shape.add(d.asLong()));
    float[] v = new float[node.get("data").size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) node.get("data").get(i).asDouble();
    }
    return new HostArray(v, Shape.of(shape.stream().mapToLong(Long::longValue).toArray()));
  }
}
