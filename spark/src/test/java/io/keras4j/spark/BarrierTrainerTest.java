package io.keras4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.data.NDArray;
import io.keras4j.layers.Dense;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarrierTrainerTest {
  private static final int BATCH = 4;
  private static final int STEPS = 3;
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.session();
  }

  /** A tiny regression model with SGD, the same in every task (its weights come from the driver's copy). */
  private static Model tinyModel() {
    Sequential m = new Sequential();
    m.add(new Dense(3).activation("tanh").inputShape(2));
    m.add(new Dense(1));
    m.compile(new SGD().learningRate(0.1), "mse");
    return m;
  }

  private static float[][] features(int n, long seed) {
    Random r = new Random(seed);
    float[][] x = new float[n][2];
    for (float[] row : x) {
      row[0] = (float) r.nextGaussian();
      row[1] = (float) r.nextGaussian();
    }
    return x;
  }

  private static float target(float[] x) {
    return 2 * x[0] - x[1] + 0.5f;
  }

  /** Two partitions: rows [0, n/2) and [n/2, n), in order (parallelize splits a list into contiguous slices). */
  private static Dataset<Row> twoPartitions(float[][] x) {
    List<Row> rows = new ArrayList<>();
    for (float[] row : x) {
      rows.add(RowFactory.create(new double[] {row[0], row[1]}, (double) target(row)));
    }
    StructType schema = new StructType()
        .add("features", DataTypes.createArrayType(DataTypes.DoubleType))
        .add("label", DataTypes.DoubleType);
    var rdd = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 2);
    return spark.createDataFrame(rdd, schema);
  }

  /** Single-machine SGD where step s trains on task 0's batch s and task 1's batch s together. */
  private static List<Double> combinedBatches(Model m, float[][] x, int epochs) {
    int half = x.length / 2;
    List<Double> losses = new ArrayList<>();
    for (int e = 0; e < epochs; e++) {
      for (int s = 0; s < STEPS; s++) {
        float[][] xb = new float[2 * BATCH][];
        float[][] yb = new float[2 * BATCH][1];
        for (int i = 0; i < BATCH; i++) {
          xb[i] = x[s * BATCH + i];
          xb[BATCH + i] = x[half + s * BATCH + i];
        }
        for (int i = 0; i < 2 * BATCH; i++) {
          yb[i][0] = target(xb[i]);
        }
        losses.add(m.trainOnBatch(xb, yb).get("loss"));
      }
    }
    return losses;
  }

  private static void assertSameWeights(Model expected, Model got, double tolerance) {
    List<NDArray> a = expected.getWeights();
    List<NDArray> b = got.getWeights();
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i).toFloatArray(), b.get(i).toFloatArray(), (float) tolerance, "weight " + i);
    }
  }

  @Test
  void averagingEveryStepEqualsTrainingOnTheCombinedBatch() {
    float[][] x = features(2 * STEPS * BATCH, 11);
    Model distributed = tinyModel();
    Model single = tinyModel();
    single.setWeights(distributed.getWeights());
    List<Double> losses = new BarrierTrainer(BarrierTrainerTest::tinyModel).batchSize(BATCH).epochs(2)
        .fit(distributed, twoPartitions(x));
    List<Double> expected = combinedBatches(single, x, 2);
    assertEquals(2 * STEPS, losses.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), losses.get(i), 1e-5, "loss of step " + i);
    }
    assertSameWeights(single, distributed, 1e-4);
    // and training did move the weights: the loss fell
    assertTrue(losses.get(losses.size() - 1) < losses.get(0), losses.toString());
    distributed.close();
    single.close();
  }

  @Test
  void averagingEveryKStepsIsLocalSgd() {
    float[][] x = features(2 * STEPS * BATCH, 12);
    Model distributed = tinyModel();
    float[] start = WeightCodec.flatten(distributed);
    List<Double> losses = new BarrierTrainer(BarrierTrainerTest::tinyModel).batchSize(BATCH).syncEvery(2).epochs(2)
        .fit(distributed, twoPartitions(x));
    assertEquals(3, losses.size()); // 6 steps, averaged after steps 2, 4 and 6
    // reference: two models each train 2 steps on their half, then both take the mean of their weights
    int half = x.length / 2;
    Model[] local = {tinyModel(), tinyModel()};
    float[] w = start;
    for (int g = 0; g < 2 * STEPS; g += 2) {
      List<float[]> ends = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        WeightCodec.assign(local[t], w);
        for (int s = g; s < g + 2; s++) {
          int b = s % STEPS;
          float[][] xb = Arrays.copyOfRange(x, t * half + b * BATCH, t * half + (b + 1) * BATCH);
          float[][] yb = new float[BATCH][1];
          for (int i = 0; i < BATCH; i++) {
            yb[i][0] = target(xb[i]);
          }
          local[t].trainOnBatch(xb, yb);
        }
        ends.add(WeightCodec.flatten(local[t]));
      }
      float[] mean = new float[w.length];
      for (int i = 0; i < mean.length; i++) {
        mean[i] = (ends.get(0)[i] + ends.get(1)[i]) / 2;
      }
      w = mean;
    }
    assertArrayEquals(w, WeightCodec.flatten(distributed), 1e-5f);
    distributed.close();
    local[0].close();
    local[1].close();
  }

  @Test
  void aLostTaskResumesFromTheLastCheckpoint(@TempDir Path dir) {
    float[][] x = features(2 * STEPS * BATCH, 13);
    Model uninterrupted = tinyModel();
    Model resumed = tinyModel();
    resumed.setWeights(uninterrupted.getWeights());
    BarrierTrainer trainer = new BarrierTrainer(BarrierTrainerTest::tinyModel).batchSize(BATCH).epochs(2);
    List<Double> expected = trainer.fit(uninterrupted, twoPartitions(x));
    TrainTask.failAtStep = 4;
    List<Double> losses;
    try {
      losses = trainer.checkpointDir(dir).fit(resumed, twoPartitions(x));
    } finally {
      TrainTask.failAtStep = -1;
    }
    assertTrue(dir.resolve(TrainingCheckpoint.FILE).toFile().exists());
    // the restarted stage began after the 4 steps checkpointed before task 1 was lost in step 5, not at step 0
    assertEquals(4, TrainTask.resumedAt);
    assertEquals(expected.size(), losses.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), losses.get(i), 1e-6, "loss of step " + i);
    }
    assertSameWeights(uninterrupted, resumed, 1e-6);
    uninterrupted.close();
    resumed.close();
  }

  @Test
  void badSettingsAreRefused() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new BarrierTrainer(BarrierTrainerTest::tinyModel).batchSize(0));
    assertTrue(e.getMessage().contains("batch_size") && e.getMessage().contains("0"), e.getMessage());
    Model m = tinyModel();
    Dataset<Row> df = twoPartitions(features(8, 1));
    var col = assertThrows(IllegalArgumentException.class,
        () -> new BarrierTrainer(BarrierTrainerTest::tinyModel).labelCol("y").fit(m, df));
    assertTrue(col.getMessage().contains("'y'"), col.getMessage());
    m.close();
  }
}
