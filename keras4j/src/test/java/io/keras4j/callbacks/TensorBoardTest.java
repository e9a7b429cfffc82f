package io.keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.layers.Dense;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
import io.keras4j.backend.Backend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The TensorBoard callback's event files, read back with the independent {@link EventFileReader}: the same tags,
 * steps, plugins, dtypes and shapes as Keras 3.15.1 writes for the same model and data (tensorboard_reference.json,
 * from tools/keras-reference/tensorboard_logs.py), and values equal to the History's.
 */
class TensorBoardTest {
  @TempDir
  Path dir;

  @SuppressWarnings("unchecked")
  static Map<String, Object> reference() throws IOException {
    try (InputStream in = TensorBoardTest.class.getResourceAsStream("tensorboard_reference.json")) {
      return new ObjectMapper().readValue(in, Map.class);
    }
  }

  static float[][] matrix(Object rows) {
    List<?> r = (List<?>) rows;
    float[][] out = new float[r.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = floats(r.get(i));
    }
    return out;
  }

  static float[] floats(Object values) {
    List<?> v = (List<?>) values;
    float[] out = new float[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) v.get(i)).floatValue();
    }
    return out;
  }

  /** Keras' model: Sequential "tiny", Dense(4, relu) and Dense(2, softmax), the reference's weights, SGD(0.1). */
  static Sequential tiny(Map<String, Object> ref) {
    Backend.setRandomSeed(1);
    Sequential m = new Sequential();
    m.name("tiny");
    m.add(new Dense(4).activation("relu").name("dense").inputDim(3));
    m.add(new Dense(2).activation("softmax").name("dense_1"));
    m.compile(new io.keras4j.models.CompileOptions().optimizer(new SGD(0.1))
        .loss("sparse_categorical_crossentropy").metrics("accuracy"));
    List<?> w = (List<?>) ref.get("initial_weights");
    float[] k0 = floats(w.get(0));
    float[] k1 = floats(w.get(2));
    m.setWeights(List.of(reshape(k0, 3, 4), floats(w.get(1)), reshape(k1, 4, 2), floats(w.get(3))));
    return m;
  }

  static float[][] reshape(float[] flat, int rows, int cols) {
    float[][] out = new float[rows][cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(flat, i * cols, out[i], 0, cols);
    }
    return out;
  }

  static TensorBoard callback(Path logDir, Map<?, ?> args) {
    TensorBoard tb = new TensorBoard(logDir).histogramFreq(((Number) args.get("histogram_freq")).intValue());
    if (Boolean.TRUE.equals(args.get("write_images"))) {
      tb.writeImages(true);
    }
    if (Boolean.TRUE.equals(args.get("write_steps_per_second"))) {
      tb.writeStepsPerSecond(true);
    }
    Object freq = args.get("update_freq");
    return freq instanceof Number n ? tb.updateFreq(n.intValue()) : tb.updateFreq((String) freq);
  }

  static List<String> describe(List<EventFileReader.Event> events) {
    List<String> out = new ArrayList<>();
    for (EventFileReader.Event e : events) {
      for (EventFileReader.Value v : e.values()) {
        String dtype = v.dtype() == 1 ? "float32" : v.dtype() == 2 ? "float64" : v.dtype() == 7 ? "string" : "?";
        out.add(v.tag() + " @" + e.step() + " " + v.plugin() + " " + dtype + " " + v.shape());
      }
    }
    return out;
  }

  static List<String> describeReference(Object values) {
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) values) {
      List<?> v = (List<?>) o;
      out.add(v.get(0) + " @" + v.get(1) + " " + v.get(2) + " " + v.get(3) + " " + v.get(4));
    }
    return out;
  }

  static Map<String, List<Double>> fit(Map<String, Object> ref, TensorBoard tb) {
    Sequential m = tiny(ref);
    return m.fit(matrix(ref.get("x")), floats(ref.get("y")), new FitOptions().epochs(2).batchSize(4).shuffle(false)
        .verbose(0).validationData(matrix(ref.get("x_val")), floats(ref.get("y_val"))).callbacks(tb)).history();
  }

  @ParameterizedTest
  @ValueSource(strings = {"batch", "epoch", "2"})
  void writesKerasTagsAndStepsInKerasOrder(String run) throws IOException {
    Map<String, Object> ref = reference();
    Map<?, ?> kerasRun = (Map<?, ?>) ((Map<?, ?>) ref.get("runs")).get(run);
    fit(ref, callback(dir, (Map<?, ?>) kerasRun.get("args")));
    for (String sub : List.of("train", "validation")) {
      assertEquals(describeReference(kerasRun.get(sub)), describe(EventFileReader.readDir(dir.resolve(sub))), sub);
      try (var files = Files.list(dir.resolve(sub))) {
        List<Path> events = files.toList();
        assertEquals(1, events.size(), sub + ": one event file, as Keras writes");
        assertTrue(Pattern.matches("events\\.out\\.tfevents\\.\\d{10}\\.[^.]+(\\.[^.]+)*\\.\\d+\\.\\d+\\.v2",
            events.get(0).getFileName().toString()), events.get(0).toString());
      }
    }
  }

  @Test
  void scalarsEqualTheHistoryAndKerasNumbers() throws IOException {
    Map<String, Object> ref = reference();
    Map<String, List<Double>> history = fit(ref, new TensorBoard(dir).updateFreq("batch"));
    Map<?, ?> keras = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ref.get("runs")).get("batch")).get("history");
    List<EventFileReader.Event> train = EventFileReader.readDir(dir.resolve("train"));
    List<EventFileReader.Event> val = EventFileReader.readDir(dir.resolve("validation"));
    assertEquals("brain.Event:2", train.get(0).fileVersion());
    for (int epoch = 0; epoch < 2; epoch++) {
      for (String name : List.of("loss", "accuracy")) {
        assertEquals(history.get(name).get(epoch).floatValue(), scalar(train, "epoch_" + name, epoch));
        assertEquals(history.get("val_" + name).get(epoch).floatValue(), scalar(val, "epoch_" + name, epoch));
        // the same training as Keras' (same weights, data, order): the same numbers within float32 rounding
        assertEquals(((Number) ((List<?>) keras.get(name)).get(epoch)).doubleValue(), history.get(name).get(epoch),
            1e-5, name);
        // validation runs after 3 steps per epoch: Keras' step is optimizer.iterations
        assertEquals(history.get("val_" + name).get(epoch).floatValue(),
            scalar(val, "evaluation_" + name + "_vs_iterations", 3 * (epoch + 1)));
      }
      assertEquals(0.1f, scalar(train, "epoch_learning_rate", epoch));
    }
    // the last batch's running loss is the epoch's loss
    assertEquals(history.get("loss").get(1).floatValue(), scalar(train, "batch_loss", 6));
  }

  static float scalar(List<EventFileReader.Event> events, String tag, long step) {
    EventFileReader.Value v = value(events, tag, step);
    assertEquals("scalars", v.plugin(), tag);
    return v.scalar();
  }

  static EventFileReader.Value value(List<EventFileReader.Event> events, String tag, long step) {
    for (EventFileReader.Event e : events) {
      for (EventFileReader.Value v : e.values()) {
        if (v.tag().equals(tag) && e.step() == step) {
          return v;
        }
      }
    }
    throw new AssertionError("No " + tag + " at step " + step);
  }

  @Test
  void histogramsAndImagesOfTheFinalWeights() throws IOException {
    Map<String, Object> ref = reference();
    Sequential m = tiny(ref);
    m.fit(matrix(ref.get("x")), floats(ref.get("y")), new FitOptions().epochs(2).batchSize(4).shuffle(false)
        .verbose(0).callbacks(new TensorBoard(dir).histogramFreq(1).writeImages(true)));
    List<EventFileReader.Event> train = EventFileReader.readDir(dir.resolve("train"));
    float[] kernel = m.getWeights().get(0).toFloatArray(); // 3 x 4, row-major
    double[][] h = value(train, "tiny/dense/kernel/histogram", 1).histogram();
    assertEquals(30, h.length);
    float min = kernel[0];
    float max = kernel[0];
    for (float k : kernel) {
      min = Math.min(min, k);
      max = Math.max(max, k);
    }
    assertEquals(min, h[0][0], 0);
    assertEquals(max, h[29][1], 0);
    double width = ((double) max - min) / 30;
    for (int b = 0; b < 30; b++) {
      int count = 0;
      for (float k : kernel) {
        int bucket = (int) Math.floor((k - (double) min) / width);
        count += Math.min(bucket, 29) == b ? 1 : 0;
      }
      assertEquals(count, h[b][2], 0, "bucket " + b);
    }
    // a 3 x 4 kernel is one 4-wide, 3-high grey image; pixel = clip(w * 255.5, 0, 255) truncated
    EventFileReader.Value image = value(train, "tiny/dense/kernel/image", 1);
    assertEquals("images", image.plugin());
    assertEquals("4", EventFileReader.text(image.strings().get(0)));
    assertEquals("3", EventFileReader.text(image.strings().get(1)));
    byte[] expected = new byte[12];
    for (int i = 0; i < 12; i++) {
      expected[i] = (byte) Math.max(0, Math.min(255, (int) Math.floor(kernel[i] * 255.5)));
    }
    assertArrayEquals(expected, PngPixels.grey(image.strings().get(2), 4, 3));
  }

  @Test
  void writesTheModelConfigForTheGraphDashboard() throws IOException {
    Sequential m = tiny(reference());
    new TensorBoard(dir).setModel(m);
    EventFileReader.Value keras = value(EventFileReader.readDir(dir.resolve("train")), "keras", 0);
    assertEquals("graph_keras_model", keras.plugin());
    assertEquals("1", keras.pluginContent());
    assertEquals(m.toJson(), EventFileReader.text(keras.strings().get(0)));
    Path other = dir.resolve("nograph");
    new TensorBoard(other).writeGraph(false).setModel(m);
    assertFalse(Files.exists(other.resolve("train")), "no event file until something is written, as Keras");
  }

  @Test
  void theReaderReadsTensorFlowsFileAndDetectsACorruptedByte() throws IOException {
    Path keras = dir.resolve("keras.tfevents");
    try (InputStream in = getClass().getResourceAsStream("keras_validation.tfevents")) {
      Files.copy(in, keras);
    }
    List<EventFileReader.Event> events = EventFileReader.read(keras);
    assertEquals("brain.Event:2", events.get(0).fileVersion());
    Map<?, ?> run = (Map<?, ?>) ((Map<?, ?>) reference().get("runs")).get("epoch");
    assertEquals(describeReference(run.get("validation")), describe(events));
    byte[] bytes = Files.readAllBytes(keras);
    for (int position : new int[] {2, 20, bytes.length - 10}) {
      byte[] corrupted = bytes.clone();
      corrupted[position] ^= 0x10;
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> EventFileReader.records(corrupted));
      assertTrue(e.getMessage().contains("CRC") || e.getMessage().contains("Truncated"), e.getMessage());
    }
  }

  @Test
  void aStandaloneEvaluateLogsAtTheOptimizersIterations() throws IOException {
    Map<String, Object> ref = reference();
    Sequential m = tiny(ref);
    float[][] x = matrix(ref.get("x"));
    float[] y = floats(ref.get("y"));
    m.fit(x, y, new FitOptions().epochs(1).batchSize(4).shuffle(false).verbose(0));
    Map<String, Double> logs = m.evaluate(matrix(ref.get("x_val")), floats(ref.get("y_val")),
        new io.keras4j.models.EvaluateOptions().batchSize(4).callbacks(new TensorBoard(dir)));
    List<EventFileReader.Event> val = EventFileReader.readDir(dir.resolve("validation"));
    // 12 samples in batches of 4: 3 optimizer steps
    assertEquals(logs.get("loss").floatValue(), scalar(val, "evaluation_loss_vs_iterations", 3));
    assertEquals(logs.get("accuracy").floatValue(), scalar(val, "evaluation_accuracy_vs_iterations", 3));
  }

  @Test
  void updateFreqEpochReadsNoBatchLogs() {
    assertFalse(new TensorBoard(dir).readsBatchLogs("train"));
    assertTrue(new TensorBoard(dir).updateFreq("batch").readsBatchLogs("train"));
    assertFalse(new TensorBoard(dir).updateFreq(5).readsBatchLogs("test"));
  }

  @Test
  void invalidArgumentsSayWhatWasReceived() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new TensorBoard().updateFreq("weekly"))
        .getMessage().contains("Received: update_freq=weekly"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new TensorBoard().updateFreq(0))
        .getMessage().contains("Received: update_freq=0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new TensorBoard().profileBatch(5, 2))
        .getMessage().contains("Found: (5, 2)"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new TensorBoard().histogramFreq(-1))
        .getMessage().contains("histogram_freq=-1"));
  }
}
