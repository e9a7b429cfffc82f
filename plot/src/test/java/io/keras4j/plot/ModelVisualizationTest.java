package io.keras4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.layers.Add;
import io.keras4j.layers.Concatenate;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Dropout;
import io.keras4j.layers.Input;
import io.keras4j.layers.InputLayer;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * keras4j's {@code modelToDot} against Keras 3.15.1's {@code model_to_dot} for the same models (golden DOT files
 * written by tools/keras-reference/model_to_dot.py): the same label fields per node, the same edges between them,
 * the same clusters and graph attributes. Node ids differ (Keras writes Python object ids), so nodes are matched by
 * their label fields.
 */
class ModelVisualizationTest {

  /** Boxes and arrows of each golden graph, counted on the models by hand. */
  private static final Map<String, List<Integer>> EXPECTED_COUNTS = Map.of(
      "seq__default", List.of(3, 2), "seq__all_lr", List.of(3, 2),
      "two_heads__default", List.of(8, 8), "two_heads__all", List.of(8, 8), "two_heads__no_names", List.of(8, 8),
      "outer__default", List.of(5, 5), "outer__all", List.of(5, 5),
      "outer__expand", List.of(7, 7), "outer__expand_all", List.of(7, 7));

  /** Keras' {@code sequential()} of the generator. */
  static Sequential sequential() {
    return new Sequential(new InputLayer(8), new Dense(16).activation("relu").name("hidden"),
        new Dropout(0.5).name("drop"), new Dense(3).activation("softmax").name("probs")).name("seq");
  }

  /** Two inputs, a frozen branch, two merges of the same pair of tensors, two outputs. */
  static Model twoHeads() {
    KerasTensor a = Input.of(Shape.of(8), "input_a");
    KerasTensor b = Input.of(Shape.of(4), "input_b");
    KerasTensor ha = new Dense(16).activation("relu").name("dense_a").apply(a);
    KerasTensor hb = new Dense(16).name("dense_b").trainable(false).apply(b);
    KerasTensor c = new Concatenate().name("concat").apply(List.of(ha, hb)).get(0);
    KerasTensor s = new Add().name("add").apply(List.of(ha, hb)).get(0);
    KerasTensor score = new Dense(1).activation("sigmoid").name("score").apply(c);
    KerasTensor label = new Dense(3).activation("softmax").name("label").apply(s);
    return new Model(List.of(a, b), List.of(score, label)).name("two_heads");
  }

  /** A Sequential and a functional model inside a functional one. */
  static Model nested() {
    Sequential innerSeq = new Sequential(new InputLayer(8), new Dense(8).activation("relu").name("inner_dense1"),
        new Dense(4).name("inner_dense2")).name("inner_seq");
    KerasTensor x = Input.of(Shape.of(4), "inner_in");
    Model innerFn = new Model(x, new Dense(2).activation("tanh").name("inner_fn_dense").apply(x)).name("inner_fn");
    KerasTensor i = Input.of(Shape.of(8), "outer_in");
    KerasTensor h = innerSeq.apply(i);
    KerasTensor h2 = innerFn.apply(h);
    KerasTensor c = new Concatenate().name("outer_concat").apply(List.of(h, h2)).get(0);
    return new Model(i, new Dense(1).name("outer_out").apply(c)).name("outer");
  }

  static PlotModelOptions all() {
    return new PlotModelOptions().showShapes(true).showDtype(true).showLayerActivations(true).showTrainable(true);
  }

