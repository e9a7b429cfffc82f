package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.callbacks.CSVLogger;
import io.keras4j.callbacks.LambdaCallback;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.Input;
import io.keras4j.layers.Layer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.StdArrays;

/** Models as layers, custom layers, freezing, several outputs, and the input types fit accepts. */
class ModelFeaturesTest {
  /** The custom layer of Layer's Javadoc: multiplies each feature by a learned scale. */
  static final class Scale extends Layer {
    Variable w;

    @Override
    protected void build(Shape s) {
      w = addWeight("w", Shape.of(s.get(-1)), "ones", null, null, true);
    }

    @Override
    protected Tensor call(Tensor x, boolean training) {
      return ops().multiply(x, ops().read(w));
    }
  }

  @Test
  void aCustomLayerTrainsLikeABuiltInOne() {
    Sequential m = new Sequential();
    m.add(new Scale().inputShape(2));
    m.compile(new io.keras4j.optimizers.SGD(0.1), "mse");
    m.fit(new float[][] {{1, 1}, {2, 2}}, new float[][] {{3, -1}, {6, -2}},
        new FitOptions().epochs(200).batchSize(2).verbose(0));
    assertArrayEquals(new float[] {3, -1}, m.getWeights().get(0).toFloatArray(), 1e-3f);
  }

  @Test
  void aModelIsALayerOfAnotherModel() {
    KerasTensor a = Input.of(2);
    Dense inner = new Dense(3).kernelInitializer("ones");
    Model base = new Model(a, inner.apply(a));
    KerasTensor b = Input.of(2);
    Dense head = new Dense(1).kernelInitializer("ones");
    Model outer = new Model(b, head.apply(base.apply(b)));
    // inner: 3 copies of x1 + x2; head: their sum
    assertArrayEquals(new float[] {9}, outer.predict(new float[][] {{1, 2}}).toFloat2D()[0], 1e-6f);
    assertEquals(9 + 4, outer.countParams());
    assertEquals(List.of(base.weights().get(0), base.weights().get(1)), outer.weights().subList(0, 2));
  }

  @Test
  void freezingTakesEffectAtTheNextCompile() {
    Sequential m = new Sequential();
    Dense first = new Dense(2);
    m.add(first.inputDim(2));
    m.add(new Dense(1));
    m.compile("sgd", "mse");
    float[][] x = {{1, 2}};
    float[] y = {3};
    m.trainOnBatch(x, y);
    first.trainable(false);
    float[] before = first.getWeights().get(0).toFloatArray();
    m.trainOnBatch(x, y);
    assertFalse(java.util.Arrays.equals(before, first.getWeights().get(0).toFloatArray()),
        "still trained until recompiled");
    m.compile("sgd", "mse");
    before = first.getWeights().get(0).toFloatArray();
    m.trainOnBatch(x, y);
    assertArrayEquals(before, first.getWeights().get(0).toFloatArray());
    assertEquals(2, m.trainableWeights().size());
  }

  @Test
  void twoOutputsWithLossWeights() {
    KerasTensor in = Input.of(1);
    Dense a = new Dense(1).kernelInitializer("ones").useBias(false).name("a");
    Dense b = new Dense(1).kernelInitializer("zeros").useBias(false).name("b");
    Model m = new Model(List.of(in), List.of(a.apply(in), b.apply(in)));
    m.compile(new CompileOptions().optimizer("sgd").loss("mse", "mae").lossWeights(2, 0.5));
    // x = 2, targets 1 and 1: mse(2, 1) = 1, mae(0, 1) = 1 -> 2 * 1 + 0.5 * 1
    Map<String, Double> logs = m.evaluate(new float[][] {{2}}, List.of(new float[] {1}, new float[] {1}), null, 1);
    assertEquals(2.5, logs.get("loss"), 1e-6);
  }

