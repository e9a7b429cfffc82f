package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Backend;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.data.NDArray;
import io.keras4j.models.Sequential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Embedding looks rows up by index, masks index 0 with mask_zero, trains only the rows it used. */
class EmbeddingTest {
  private static final float[][] TABLE = {{0, 0}, {1, 2}, {3, 4}, {5, 6}};

  /** The output and, as 0/1, the output mask of {@code layer} on float indices {@code x} of shape (2, 3). */
  private static List<float[]> outputAndMask(Embedding layer, float[] x) {
    return GraphFixture.eval(List.of(x), List.of(Shape.of(2, 3)), in -> {
      Tensor y = layer.applyAll(in, false).get(0);
      List<Tensor> out = new ArrayList<>(List.of(y));
      Tensor mask = Backend.getKerasMask(y);
      if (mask != null) {
        out.add(Backend.ops().cast(mask, "float32"));
      }
      return out;
    });
  }

  @Test
  void looksUpTheRowOfEachIndex() {
    List<float[]> r = outputAndMask(new Embedding(4, 2).weights(TABLE), new float[] {1, 0, 2, 3, 3, 0});
    assertArrayEquals(new float[] {1, 2, 0, 0, 3, 4, 5, 6, 5, 6, 0, 0}, r.get(0));
    assertEquals(1, r.size(), "no mask without mask_zero");
  }

  @Test
  void maskZeroMasksThePaddingIndex() {
    Embedding e = new Embedding(4, 2).weights(TABLE).maskZero(true);
    assertTrue(e.supportsMasking());
    List<float[]> r = outputAndMask(e, new float[] {1, 0, 2, 3, 3, 0});
    assertArrayEquals(new float[] {1, 0, 1, 1, 1, 0}, r.get(1));
    assertFalse(new Embedding(4, 2).supportsMasking(), "Keras: supports_masking = mask_zero");
  }

  @Test
  void floatIndicesAreTruncatedAsKerasCastsThem() {
    List<float[]> r = outputAndMask(new Embedding(4, 2).weights(TABLE), new float[] {1.9f, 0, 2.2f, 3, 3, 0});
    assertArrayEquals(new float[] {1, 2, 0, 0, 3, 4, 5, 6, 5, 6, 0, 0}, r.get(0));
  }

  @Test
  void outputShapeAppendsOutputDim() {
    assertEquals(Shape.of(-1, 7, 5), new Embedding(10, 5).apply(Input.of(7)).shape());
    assertEquals(Shape.of(-1, -1, 5), new Embedding(10, 5).apply(Input.of(-1)).shape());
  }

  @Test
  void trainingMovesOnlyTheRowsLookedUp() {
    Embedding e = new Embedding(5, 3).maskZero(true);
    Sequential model = new Sequential(new InputLayer(4), e, new GlobalAveragePooling1D(), new Dense(1));
    model.compile("sgd", "mse");
    NDArray before = e.getWeights().get(0);
    model.trainOnBatch(new HostArray(new float[] {1, 2, 0, 0, 2, 1, 1, 0}, Shape.of(2, 4)),
        new HostArray(new float[] {1, -1}, Shape.of(2, 1)));
    float[] b = before.toFloatArray();
    float[] a = e.getWeights().get(0).toFloatArray();
    for (int row = 0; row < 5; row++) {
      boolean moved = false;
      for (int j = 0; j < 3; j++) {
        moved |= a[row * 3 + j] != b[row * 3 + j];
      }
      assertEquals(row == 1 || row == 2, moved, "row " + row + (row == 0 ? " (masked padding)" : ""));
    }
    model.close();
  }

  @Test
  void initializerDrawsWithinKerasUniformRange() {
    Embedding e = new Embedding(50, 8);
    e.apply(Input.of(3));
    float[] w = e.getWeights().get(0).toFloatArray();
    assertEquals(400, w.length);
    float max = 0;
    for (float v : w) {
      max = Math.max(max, Math.abs(v));
    }
    assertTrue(max <= 0.05f && max > 0.04f, "RandomUniform(-0.05, 0.05); largest |w| " + max);
  }

  @Test
  void configRoundTripsWithKerasKeys() {
    Embedding e = new Embedding(100, 16).maskZero(true).embeddingsRegularizer("l2").name("emb");
    Map<String, Object> c = e.getConfig();
    assertEquals(List.of("name", "trainable", "dtype", "input_dim", "output_dim", "embeddings_initializer",
        "embeddings_regularizer", "activity_regularizer", "embeddings_constraint", "mask_zero",
        "quantization_config"), new ArrayList<>(c.keySet()));
    Embedding back = (Embedding) Layers.fromConfig("Embedding", c);
    assertEquals(c, back.getConfig());
    assertTrue(back.maskZero());
  }

  @Test
  void keras2ConfigWithInputLengthLoads() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", "embedding_1");
    c.put("trainable", true);
    c.put("batch_input_shape", java.util.Arrays.asList(null, 10));
    c.put("dtype", "float32");
    c.put("input_dim", 1000);
    c.put("output_dim", 64);
    Map<String, Object> init = new LinkedHashMap<>();
    init.put("minval", -0.05);
    init.put("maxval", 0.05);
    init.put("seed", null);
    c.put("embeddings_initializer", Map.of("class_name", "RandomUniform", "config", init));
    c.put("embeddings_regularizer", null);
    c.put("activity_regularizer", null);
    c.put("embeddings_constraint", null);
    c.put("mask_zero", true);
    c.put("input_length", 10);
    Embedding e = (Embedding) Layers.fromConfig("Embedding", c);
    assertEquals(1000, e.inputDim());
    assertTrue(e.maskZero());
    assertEquals(Shape.of(-1, 10), e.declaredInputShape());
  }

  @Test
  void keras1ConfigKeysAreRead() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", "embedding_1");
    c.put("trainable", true);
    c.put("batch_input_shape", java.util.Arrays.asList(null, 8));
    c.put("input_dtype", "int32");
    c.put("input_dim", 50);
    c.put("output_dim", 4);
    c.put("init", "glorot_uniform");
    c.put("input_length", 8);
    c.put("W_regularizer", null);
    c.put("activity_regularizer", null);
    c.put("W_constraint", null);
    c.put("mask_zero", true);
    c.put("dropout", 0.0);
    Embedding e = (Embedding) Layers.fromConfig("Embedding", c);
    Map<String, Object> back = e.getConfig();
    assertEquals("GlorotUniform", ((Map<?, ?>) back.get("embeddings_initializer")).get("class_name"));
    assertEquals(Shape.of(-1, 8), e.declaredInputShape());
    assertTrue(e.maskZero());
  }

  @Test
  void refusesBadArgumentsNamingThem() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new Embedding(0, 3)).getMessage()
        .contains("Received: input_dim=0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new Embedding(3, -1)).getMessage()
        .contains("Received: output_dim=-1"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new Embedding(3, 2).loraRank(4)).getMessage()
        .contains("lora_rank=4"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new Embedding(3, 2).weights(TABLE)).getMessage()
        .contains("(3, 2)"));
  }

  @Test
  void noMaskAndNoneComputedWithoutMaskZero() {
    assertNull(new Embedding(3, 2).computeMask((Tensor) null, (Tensor) null));
  }
}
