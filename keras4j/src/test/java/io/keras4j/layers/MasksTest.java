package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.KerasTensor;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.models.Sequential;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Masks travel as in Keras 3's Layer.__call__: layers that support masking pass them on (or compute their own),
 * others drop them with a warning, through Sequential, functional and nested models and models read from files.
 */
class MasksTest {
  /** Outputs its input's mask as 0/1, or -1 at every step when there is none: (batch, steps, f) to (batch, steps). */
  static final class MaskProbe extends Layer {
    @Override
    protected Tensor call(Tensor input, Tensor mask, boolean training) {
      Ops ops = ops();
      Tensor zeros = ops.multiply(ops.sum(input, new int[] {-1}, false), ops.constant(0f));
      return mask == null ? ops.subtract(zeros, ops.constant(1f)) : ops.add(zeros, ops.cast(mask, "float32"));
    }

    @Override
    protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
      Shape s = in.get(0);
      return List.of(s.rank() == 2 ? s : Shape.of(s.get(0), s.get(1)));
    }
  }

  /** A layer that neither overrides computeMask nor declares masking support: it drops masks. */
  static class Doubler extends Layer {
    @Override
    protected Tensor call(Tensor input, boolean training) {
      return ops().multiply(input, ops().constant(2f));
    }

    @Override
    protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
      return in;
    }
  }

  /** Overrides computeMask only: Keras then supports masking by default. */
  static final class OwnMask extends Doubler {
    @Override
    public Tensor computeMask(Tensor input, Tensor mask) {
      return mask;
    }
  }

  private static final float[] PADDED = {1, 2, 0, 0, /* sample 2 */ 3, 0, 4, 0};
  private static final float[] MASK = {1, 1, 0, 0, 1, 0, 1, 0};

  private static float[] predict(Model model, float[] x, int steps) {
    return model.predict(new io.keras4j.backend.HostArray(x, Shape.of(x.length / steps, steps))).toFloatArray();
  }

  @Test
  void supportsMaskingDefaultsToWhetherComputeMaskIsOverridden() {
    assertFalse(new Doubler().supportsMasking());
    assertTrue(new OwnMask().supportsMasking());
    assertTrue(new Dense(2).supportsMasking());
    assertTrue(new Dropout(0.5).supportsMasking());
    assertTrue(new SpatialDropout1D(0.5).supportsMasking(), "inherits Dropout's, as in Keras");
    assertTrue(new LayerNormalization().supportsMasking());
    assertTrue(new Add().supportsMasking());
    assertFalse(new Flatten().supportsMasking());
    assertFalse(new GlobalMaxPooling1D().supportsMasking(), "Keras 3 masks only the average pooling");
    assertFalse(new Reshape(4).supportsMasking());
  }

  @Test
  void sequentialPassesTheMaskThroughLayersThatSupportIt() {
    Sequential model = new Sequential(new InputLayer(4), new Embedding(5, 3).maskZero(true), new Dense(3),
        new Dropout(0.3), new Activation("tanh"), new LayerNormalization(), new MaskProbe());
    assertArrayEquals(MASK, predict(model, PADDED, 4));
    model.close();
  }

  @Test
  void aLayerWithoutMaskingSupportDropsTheMaskWithKerasWarning() {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Sequential model;
    float[] out;
    try {
      Doubler dropper = new Doubler();
      dropper.name("doubler");
      model = new Sequential(new InputLayer(4), new Embedding(5, 3).maskZero(true), dropper, new MaskProbe());
      out = predict(model, PADDED, 4);
    } finally {
      System.setErr(err);
    }
    assertArrayEquals(new float[] {-1, -1, -1, -1, -1, -1, -1, -1}, out);
    assertTrue(captured.toString(StandardCharsets.UTF_8).contains("Layer 'doubler' (of type Doubler) was passed an "
        + "input with a mask attached to it. However, this layer does not support masking and will therefore "
        + "destroy the mask information."), captured.toString(StandardCharsets.UTF_8));
    model.close();
  }

  @Test
  void overridingComputeMaskIsEnoughToPassTheMask() {
    Sequential model = new Sequential(new InputLayer(4), new Embedding(5, 3).maskZero(true), new OwnMask(),
        new MaskProbe());
    assertArrayEquals(MASK, predict(model, PADDED, 4));
    model.close();
  }

  @Test
  void lambdaPassesAMaskOnlyWithAMaskFunction() {
    Lambda keeps = new Lambda(x -> ops().multiply(x, ops().constant(3f))).mask((x, m) -> m);
    Lambda drops = new Lambda(x -> ops().multiply(x, ops().constant(3f)));
    assertTrue(keeps.supportsMasking());
    assertFalse(drops.supportsMasking(), "Keras: supports_masking = mask is not None");
    Sequential kept = new Sequential(new InputLayer(4), new Embedding(5, 3).maskZero(true), keeps, new MaskProbe());
    assertArrayEquals(MASK, predict(kept, PADDED, 4));
    // a new output tensor: one that already carries a mask keeps it, as Keras' _set_mask_metadata skips it
    Lambda inverts = new Lambda(x -> ops().multiply(x, ops().constant(1f))).mask((x, m) -> ops().logicalNot(m));
    Sequential inverted = new Sequential(new InputLayer(4), new Embedding(5, 3).maskZero(true), inverts,
        new MaskProbe());
    float[] flipped = new float[MASK.length];
    for (int i = 0; i < MASK.length; i++) {
      flipped[i] = 1 - MASK[i];
    }
    assertArrayEquals(flipped, predict(inverted, PADDED, 4));
    kept.close();
    inverted.close();
  }

  @Test
  void softmaxLeavesMaskedEntriesOutAndZero() {
    // an attention-style mask (batch, 1, keys) broadcasts against scores (batch, queries, keys)
    float[] scores = {1, 2, 3, 0.5f, 0.5f, 4, /* sample 2 */ 2, 0, 1, 1, 1, 1};
    float[] keep = {1, 1, 0, /* sample 2 */ 0, 1, 1};
    float[] out = io.keras4j.GraphFixture.eval(List.of(scores, keep), List.of(Shape.of(2, 2, 3), Shape.of(2, 1, 3)),
        in -> List.of(softmaxWithMask(in.get(0), in.get(1)))).get(0);
    double e = Math.exp(1);
    assertArrayEquals(new float[] {(float) (1 / (1 + e)), (float) (e / (1 + e)), 0, 0.5f, 0.5f, 0,
        0, (float) (1 / (1 + e)), (float) (e / (1 + e)), 0, 0.5f, 0.5f}, out, 1e-6f);
  }

  private static Tensor softmaxWithMask(Tensor scores, Tensor keep) {
    Softmax s = new Softmax();
    Tensor mask = ops().greater(keep, ops().constant(0.5f));
    return s.call(scores, mask, false);
  }

  @Test
  void softmaxRefusesASequenceMaskThatDoesNotBroadcast() {
    Sequential model = new Sequential(new InputLayer(4), new Embedding(5, 3).maskZero(true), new Softmax());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> predict(model, PADDED, 4));
    assertTrue(e.getMessage().contains("must be broadcastable"), e.getMessage());
    model.close();
  }

  private static Ops ops() {
    return io.keras4j.backend.Backend.ops();
  }

  @Test
  void masksLeaveNestedModelsAsInKeras() {
    Sequential inner = new Sequential(new InputLayer(4), new Embedding(5, 3).maskZero(true), new Dense(2));
    KerasTensor in = Input.of(4);
    Model outer = new Model(in, new MaskProbe().apply(inner.apply(in)));
    assertArrayEquals(MASK, predict(outer, PADDED, 4));
    outer.close();
  }

  @Test
  void functionalModelsCarryMasksAlongEachBranch() {
    KerasTensor in = Input.of(4);
    KerasTensor emb = new Embedding(5, 3).maskZero(true).apply(in);
    KerasTensor masked = new MaskProbe().apply(new Dense(2).apply(emb));
    KerasTensor plain = new MaskProbe().apply(new Embedding(5, 3).apply(in));
    Model model = new Model(List.of(in), List.of(masked, plain));
    List<io.keras4j.data.NDArray> out = model.predictOutputs(new io.keras4j.backend.HostArray(PADDED,
        Shape.of(2, 4)));
    assertArrayEquals(MASK, out.get(0).toFloatArray());
    assertArrayEquals(new float[] {-1, -1, -1, -1, -1, -1, -1, -1}, out.get(1).toFloatArray());
    model.close();
  }

  @Test
  void aModelReadFromAKerasFileStillMasks(@TempDir Path dir) throws Exception {
    Sequential model = new Sequential(new InputLayer(-1), new Embedding(6, 3).maskZero(true), new Dense(2),
        new GlobalAveragePooling1D());
    float[] shortSeq = predict(model, new float[] {1, 2, 5}, 3);
    float[] padded = predict(model, new float[] {1, 2, 5, 0, 0}, 5);
    assertArrayEquals(shortSeq, padded, 1e-6f, "padding is skipped by the pooling");
    Path file = dir.resolve("m.keras");
    model.save(file);
    Model loaded = Models.loadModel(file);
    assertArrayEquals(shortSeq, predict(loaded, new float[] {1, 2, 5, 0, 0}, 5), 1e-6f);
    assertTrue(Files.size(file) > 0);
    model.close();
    loaded.close();
  }

  /** Keras' predictions for its own .keras files ({@code tools/keras-reference/masked_models.py}). */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"embedding_pooled", "nested_sequential",
      "masking_concatenate", "merges", "mask_into_nested"})
  void kerasFilesPredictAsKerasDoes(String name) throws Exception {
    String dir = "/io/keras4j/models/masking/";
    com.fasterxml.jackson.databind.JsonNode c;
    try (java.io.InputStream in = MasksTest.class.getResourceAsStream(dir + "masked_models.json")) {
      c = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).get("cases").get(name);
    }
    Path file = Path.of(MasksTest.class.getResource(dir + name + ".keras").toURI());
    List<io.keras4j.backend.HostArray> xs = new java.util.ArrayList<>();
    for (int k = 0; k < c.get("x").size(); k++) {
      long[] shape = new long[c.get("shape").get(k).size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = c.get("shape").get(k).get(i).asLong();
      }
      xs.add(new io.keras4j.backend.HostArray(flat(c.get("x").get(k)), Shape.of(shape)));
    }
    float[] expected = flat(c.get("predictions"));
    try (Model model = Models.loadModel(file)) {
      float[] actual = model.predict(xs.size() == 1 ? xs.get(0) : xs).toFloatArray();
      assertArrayEquals(expected, actual, 1e-5f, name);
    }
  }

  private static float[] flat(com.fasterxml.jackson.databind.JsonNode n) {
    List<Float> out = new java.util.ArrayList<>();
    java.util.ArrayDeque<com.fasterxml.jackson.databind.JsonNode> todo = new java.util.ArrayDeque<>();
    todo.push(n);
    while (!todo.isEmpty()) {
      com.fasterxml.jackson.databind.JsonNode e = todo.pop();
      if (e.isArray()) {
        for (int i = e.size() - 1; i >= 0; i--) {
          todo.push(e.get(i));
        }
      } else {
        out.add((float) e.asDouble());
      }
    }
    float[] f = new float[out.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = out.get(i);
    }
    return f;
  }
}
