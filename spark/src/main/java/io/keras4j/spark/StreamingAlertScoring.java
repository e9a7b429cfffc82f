package io.keras4j.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;
import org.apache.avro.Schema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.avro.SchemaConverters;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.StructType;

/**
 * The scoring step of an alert broker on Spark Structured Streaming: ZTF alert packets (Avro files dropped into a
 * directory) decoded, scored by braai's real/bogus CNN and by a light-curve classifier, one row per alert written
 * exactly once.
 *
 * <pre>{@code
 * StreamingQuery q = new StreamingAlertScoring(Path.of("d6_m7.h5"), Path.of("light_curves.keras"))
 *     .maxFilesPerTrigger(10)
 *     .start(spark, "hdfs:///ztf/alerts", "hdfs:///ztf/scores", "hdfs:///ztf/checkpoint");
 * }</pre>
 *
 * <p>Each micro-batch's rows ({@code objectId}, {@code candid}, {@code drb} from the packet, {@code rb}: the
 * real/bogus score, {@code class_probabilities}: the light-curve model's output) are written as Parquet under
 * {@code output/batch_id=N}, replacing what a failed attempt of the same batch left: with Spark's checkpoint (which
 * replays a batch with the same files when its commit was not recorded) every alert is written once, never lost nor
 * repeated. Both models go through {@link KerasModelScorer}: broadcast once, loaded once per executor task slot.
 *
 * <p>Keras equivalent: none (Keras has no streaming API); {@code model.predict} on each micro-batch.
 */
public final class StreamingAlertScoring {
  /** The columns written per alert. */
  public static final String[] OUTPUT = {"objectId", "candid", "drb", "rb", "class_probabilities"};

  private final Path realBogusModel;
  private final Path lightCurveModel;
  private int maxFilesPerTrigger;
  private int batchSize = 64;
  private int maxLength = 32;
  private KerasModelScorer realBogus;
  private KerasModelScorer lightCurves;
  /** Runs after a micro-batch's output is written, before Spark records the batch (tests inject failures). */
  LongConsumer afterWrite = batchId -> {};

  /**
   * Scores alerts with the real/bogus model {@code realBogusModel} (input 63 x 63 x 3, one sigmoid output, as braai's
   * d6_m7) and the light-curve classifier {@code lightCurveModel} (input {@code (maxLength, 6)} as
   * {@link io.keras4j.examples.LightCurveEncoding} encodes, one probability per class).
   */
  public StreamingAlertScoring(Path realBogusModel, Path lightCurveModel) {
    this.realBogusModel = realBogusModel;
    this.lightCurveModel = lightCurveModel;
  }

  /** Avro files read per micro-batch. Default: 0, every new file (Spark's default). */
  public StreamingAlertScoring maxFilesPerTrigger(int files) {
    if (files < 0) {
      throw new IllegalArgumentException("StreamingAlertScoring: maxFilesPerTrigger must be >= 0 (0: no limit); "
          + "received " + files);
    }
    this.maxFilesPerTrigger = files;
    return this;
  }

  /** Rows per {@code predict} step of both models. Default: 64. */
  public StreamingAlertScoring batchSize(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("StreamingAlertScoring: batch_size must be positive; received " + rows);
    }
    this.batchSize = rows;
    return this;
  }

  /** Detections per light curve, the light-curve model's sequence length. Default: 32. */
  public StreamingAlertScoring maxLength(int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("StreamingAlertScoring: maxLength must be positive; received " + steps);
    }
    this.maxLength = steps;
    return this;
  }

  /** The reader schema: the packet fields used, as ZTF names and nests them ({@code ztf_alert_stream.avsc}). */
  public static Schema readerSchema() {
    try (InputStream in = StreamingAlertScoring.class.getResourceAsStream("ztf_alert_stream.avsc")) {
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The packets dropped into {@code directory} ({@code *.avro}) as a streaming DataFrame, read by spark-avro. */
  public Dataset<Row> readStream(SparkSession spark, String directory) {
    Schema avro = readerSchema();
    StructType schema = (StructType) SchemaConverters.toSqlType(avro).dataType();
    var reader = spark.readStream().format("avro").schema(schema).option("avroSchema", avro.toString())
        .option("pathGlobFilter", "*.avro");
    if (maxFilesPerTrigger > 0) {
      reader = reader.option("maxFilesPerTrigger", maxFilesPerTrigger);
    }
    return reader.load(directory);
  }

  /** The scores of {@code packets} (a batch DataFrame of the reader schema): the {@link #OUTPUT} columns. */
  public Dataset<Row> score(Dataset<Row> packets) {
    Dataset<Row> decoded = packets.mapPartitions(new AlertDecoder(maxLength), Encoders.row(AlertDecoder.schema()));
    Dataset<Row> rb = realBogus().transform(decoded);
    return lightCurves().transform(rb).select(OUTPUT[0], OUTPUT[1], OUTPUT[2], OUTPUT[3], OUTPUT[4]);
  }

  /**
   * Starts the query: packets in {@code input}, scores under {@code output}/batch_id=N (Parquet), progress in
   * {@code checkpoint}. Restarted with the same checkpoint, it resumes after the last recorded batch.
   */
  public StreamingQuery start(SparkSession spark, String input, String output, String checkpoint)
      throws TimeoutException {
    return readStream(spark, input).writeStream()
        .queryName("keras4j-alert-scoring")
        .option("checkpointLocation", checkpoint)
        .foreachBatch((Dataset<Row> batch, Long batchId) -> writeBatch(batch, batchId, output))
        .start();
  }

  /** Scores one micro-batch and writes it to {@code output}/batch_id={@code batchId}, replacing an earlier try. */
  void writeBatch(Dataset<Row> packets, long batchId, String output) {
    score(packets).write().mode(SaveMode.Overwrite).parquet(output + "/batch_id=" + batchId);
    afterWrite.accept(batchId);
  }

  private KerasModelScorer realBogus() {
    if (realBogus == null) {
      realBogus = new KerasModelScorer(realBogusModel).inputCols("triplet").outputCols("rb").batchSize(batchSize);
    }
    return realBogus;
  }

  private KerasModelScorer lightCurves() {
    if (lightCurves == null) {
      lightCurves = new KerasModelScorer(lightCurveModel).inputCols("light_curve").outputCols("class_probabilities")
          .batchSize(batchSize);
    }
    return lightCurves;
  }

  /**
   * Scores every packet in a directory and stops (Spark's available-now trigger), then prints the alerts scored per
   * second. Options (docs/spark.md): {@code --alerts DIR} (default {@code ../shared/data/ztf/alerts}),
   * {@code --simulate N} (N simulated packets, 100 per file, instead), {@code --rb-model FILE} (default braai's
   * {@code d6_m7.h5} beside the alerts, else an untrained braai network), {@code --lc-model FILE} (default: a GRU
   * trained on simulated light curves, see {@link AlertStreamSimulator}), {@code --out DIR}, {@code --checkpoint DIR},
   * {@code --max-files N}, {@code --batch-size N}, {@code --rounds N} (interleaved with a single JVM's real/bogus
   * scoring of the same packets), {@code --master URL} (default {@code local[2]} outside
   * spark-submit).
   */
  public static void main(String[] args) throws Exception {
    StreamingAlertRun.main(args);
  }
}
