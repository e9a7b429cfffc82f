package io.keras4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.data.NDArray;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Flatten;
import io.keras4j.models.Sequential;
import io.keras4j.saving.formats.TfjsLayersFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KerasModelScorer on tfjs models, struct columns and image columns (image schema, encoded files). */
class KerasModelScorerInputsTest {
  private static final int ROWS = 20;
  private static final int H = 4;
  private static final int W = 5;
  private static SparkSession spark;
  private static Sequential dense;
  private static Sequential cnn;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    spark = LocalSpark.session();
    dense = new Sequential();
    dense.add(new Dense(4).activation("relu").inputShape(3));
    dense.add(new Dense(2).activation("softmax"));
    cnn = new Sequential();
    cnn.add(new Conv2D(2, 3).activation("relu").inputShape(H, W, 3));
    cnn.add(new Flatten());
    cnn.add(new Dense(3).activation("softmax"));
  }

  @AfterAll
  static void close() {
    dense.close();
    cnn.close();
  }

  /** The output column of each scored row, by its "id". */
  private static float[][] byId(Dataset<Row> scored, int width) {
    float[][] got = new float[ROWS][];
    for (Row r : scored.collectAsList()) {
      List<Object> list = r.getList(r.fieldIndex("prediction"));
      float[] row = new float[width];
      for (int j = 0; j < width; j++) {
        row[j] = (Float) list.get(j);
      }
      got[r.<Integer>getAs("id")] = row;
    }
    return got;
  }

  private static void assertRowsEqual(float[][] expected, float[][] got) {
    for (int i = 0; i < expected.length; i++) {
      assertArrayEquals(expected[i], got[i], 1e-6f, "row " + i);
    }
  }

  private static float[][] gaussian(int n, int width, long seed) {
    Random r = new Random(seed);
    float[][] x = new float[n][width];
    for (float[] row : x) {
      for (int j = 0; j < width; j++) {
        row[j] = (float) r.nextGaussian();
      }
    }
    return x;
  }

  /** ROWS random RGB images, {@code [row][y][x][channel]}, values 0-255. */
  private static int[][][][] images(long seed) {
    Random r = new Random(seed);
    int[][][][] img = new int[ROWS][H][W][3];
    for (int[][][] im : img) {
      for (int[][] line : im) {
        for (int[] px : line) {
          for (int k = 0; k < 3; k++) {
            px[k] = r.nextInt(256);
          }
        }
      }
    }
    return img;
  }

  /** The model's predictions for {@code images} given as an (n, H, W, 3) float array. */
  private static float[][] predictImages(int[][][][] images) {
    float[] flat = new float[ROWS * H * W * 3];
    int p = 0;
    for (int[][][] im : images) {
      for (int[][] line : im) {
        for (int[] px : line) {
          for (int v : px) {
            flat[p++] = v;
          }
        }
      }
    }
    return cnn.predict(NDArray.of(flat, new long[] {ROWS, H, W, 3})).toFloat2D();
  }

  private static Dataset<Row> denseRows(float[][] x) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      rows.add(RowFactory.create(i, List.of((double) x[i][0], (double) x[i][1], (double) x[i][2])));
    }
    StructType schema = new StructType().add("id", DataTypes.IntegerType)
        .add("features", DataTypes.createArrayType(DataTypes.DoubleType));
    return spark.createDataFrame(rows, schema).repartition(3);
  }

  @Test
  void aTfjsModelDirectoryOrItsModelJsonScoresAsPredict() {
    float[][] x = gaussian(ROWS, 3, 3);
    Path tfjs = dir.resolve("tfjs_dense");
    TfjsLayersFormat.save(dense, tfjs);
    float[][] expected = dense.predict(x).toFloat2D();
    assertRowsEqual(expected, byId(new KerasModelScorer(tfjs).batchSize(6).transform(denseRows(x)), 2));
    assertRowsEqual(expected,
        byId(new KerasModelScorer(tfjs.resolve("model.json")).batchSize(6).transform(denseRows(x)), 2));
  }

  @Test
  void aStructColumnIsFlattenedFieldByField() {
    float[][] x = gaussian(ROWS, 3, 4);
    Path file = dir.resolve("struct_dense.keras");
    dense.save(file);
    StructType inner = new StructType().add("a", DataTypes.DoubleType)
        .add("b", DataTypes.createArrayType(DataTypes.FloatType));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(RowFactory.create(i, RowFactory.create((double) x[i][0], List.of(x[i][1], x[i][2]))));
    }
    Dataset<Row> df = spark.createDataFrame(rows, new StructType().add("id", DataTypes.IntegerType)
        .add("s", inner)).repartition(2);
    Dataset<Row> scored = new KerasModelScorer(file).inputCols("s").batchSize(4).transform(df);
    assertRowsEqual(dense.predict(x).toFloat2D(), byId(scored, 2));
  }

  /** Spark's image schema (spark.read().format("image")): pixels stored B, G, R. */
  private static Dataset<Row> imageSchemaRows(int[][][][] images, int extraBytes) {
    StructType image = new StructType().add("origin", DataTypes.StringType).add("height", DataTypes.IntegerType)
        .add("width", DataTypes.IntegerType).add("nChannels", DataTypes.IntegerType)
        .add("mode", DataTypes.IntegerType).add("data", DataTypes.BinaryType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      byte[] data = new byte[H * W * 3 + extraBytes];
      for (int y = 0; y < H; y++) {
        for (int c = 0; c < W; c++) {
          int[] px = images[i][y][c];
          int at = (y * W + c) * 3;
          data[at] = (byte) px[2];
          data[at + 1] = (byte) px[1];
          data[at + 2] = (byte) px[0];
        }
      }
      rows.add(RowFactory.create(i, RowFactory.create("memory:" + i, H, W, 3, 16, data)));
    }
    return spark.createDataFrame(rows, new StructType().add("id", DataTypes.IntegerType).add("image", image))
        .repartition(3);
  }

  @Test
  void anImageSchemaColumnIsReadAsRgbPixels() {
    int[][][][] images = images(5);
    Path file = dir.resolve("image_cnn.keras");
    cnn.save(file);
    Dataset<Row> scored = new KerasModelScorer(file).inputCols("image").batchSize(8)
        .transform(imageSchemaRows(images, 0));
    assertRowsEqual(predictImages(images), byId(scored, 3));
  }

  @Test
  void anImageOfTheWrongSizeFailsNamingTheColumn() {
    Path file = dir.resolve("image_cnn_size.keras");
    cnn.save(file);
    Dataset<Row> scored = new KerasModelScorer(file).inputCols("image").transform(imageSchemaRows(images(6), 3));
    Exception e = assertThrows(Exception.class, scored::collectAsList);
    String message = rootMessage(e);
    assertTrue(message.contains("'image'") && message.contains("63 bytes"), message);
  }

  @Test
  void encodedImageFilesInABinaryColumnAreDecodedToRgb() throws IOException {
    int[][][][] images = images(7);
    Path file = dir.resolve("png_cnn.keras");
    cnn.save(file);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      BufferedImage im = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < H; y++) {
        for (int c = 0; c < W; c++) {
          int[] px = images[i][y][c];
          im.setRGB(c, y, (px[0] << 16) | (px[1] << 8) | px[2]);
        }
      }
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(im, "png", png);
      rows.add(RowFactory.create(i, png.toByteArray()));
    }
    Dataset<Row> df = spark.createDataFrame(rows, new StructType().add("id", DataTypes.IntegerType)
        .add("content", DataTypes.BinaryType)).repartition(2);
    Dataset<Row> scored = new KerasModelScorer(file).inputCols("content").batchSize(8).transform(df);
    assertRowsEqual(predictImages(images), byId(scored, 3));
  }

  @Test
  void aStringColumnIsRefusedWithTheAcceptedTypes() {
    Path file = dir.resolve("string_dense.keras");
    dense.save(file);
    Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create(0, "x")),
        new StructType().add("id", DataTypes.IntegerType).add("name", DataTypes.StringType));
    var e = assertThrows(IllegalArgumentException.class,
        () -> new KerasModelScorer(file).inputCols("name").transform(df));
    assertTrue(e.getMessage().contains("'name'") && e.getMessage().contains("received string"), e.getMessage());
  }

  private static String rootMessage(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c.getMessage()).append('\n');
    }
    return all.toString();
  }
}