  @Test
  void fitTakesImagesIntLabelsAndNdArrays() {
    Backend.setRandomSeed(2);
    float[][][][] images = new float[8][2][2][1];
    int[] labels = new int[8];
    for (int i = 0; i < 8; i++) {
      labels[i] = i % 2;
      images[i][0][0][0] = labels[i] == 1 ? 1 : -1;
    }
    Sequential m = new Sequential();
    m.add(new Flatten().inputShape(2, 2, 1));
    m.add(new Dense(2).activation("softmax"));
    m.compile("adam", "sparse_categorical_crossentropy", "accuracy");
    m.fit(images, labels, new FitOptions().epochs(2).batchSize(4).verbose(0));
    Map<String, Double> fromArrays = m.evaluate(images, labels);
    var nd = StdArrays.ndCopyOf(images);
    Map<String, Double> fromNd = m.evaluate(nd, labels);
    assertEquals(fromArrays.get("loss"), fromNd.get("loss"), 1e-7);
    assertEquals(Shape.of(8, 2, 2, 1), HostArray.of(nd).shape());
  }

  @Test
  void classWeightsFollowKerasClassWeightToSampleWeights() {
    Map<Integer, Double> cw = Map.of(0, 0.5, 1, 2.0);
    // labels rounded half to even (np.round): 0.5 -> 0, 1.5 -> 2; class 2 is not in the map, so it weighs 1
    assertArrayEquals(new float[] {0.5f, 2f, 0.5f, 1f},
        DataAdapters.classWeights(HostArray.of(new float[] {0, 1, 0.5f, 1.5f}), cw));
    HostArray oneHot = HostArray.of(new float[][] {{0, 1}, {1, 0}, {0, 1}});
    assertArrayEquals(new float[] {2f, 0.5f, 2f}, DataAdapters.classWeights(oneHot, cw));
    HostArray column = HostArray.of(new float[][] {{1}, {0}});
    assertArrayEquals(new float[] {2f, 0.5f}, DataAdapters.classWeights(column, cw));
  }

  @Test
  void classWeightWithSampleWeightIsRefusedAsKerasRefusesIt() {
    Sequential m = new Sequential();
    m.add(new Dense(1).inputDim(1));
    m.compile("sgd", "mse");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.fit(new float[][] {{1}, {2}}, new float[] {0, 1}, new FitOptions().verbose(0)
            .classWeight(Map.of(0, 1.0, 1, 2.0)).sampleWeight(new float[] {1, 1})));
    assertTrue(e.getMessage().contains("class_weight") && e.getMessage().contains("sample_weight"), e.getMessage());
  }

  @Test
  void callbacksSeeEveryEpoch(@TempDir Path dir) throws Exception {
    Sequential m = new Sequential();
    m.add(new Dense(1).inputDim(1));
    m.compile("sgd", "mse", "mae");
    Path csv = dir.resolve("log.csv");
    List<Integer> epochs = new ArrayList<>();
    m.fit(new float[][] {{1}, {2}}, new float[] {1, 2}, new FitOptions().epochs(3).verbose(0)
        .callbacks(new CSVLogger(csv), new LambdaCallback().onEpochEnd((e, logs) -> epochs.add(e))));
    assertEquals(List.of(0, 1, 2), epochs);
    List<String> lines = Files.readAllLines(csv);
    // as Keras' CSVLogger: sorted keys, and val_ columns (NA) when no validation ran
    assertEquals("epoch,loss,mae,val_loss,val_mae", lines.get(0));
    assertEquals(4, lines.size());
    assertTrue(lines.get(3).startsWith("2,"));
  }

  @Test
  void getLayerByNameAndIndex() {
    Sequential m = new Sequential();
    m.add(new Dense(2).name("hidden").inputDim(1));
    assertEquals("hidden", m.getLayer(0).name());
    assertEquals(m.getLayer(0), m.getLayer("hidden"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.getLayer("nope"));
    assertTrue(e.getMessage().contains("hidden"), e.getMessage());
  }

  @Test
  void sequentialWithoutInputShapeBuildsOnFirstData() {
    Sequential m = new Sequential();
    m.add(new Dense(3));
    m.add(new Dense(1));
    assertFalse(m.hasInput());
    m.compile("sgd", "mse");
    m.fit(new float[][] {{1, 2, 3, 4}}, new float[] {1}, new FitOptions().verbose(0));
    assertEquals(4 * 3 + 3 + 3 + 1, m.countParams());
  }
}
