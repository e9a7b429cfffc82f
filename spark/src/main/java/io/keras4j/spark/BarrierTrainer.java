package io.keras4j.spark;

import io.keras4j.models.Model;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Synchronous data-parallel training on Spark's barrier execution mode: one task per partition, all started
 * together; each trains a copy of the model on its partition and every {@code syncEvery} steps the copies' weights
 * are replaced by their mean ({@code BarrierTaskContext.allGather}).
 *
 * <pre>{@code
 * ModelFactory factory = () -> { Sequential m = ...; m.compile(new SGD().learningRate(0.1), "mse"); return m; };
 * Model model = factory.create();
 * List<Double> losses = new BarrierTrainer(factory).batchSize(32).epochs(5)
 *     .fit(model, df.repartition(4));           // 4 tasks; model ends with the trained weights
 * }</pre>
 *
 * <p>With {@code syncEvery(1)} and plain SGD (no momentum) this is synchronous gradient averaging: the mean of the
 * tasks' weights after one step from the same weights is one step on the mean gradient, which for a mean loss and
 * equal batches is the gradient of the combined batch ({@code tasks * batchSize} rows). With {@code syncEvery(k > 1)}
 * it is local SGD (model averaging). Each task keeps its own optimizer state (momentum, Adam moments), which is not
 * averaged; every task runs the same number of steps per epoch (the fewest full batches of any partition; the rest
 * of a partition is not used); rows are not shuffled between epochs.
 *
 * <p>With a {@link #checkpointDir}, task 0 saves the averaged weights after each synchronization; when a task is
 * lost Spark restarts the whole barrier stage, and the new tasks resume from the last checkpoint instead of the
 * start. Optimizer state is not checkpointed. Keras equivalent: {@code model.fit} under
 * {@code tf.distribute.MultiWorkerMirroredStrategy} (with {@code BackupAndRestore} for the checkpoint).
 */
public final class BarrierTrainer {
  private final ModelFactory factory;
  private String featuresCol = "features";
  private String labelCol = "label";
  private int batchSize = 32;
  private int epochs = 1;
  private int syncEvery = 1;
  private Path checkpointDir;

  /** A trainer of the models {@code factory} builds and compiles, one per task. */
  public BarrierTrainer(ModelFactory factory) {
    this.factory = factory;
  }

  /** The column of features (numbers or nested arrays, flattened into the model's input). Default: "features". */
  public BarrierTrainer featuresCol(String column) {
    this.featuresCol = column;
    return this;
  }

  /** The column of targets (a number or an array per row). Default: "label". */
  public BarrierTrainer labelCol(String column) {
    this.labelCol = column;
    return this;
  }

  /** Rows per step in each task; a step of the whole stage uses tasks * batchSize rows. Default: 32. */
  public BarrierTrainer batchSize(int batchSize) {
    this.batchSize = positive("batch_size", batchSize);
    return this;
  }

  /** Passes over each partition. Default: 1. */
  public BarrierTrainer epochs(int epochs) {
    this.epochs = positive("epochs", epochs);
    return this;
  }

  /** Steps between weight averagings; 1 is synchronous SGD. Default: 1. */
  public BarrierTrainer syncEvery(int steps) {
    this.syncEvery = positive("sync_every", steps);
    return this;
  }

  /** A directory shared by all executors for the resume checkpoint. Default: none (a lost task restarts at 0). */
  public BarrierTrainer checkpointDir(Path dir) {
    this.checkpointDir = dir;
    return this;
  }

  /**
   * Trains on {@code df}, one barrier task per partition, starting from {@code model}'s weights, and sets the
   * averaged final weights into {@code model} (built by the same factory). Needs as many free task slots as
   * partitions.
   *
   * @return the mean loss over the tasks at each synchronization (Keras' per-batch {@code loss} of
   *     {@code train_on_batch})
   */
  public List<Double> fit(Model model, Dataset<Row> df) {
    StructType schema = df.schema();
    int features = RowAssembler.inputIndex(schema, featuresCol);
    int label = RowAssembler.inputIndex(schema, labelCol);
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(df.sparkSession().sparkContext());
    Broadcast<float[]> initial = sc.broadcast(WeightCodec.flatten(model));
    TrainTask task = new TrainTask(factory, initial, features, label, new String[] {featuresCol, labelCol},
        batchSize, epochs, syncEvery, checkpointDir == null ? null : checkpointDir.toAbsolutePath().toString());
    // a shuffle after the barrier stage makes it a map stage, which Spark restarts as a whole when a task is lost
    // (a failed barrier result stage is not retried)
    Object[] results = (Object[]) df.rdd().barrier()
        .mapPartitions(task, false, scala.reflect.ClassTag$.MODULE$.apply(String.class))
        .repartition(1, null).collect();
    String result = (String) results[0];
    WeightCodec.assign(model, TrainTask.decodeWeights(result));
    initial.destroy();
    return TrainTask.decodeLosses(result);
  }

  private static int positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("BarrierTrainer: " + name + " must be positive; received " + value);
    }
    return value;
  }
}
