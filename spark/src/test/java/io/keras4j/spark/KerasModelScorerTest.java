package io.keras4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Input;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.backend.KerasTensor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KerasModelScorerTest {
  private static final int ROWS = 50;
  private static SparkSession spark;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    spark = LocalSpark.session();
  }

  /** Rows (id, features array<double> of width 3), with the same features as a float[][] for predict. */
  private static Dataset<Row> rows(float[][] x) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      Double[] f = new Double[x[i].length];
      for (int j = 0; j < f.length; j++) {
        f[j] = (double) x[i][j];
      }
      rows.add(RowFactory.create(i, Arrays.asList(f), x[i][0], x[i][1], x[i][2]));
    }
    StructType schema = new StructType()
        .add("id", DataTypes.IntegerType)
        .add("features", DataTypes.createArrayType(DataTypes.DoubleType))
        .add("a", DataTypes.FloatType)
        .add("b", DataTypes.FloatType)
        .add("c", DataTypes.FloatType);
    return spark.createDataFrame(rows, schema).repartition(4);
  }

  private static float[][] randomRows(int n, long seed) {
    Random r = new Random(seed);
    float[][] x = new float[n][3];
    for (float[] row : x) {
      for (int j = 0; j < 3; j++) {
        row[j] = (float) r.nextGaussian();
      }
    }
    return x;
  }

  private static Sequential denseModel() {
    Sequential m = new Sequential();
    m.add(new Dense(4).activation("relu").inputShape(3));
    m.add(new Dense(2).activation("softmax"));
    return m;
  }

  /** Each scored row's output column, by id. */
  private static float[][] byId(Dataset<Row> scored, String column, int width) {
    float[][] got = new float[ROWS][];
    for (Row r : scored.collectAsList()) {
      Object v = r.getAs(column);
      float[] row = new float[width];
      if (v instanceof Float f) {
        row[0] = f;
      } else {
        List<Object> list = r.getList(r.fieldIndex(column));
        for (int j = 0; j < width; j++) {
          row[j] = (Float) list.get(j);
        }
      }
      got[r.<Integer>getAs("id")] = row;
    }
    return got;
  }

  private static void assertRowsEqual(float[][] expected, float[][] got, double tolerance) {
    assertEquals(expected.length, got.length);
    for (int i = 0; i < expected.length; i++) {
      assertArrayEquals(expected[i], got[i], (float) tolerance, "row " + i);
    }
  }

  @Test
  void scoresEqualPredictOnTheSameRowsForAKerasFile() {
    float[][] x = randomRows(ROWS, 1);
    Sequential m = denseModel();
    Path file = dir.resolve("dense.keras");
    m.save(file);
    float[][] expected = m.predict(x).toFloat2D();
    Dataset<Row> scored = new KerasModelScorer(file).inputCols("features").batchSize(7).transform(rows(x));
    assertEquals(DataTypes.createArrayType(DataTypes.FloatType, false), scored.schema().apply("prediction").dataType());
    assertEquals(ROWS, scored.count());
    assertRowsEqual(expected, byId(scored, "prediction", 2), 1e-6);
    m.close();
  }

  @Test
  void severalNumericColumnsAreAssembledInOrder() {
    float[][] x = randomRows(ROWS, 2);
    Sequential m = new Sequential();
    m.add(new Dense(1).inputShape(3));
    // a linear model: each prediction is checked against plain-Java arithmetic on the weights
    m.buildFor(io.keras4j.backend.Shape.of(-1, 3));
    m.setWeights(List.of(new float[][] {{1}, {10}, {100}}, new float[] {0.5f}));
    Path file = dir.resolve("linear.keras");
    m.save(file);
    Dataset<Row> scored = new KerasModelScorer(file).inputCols("a", "b", "c").outputCols("y").transform(rows(x));
    assertEquals(DataTypes.FloatType, scored.schema().apply("y").dataType());
    float[][] got = byId(scored, "y", 1);
    for (int i = 0; i < ROWS; i++) {
      double y = x[i][0] + 10.0 * x[i][1] + 100.0 * x[i][2] + 0.5;
      assertEquals(y, got[i][0], 1e-4, "row " + i);
    }
    m.close();
  }

  @Test
  void multiOutputModelFillsOneColumnPerOutput() {
    float[][] x = randomRows(ROWS, 3);
    KerasTensor in = Input.of(3);
    KerasTensor hidden = new Dense(5).activation("tanh").apply(in);
    KerasTensor score = new Dense(1).activation("sigmoid").apply(hidden);
    KerasTensor probs = new Dense(3).activation("softmax").apply(hidden);
    Model m = new Model(List.of(in), List.of(score, probs));
    Path file = dir.resolve("two_heads.keras");
    m.save(file);
    List<NDArray> expected = m.predictOutputs(x);
    Dataset<Row> scored = new KerasModelScorer(file).outputCols("score", "probs").batchSize(16).transform(rows(x));
    assertRowsEqual(expected.get(0).toFloat2D(), byId(scored, "score", 1), 1e-6);
    assertRowsEqual(expected.get(1).toFloat2D(), byId(scored, "probs", 3), 1e-6);
    m.close();
  }

  @Test
  void manyChunksReadFromParquetScoreLikePredict() {
    int n = 1000; // batchSize 3: chunks of 64 batches, 192 rows, several per partition
    float[][] x = randomRows(n, 7);
    List<Row> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(RowFactory.create(i, x[i]));
    }
    StructType schema = new StructType().add("id", DataTypes.IntegerType)
        .add("features", DataTypes.createArrayType(DataTypes.FloatType, false));
    String parquet = dir.resolve("chunks.parquet").toString();
    spark.createDataFrame(list, schema).repartition(3).write().parquet(parquet);
    Dataset<Row> df = spark.read().parquet(parquet); // read back, its arrays may hold nulls: the block read's case
    KerasTensor in = Input.of(3);
    KerasTensor hidden = new Dense(5).activation("tanh").apply(in);
    Model m = new Model(List.of(in), List.of(new Dense(1).apply(hidden), new Dense(3).activation("softmax")
        .apply(hidden)));
    Path file = dir.resolve("chunks.keras");
    m.save(file);
    List<NDArray> expected = m.predictOutputs(x);
    List<Row> out = new KerasModelScorer(file).outputCols("score", "probs").batchSize(3).transform(df)
        .collectAsList();
    assertEquals(n, out.size());
    float[][] score = expected.get(0).toFloat2D();
    float[][] probs = expected.get(1).toFloat2D();
    for (Row r : out) {
      int id = r.getAs("id");
      assertArrayEquals(x[id], toFloats(r.getList(r.fieldIndex("features"))), "features of row " + id);
      assertEquals(score[id][0], r.<Float>getAs("score"), 1e-6, "score of row " + id);
      assertArrayEquals(probs[id], toFloats(r.getList(r.fieldIndex("probs"))), 1e-6f, "probs of row " + id);
    }
    m.close();
  }

  private static float[] toFloats(List<Object> list) {
    float[] f = new float[list.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = (Float) list.get(i);
    }
    return f;
  }

  @Test
  void savedModelDirectoryScoresLikeTheModel() {
    float[][] x = randomRows(ROWS, 4);
    Sequential m = denseModel();
    Path export = dir.resolve("exported");
    m.export(export);
    float[][] expected = m.predict(x).toFloat2D();
    Dataset<Row> scored = new KerasModelScorer(export).batchSize(10).transform(rows(x));
    assertRowsEqual(expected, byId(scored, "prediction", 2), 1e-6);
    m.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  void legacyH5ImagesScoreAsKerasPredicted() throws Exception {
    Path file = dir.resolve("tiny_cnn.h5");
    try (InputStream in = getClass().getResourceAsStream("tiny_cnn.h5")) {
      Files.copy(in, file);
    }
    Map<String, Object> golden;
    try (InputStream in = getClass().getResourceAsStream("tiny_cnn.json")) {
      golden = new ObjectMapper().readValue(in, Map.class);
    }
    List<Object> images = (List<Object>) golden.get("x");
    List<Double> keras = (List<Double>) golden.get("y");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      rows.add(RowFactory.create(i, images.get(i)));
    }
    StructType schema = new StructType().add("id", DataTypes.IntegerType).add("image",
        DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.DoubleType))));
    Dataset<Row> scored = new KerasModelScorer(file).inputCols("image").outputCols("score").batchSize(4)
        .transform(spark.createDataFrame(rows, schema).repartition(3));
    List<Row> out = scored.collectAsList();
    assertEquals(images.size(), out.size());
    for (Row r : out) {
      int id = r.getAs("id");
      assertEquals(keras.get(id), r.<Float>getAs("score"), 1e-6, "image " + id);
    }
  }

  @Test
  void partitionsShareTheExecutorsLoadedModel() {
    float[][] x = randomRows(ROWS, 5);
    Sequential m = denseModel();
    Path file = dir.resolve("shared.keras");
    m.save(file);
    int before = ExecutorModels.loads();
    KerasModelScorer scorer = new KerasModelScorer(file).batchSize(5);
    Dataset<Row> df = rows(x).repartition(8);
    for (int run = 0; run < 3; run++) {
      assertEquals(ROWS, scorer.transform(df).count());
    }
    // local[2] runs two tasks at once: at most one copy per task slot for 3 jobs of 8 partitions
    int loaded = ExecutorModels.loads() - before;
    assertTrue(loaded >= 1 && loaded <= 2, "loaded " + loaded + " copies");
    m.close();
  }

  @Test
  void badInputIsRefusedWithTheColumnNamed() {
    float[][] x = randomRows(ROWS, 6);
    Sequential m = denseModel();
    Path file = dir.resolve("bad.keras");
    m.save(file);
    Dataset<Row> df = rows(x);
    var missing = assertThrows(IllegalArgumentException.class,
        () -> new KerasModelScorer(file).inputCols("nope").transform(df));
    assertTrue(missing.getMessage().contains("'nope'"), missing.getMessage());
    var taken = assertThrows(IllegalArgumentException.class,
        () -> new KerasModelScorer(file).outputCols("id").transform(df));
    assertTrue(taken.getMessage().contains("'id'"), taken.getMessage());
    var count = assertThrows(IllegalArgumentException.class,
        () -> new KerasModelScorer(file).outputCols("p", "q").transform(df));
    assertTrue(count.getMessage().contains("1 outputs"), count.getMessage());
    var size = assertThrows(IllegalArgumentException.class, () -> new KerasModelScorer(file).batchSize(0));
    assertTrue(size.getMessage().contains("batchSize=0"), size.getMessage());
    var notModel = assertThrows(IllegalArgumentException.class,
        () -> new KerasModelScorer(dir.resolve("model.txt")).transform(df));
    assertTrue(notModel.getMessage().contains("model.txt"), notModel.getMessage());
    // four numbers for a model of input size 3: the executor's error reaches the driver
    Exception wide = assertThrows(Exception.class,
        () -> new KerasModelScorer(file).inputCols("features", "a").transform(df).count());
    assertTrue(rootMessage(wide).contains("expected 3"), rootMessage(wide));
    m.close();
  }

  private static String rootMessage(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c.getMessage()).append('\n');
    }
    return all.toString();
  }
}
