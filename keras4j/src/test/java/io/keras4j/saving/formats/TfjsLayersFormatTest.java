package io.keras4j.saving.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Input;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.saving.KerasFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TensorFlow.js layers models: the fixture and the nsfwjs MobileNetV2 written by tools/keras-reference/
 * tfjs_reference.py, whose predictions Keras 3.15.1 computed from the same files.
 */
class TfjsLayersFormatTest {
  static final Path FIXTURE = Path.of("src/test/resources/io/keras4j/saving/formats/tfjs_fixture");
  static final Path NSFWJS_REFERENCE = Path.of("src/test/resources/io/keras4j/saving/formats/"
      + "tfjs_nsfwjs_reference.json");
  /** ../shared/data beside the checkout (one level further up from a worktree under /work/wt). */
  static final Path NSFWJS = (Files.isDirectory(Path.of("..", "..", "shared", "data"))
      ? Path.of("..", "..", "shared", "data") : Path.of("..", "..", "..", "shared", "data"))
      .resolve("pretrained/nsfwjs-mobilenet_v2");
  static final ObjectMapper JSON = new ObjectMapper();

  /** The image of tfjs_reference.py: 0.5 + 0.5 sin(0.05 x + 0.03 y (b + 1) + 1.7 c + b). */
  static float[] images(int batch, int size) {
    float[] out = new float[batch * size * size * 3];
    int i = 0;
    for (int b = 0; b < batch; b++) {
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          for (int c = 0; c < 3; c++) {
            out[i++] = (float) (0.5 + 0.5 * Math.sin(0.05 * x + 0.03 * y * (b + 1) + 1.7 * c + b));
          }
        }
      }
    }
    return out;
  }

  /** The numbers of a nested JSON list, flattened in row-major order. */
  static float[] flat(Object nested) {
    List<Float> out = new java.util.ArrayList<>();
    collect(nested, out);
    float[] f = new float[out.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = out.get(i);
    }
    return f;
  }

  private static void collect(Object o, List<Float> out) {
    if (o instanceof List<?> l) {
      l.forEach(e -> collect(e, out));
    } else {
      out.add(((Number) o).floatValue());
    }
  }

  @Test
  void halfPrecisionDecodesByBits() {
    assertEquals(1.0f, TfjsWeights.halfToFloat((short) 0x3C00));
    assertEquals(-2.0f, TfjsWeights.halfToFloat((short) 0xC000));
    assertEquals(65504f, TfjsWeights.halfToFloat((short) 0x7BFF));
    assertEquals((float) Math.pow(2, -24), TfjsWeights.halfToFloat((short) 0x0001)); // smallest subnormal
    assertEquals(1 + 1 / 1024f, TfjsWeights.halfToFloat((short) 0x3C01));
    assertEquals(Float.NEGATIVE_INFINITY, TfjsWeights.halfToFloat((short) 0xFC00));
    assertTrue(Float.isNaN(TfjsWeights.halfToFloat((short) 0x7E00)));
  }

  @Test
  @SuppressWarnings("unchecked")
  void fixtureWithEveryQuantizationPredictsAsKeras() throws Exception {
    Map<String, Object> expected = JSON.readValue(FIXTURE.resolve("expected.json").toFile(), Map.class);
    assertTrue(((List<String>) expected.get("quantizations")).containsAll(List.of("uint8", "uint16", "float16",
        "float32")));
    try (Model m = Models.loadModel(FIXTURE)) {
      float[] got = m.predict(NDArray.of(flat(expected.get("input")), 2, 12, 12, 3)).toFloatArray();
      assertArrayEquals(flat(expected.get("predictions")), got, 1e-5f);
      Map<String, Object> first = (Map<String, Object>) expected.get("first_values");
      assertEquals(((Number) first.get("conv/kernel")).floatValue(), m.getLayer("conv").weights().get(0)
          .floatValue()[0], 1e-7f);
      assertEquals(((Number) first.get("dw/kernel")).floatValue(), m.getLayer("dw").weights().get(0)
          .floatValue()[0], 1e-7f);
    }
  }

  @Test
  void uint8DequantizesAsMinPlusScaleTimesByte() throws Exception {
    Path dir = Files.createTempDirectory("tfjs");
    Files.write(dir.resolve("w.bin"), new byte[] {0, 1, (byte) 255, 16, 0, 60});
    String manifest = "[{\"paths\": [\"w.bin\"], \"weights\": ["
        + "{\"name\": \"a\", \"shape\": [4], \"dtype\": \"float32\","
        + " \"quantization\": {\"dtype\": \"uint8\", \"min\": -1.0, \"scale\": 0.5}},"
        + "{\"name\": \"b\", \"shape\": [], \"dtype\": \"float32\", \"quantization\": {\"dtype\": \"float16\"}}]}]";
    Map<String, NDArray> w = TfjsLayersFormat.readWeights(JSON.readValue(manifest, List.class),
        dir.resolve("model.json"));
    assertArrayEquals(new float[] {-1f, -0.5f, 126.5f, 7f}, w.get("a").toFloatArray());
    assertArrayEquals(new float[] {1f}, w.get("b").toFloatArray()); // bytes 00 3C: half 1.0
  }

  @Test
  void writesFloat32ShardsOfFourMebibytesAndReadsThemBack(@TempDir Path dir) {
    try (Model m = bigDense()) {
      float[] x = new float[1100];
      x[3] = 1f;
      x[1099] = -2f;
      float[] before = m.predict(NDArray.of(x, 1, 1100)).toFloatArray();
      TfjsLayersFormat.save(m, dir);
      long total = 4L * (1100 * 1000 + 1000);
      assertEquals(TfjsLayersFormat.SHARD_BYTES, dir.resolve("group1-shard1of2.bin").toFile().length());
      assertEquals(total - TfjsLayersFormat.SHARD_BYTES, dir.resolve("group1-shard2of2.bin").toFile().length());
      try (Model back = Models.loadModel(dir.resolve("model.json"))) {
        assertArrayEquals(before, back.predict(NDArray.of(x, 1, 1100)).toFloatArray(), 0f);
      }
    }
  }

  private static Model bigDense() {
    var input = Input.of(1100);
    return new Model(input, new Dense(1000).name("big").apply(input));
  }

  @Test
  void aWeightMatchingNoLayerIsAnError(@TempDir Path dir) throws Exception {
    for (String f : List.of("model.json", "group1-shard1of2.bin", "group1-shard2of2.bin")) {
      Files.copy(FIXTURE.resolve(f), dir.resolve(f));
    }
    Path json = dir.resolve("model.json");
    Files.writeString(json, Files.readString(json).replace("\"fc/bias\"", "\"fc/offset\""));
    KerasFileException e = assertThrows(KerasFileException.class, () -> Models.loadModel(dir));
    assertTrue(e.getMessage().contains("fc/bias") && e.getMessage().contains("fc/offset"), e.getMessage());
  }

  @Test
  @SuppressWarnings("unchecked")
  void nsfwjsMobileNetV2ClassifiesAsKeras() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(NSFWJS), "needs ../shared/data/pretrained/nsfwjs-mobilenet_v2");
    Map<String, Object> ref = JSON.readValue(NSFWJS_REFERENCE.toFile(), Map.class);
    try (Model m = Models.loadModel(NSFWJS)) {
      assertEquals(266, m.weights().size());
      assertEquals(((Number) ref.get("weights")).intValue(), m.weights().size());
      assertEquals(((Number) ref.get("params")).longValue(), m.countParams());
      float[] p = m.predict(NDArray.of(images(3, 224), 3, 224, 224, 3)).toFloatArray();
      for (int b = 0; b < 3; b++) {
        double sum = 0;
        for (int k = 0; k < 5; k++) {
          assertTrue(p[5 * b + k] >= 0);
          sum += p[5 * b + k];
        }
        assertEquals(1.0, sum, 1e-5);
      }
      assertArrayEquals(flat(ref.get("predictions")), p, 1e-4f);
    }
  }
}