  static Stream<Arguments> cases() {
    Supplier<Model> seq = ModelVisualizationTest::sequential;
    Supplier<Model> heads = ModelVisualizationTest::twoHeads;
    Supplier<Model> outer = ModelVisualizationTest::nested;
    return Stream.of(
        Arguments.of("seq__default", seq, new PlotModelOptions()),
        Arguments.of("seq__all_lr", seq, all().rankdir("LR")),
        Arguments.of("two_heads__default", heads, new PlotModelOptions()),
        Arguments.of("two_heads__all", heads, all()),
        Arguments.of("two_heads__no_names", heads, new PlotModelOptions().showLayerNames(false).showShapes(true)),
        Arguments.of("outer__default", outer, new PlotModelOptions()),
        Arguments.of("outer__all", outer, all()),
        Arguments.of("outer__expand", outer, new PlotModelOptions().expandNested(true)),
        Arguments.of("outer__expand_all", outer, all().expandNested(true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sameGraphAsKeras(String golden, Supplier<Model> make, PlotModelOptions options) throws IOException {
    DotParser.ParsedDot keras = DotParser.parse(resource(golden + ".dot"));
    try (Model model = make.get()) {
      DotGraph dot = ModelVisualization.modelToDot(model, options);
      DotParser.ParsedDot ours = DotParser.parse(dot.toDotString());
      assertEquals(dot.nodes().size(), ours.nodes().size(), "the reader finds every node written");
      assertEquals(dot.edges().size(), ours.edges().size(), "the reader finds every edge written");
      assertEquals(EXPECTED_COUNTS.get(golden), List.of(keras.nodes().size(), keras.edges().size()),
          "Keras' nodes and edges, counted by hand");
      assertEquals(keras.graphAttributes(), ours.graphAttributes(), "graph and cluster attributes");
      assertEquals(sorted(nodeKeys(keras)), sorted(nodeKeys(ours)), "nodes (label fields and cluster)");
      assertEquals(sorted(edgeKeys(keras)), sorted(edgeKeys(ours)), "edges");
      for (DotParser.ParsedNode n : ours.nodes().values()) {
        assertEquals(Map.of("fontname", "Helvetica", "border", "0", "margin", "0"), withoutLabel(n.attributes()));
      }
    }
  }

  @Test
  void labelHtmlIsKerasOwnForAKnownLayer() throws IOException {
    // the whole label string, not only its fields: Keras' header colspan counts the options, not the cells
    String keras = DotParser.parse(resource("two_heads__all.dot")).nodes().values().stream()
        .map(n -> n.attributes().get("label")).filter(l -> l.contains("<b>dense_b</b>")).findFirst().orElseThrow();
    try (Model model = twoHeads()) {
      String ours = ModelVisualization.modelToDot(model, all()).nodes().stream()
          .filter(n -> n.label().name().equals("dense_b")).findFirst().orElseThrow().label().toHtml();
      assertEquals("<" + keras + ">", ours);
    }
  }

  @Test
  void plotModelHidesLayerNamesByDefaultAsKerasDoes() {
    PlotModelOptions o = new PlotModelOptions();
    assertTrue(o.showLayerNamesOr(true));
    assertTrue(!o.showLayerNamesOr(false));
    assertTrue(o.showLayerNames(true).showLayerNamesOr(false));
  }

  @Test
  void rejectsWhatKerasRejects() {
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> new PlotModelOptions().layerRange("dense_a", "score"));
    assertTrue(range.getMessage().contains("`layer_range` is no longer supported"), range.getMessage());
    IllegalArgumentException dir = assertThrows(IllegalArgumentException.class,
        () -> new PlotModelOptions().rankdir("UP"));
    assertTrue(dir.getMessage().contains("Received: rankdir=UP"), dir.getMessage());
    try (Sequential unbuilt = new Sequential(new Dense(2).name("d"))) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> ModelVisualization.modelToDot(unbuilt));
      assertTrue(e.getMessage().contains("has not yet been built"), e.getMessage());
    }
  }

  private static Map<String, String> withoutLabel(Map<String, String> attributes) {
    Map<String, String> a = new java.util.LinkedHashMap<>(attributes);
    a.remove("label");
    return a;
  }

  /** A node as its label's fields and its cluster. */
  private static String key(DotParser.ParsedDot dot, String id) {
    DotParser.ParsedNode n = dot.nodes().get(id);
    return DotParser.fields(n.attributes().get("label")) + " in [" + n.cluster() + "]";
  }

  private static List<String> nodeKeys(DotParser.ParsedDot dot) {
    return dot.nodes().keySet().stream().map(id -> key(dot, id)).toList();
  }

  private static List<String> edgeKeys(DotParser.ParsedDot dot) {
    List<String> keys = new ArrayList<>();
    for (DotParser.ParsedEdge e : dot.edges()) {
      keys.add(key(dot, e.source()) + " -> " + key(dot, e.target()) + " " + e.attributes());
    }
    return keys;
  }

  private static List<String> sorted(List<String> l) {
    return l.stream().sorted().toList();
  }

  static String resource(String name) throws IOException {
    try (InputStream in = ModelVisualizationTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("Missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
