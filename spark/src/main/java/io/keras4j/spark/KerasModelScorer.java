package io.keras4j.spark;

import io.keras4j.backend.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * Scores a Spark DataFrame with a saved model: batch inference, the model's {@code predict} run inside each
 * partition.
 *
 * <pre>{@code
 * Dataset<Row> scored = new KerasModelScorer(Path.of("d6_m7.h5"))
 *     .inputCols("cutouts")            // array<float> (or array<array<...>>), or several numeric columns
 *     .outputCols("drb")               // one per model output: float for one value per row, else array<float>
 *     .batchSize(256)
 *     .transform(alerts);
 * }</pre>
 *
 * <p>The model file ({@code .keras}, {@code .h5}) or SavedModel directory is read once on the driver and broadcast;
 * each executor JVM loads it at its first task and keeps it for every later partition and job (one copy per
 * concurrently running task, since a model runs one predict at a time), closing it at JVM shutdown. Each partition
 * streams through in chunks of up to 64 batches, one {@code predict(x, batchSize)} call per chunk, never one per
 * row.
 *
 * <p>Keras equivalent: {@code model.predict(x, batch_size=)} over the rows of a DataFrame (as in Spark users'
 * {@code mapInPandas} UDFs). Porting note: Keras has no Spark API; the setters follow Spark ML's
 * {@code setInputCols}/{@code setOutputCols} names without the {@code set} prefix, as keras4j's fluent setters do.
 */
public final class KerasModelScorer {
  private final Path modelPath;
  private String[] inputCols = {"features"};
  private String[] outputCols;
  private int batchSize = 32;
  private ModelFile file;
  private Broadcast<ModelFile> broadcast;

  /**
   * A scorer of the model in {@code model}: a {@code .keras}, {@code .h5} or {@code .hdf5} file, a SavedModel
   * directory, or a tfjs layers model (its {@code model.json} or the directory holding it and its shards).
   */
  public KerasModelScorer(Path model) {
    this.modelPath = model;
  }

  /**
   * The input columns, flattened in this order into the model's one input: a single array column
   * ({@code array<float>}, {@code array<double>}, nested arrays for images), several numeric or array columns
   * assembled, structs of them (fields in order), images in Spark's image schema (pixels 0-255, BGR reversed to
   * RGB) or image files in a binary column (PNG, JPEG, GIF, BMP, decoded to RGB 0-255). Default:
   * {@code "features"}.
   */
  public KerasModelScorer inputCols(String... columns) {
    if (columns.length == 0) {
      throw new IllegalArgumentException("KerasModelScorer: expected at least one input column; received none");
    }
    this.inputCols = columns.clone();
    return this;
  }

  /**
   * The output columns, one per model output in order, appended to the input rows. Default: {@code "prediction"}
   * for a single-output model (a multi-output model needs them named).
   */
  public KerasModelScorer outputCols(String... columns) {
    if (columns.length == 0) {
      throw new IllegalArgumentException("KerasModelScorer: expected at least one output column; received none");
    }
    this.outputCols = columns.clone();
    return this;
  }

  /** Rows per {@code predict} call inside a partition. Default: 32 (Keras' {@code predict} default). */
  public KerasModelScorer batchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("KerasModelScorer: batch_size must be positive; received batchSize="
          + batchSize);
    }
    this.batchSize = batchSize;
    return this;
  }

  /** {@code df} with the output columns appended; lazy, like every Spark transformation. */
  public Dataset<Row> transform(Dataset<Row> df) {
    return transform(df, ExecutorModels.of(broadcast(df.sparkSession())), outputShapes());
  }

  /**
   * {@code df} scored by the models {@code models} lends, whose per-row output shapes are {@code outputs} (the
   * benchmark's no-model floor passes its own).
   */
  Dataset<Row> transform(Dataset<Row> df, PartitionScorer.Models models, List<Shape> outputs) {
    StructType schema = df.schema();
    int[] indices = Arrays.stream(inputCols)
        .mapToInt(c -> RowAssembler.inputIndex(schema, c, "KerasModelScorer", ColumnReader::readable,
            "numbers, arrays or structs of numbers, images (Spark's image schema) or image files (binary)"))
        .toArray();
    String[] names = outputNames(outputs.size());
    StructType out = schema;
    for (int o = 0; o < names.length; o++) {
      if (Arrays.asList(schema.fieldNames()).contains(names[o])) {
        throw new IllegalArgumentException("KerasModelScorer: output column '" + names[o] + "' is already in the "
            + "DataFrame; expected a new column name");
      }
      out = out.add(names[o], RowAssembler.outputType(outputs.get(o).size()), false);
    }
    DataType[] types = Arrays.stream(indices).mapToObj(i -> schema.fields()[i].dataType()).toArray(DataType[]::new);
    PartitionScorer scorer = new PartitionScorer(models, indices, types, inputCols.clone(), batchSize);
    // Porting note: internal rows (Spark's own API, public in the bytecode) spare a boxed object per number
    RDD<InternalRow> scored = classic(df).queryExecution().toRdd().toJavaRDD().mapPartitions(scorer).rdd();
    return ((org.apache.spark.sql.classic.SparkSession) df.sparkSession()).internalCreateDataFrame(scored, out, false);
  }

  private static org.apache.spark.sql.classic.Dataset<Row> classic(Dataset<Row> df) {
    if (!(df instanceof org.apache.spark.sql.classic.Dataset<Row> c)) {
      throw new IllegalArgumentException("KerasModelScorer: expected a DataFrame of a classic Spark session; received "
          + df.getClass().getName() + " (Spark Connect clients are not supported)");
    }
    return c;
  }

  /** The model's per-row output shapes, read on the driver from a copy of the model (kept for local mode). */
  private List<Shape> outputShapes() {
    ModelFile f = modelFile();
    Predictor p = ExecutorModels.borrow(f);
    try {
      return List.copyOf(p.outputShapes());
    } finally {
      ExecutorModels.release(f, p);
    }
  }

  private String[] outputNames(int outputs) {
    if (outputCols == null && outputs == 1) {
      return new String[] {"prediction"};
    }
    if (outputCols == null || outputCols.length != outputs) {
      throw new IllegalArgumentException("KerasModelScorer: the model has " + outputs + " outputs; expected as many "
          + "output columns, received " + (outputCols == null ? "none" : Arrays.toString(outputCols)));
    }
    return outputCols.clone();
  }

  private ModelFile modelFile() {
    if (file == null) {
      file = ModelFile.read(modelPath);
    }
    return file;
  }

  private Broadcast<ModelFile> broadcast(SparkSession spark) {
    if (broadcast == null) {
      broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(modelFile());
    }
    return broadcast;
  }
}
