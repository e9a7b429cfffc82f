package io.keras4j.spark;

import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.models.Model;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;

/**
 * One task of a {@link BarrierTrainer} stage: trains a fresh model on its partition, batch by batch, and every
 * {@code k} steps replaces its weights by the mean of all tasks' weights ({@code BarrierTaskContext.allGather}).
 * Task 0 writes the checkpoint and returns the final weights and losses.
 */
final class TrainTask extends AbstractFunction1<scala.collection.Iterator<Row>, scala.collection.Iterator<String>>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Test seam: the global step at which partition 1's first stage attempt throws (a lost task); -1 for none. */
  static volatile long failAtStep = -1;

  /** Test seam: the step a restarted stage attempt resumed from (-1 until one does). */
  static volatile long resumedAt = -1;

  private final ModelFactory factory;
  private final Broadcast<float[]> initialWeights;
  private final int featuresIndex;
  private final int labelIndex;
  private final String[] columns;
  private final int batchSize;
  private final int epochs;
  private final int syncEvery;
  private final String checkpointDir;

  TrainTask(ModelFactory factory, Broadcast<float[]> initialWeights, int featuresIndex, int labelIndex,
      String[] columns, int batchSize, int epochs, int syncEvery, String checkpointDir) {
    this.factory = factory;
    this.initialWeights = initialWeights;
    this.featuresIndex = featuresIndex;
    this.labelIndex = labelIndex;
    this.columns = columns;
    this.batchSize = batchSize;
    this.epochs = epochs;
    this.syncEvery = syncEvery;
    this.checkpointDir = checkpointDir;
  }

  @Override
  public scala.collection.Iterator<String> apply(scala.collection.Iterator<Row> rows) {
    BarrierTaskContext ctx = BarrierTaskContext.get();
    try (Model model = factory.create()) {
      List<String> out = train(ctx, model, CollectionConverters.asJava(rows));
      return CollectionConverters.asScala(out.iterator());
    }
  }

  private List<String> train(BarrierTaskContext ctx, Model model, java.util.Iterator<Row> rows) {
    Shape in = model.inputs().get(0).shape().withoutBatch();
    Shape outShape = model.outputs().get(0).shape().withoutBatch();
    int xw = (int) in.size();
    int yw = (int) outShape.size();
    List<float[]> xs = new ArrayList<>();
    List<float[]> ys = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      float[] x = new float[xw];
      float[] y = new float[yw];
      RowAssembler.fill(r, new int[] {featuresIndex}, new String[] {columns[0]}, x, 0, xw);
      RowAssembler.fill(r, new int[] {labelIndex}, new String[] {columns[1]}, y, 0, yw);
      xs.add(x);
      ys.add(y);
    }
    int steps = Integer.MAX_VALUE; // every task runs the same number of steps: the fewest full batches of any task
    for (String s : ctx.allGather(String.valueOf(xs.size() / batchSize))) {
      steps = Math.min(steps, Integer.parseInt(s));
    }
    if (steps == 0) {
      throw new IllegalArgumentException("BarrierTrainer: a partition holds fewer rows than batch_size=" + batchSize
          + "; expected at least one full batch in each of the " + ctx.getTaskInfos().length + " partitions");
    }
    TrainingCheckpoint resumed = checkpointDir == null ? null : TrainingCheckpoint.read(Path.of(checkpointDir));
    long done = resumed == null ? 0 : resumed.steps();
    List<Double> losses = resumed == null ? new ArrayList<>() : new ArrayList<>(resumed.losses());
    WeightCodec.assign(model, resumed == null ? initialWeights.value() : resumed.weights());
    if (ctx.stageAttemptNumber() > 0) {
      resumedAt = done;
    }
    long total = (long) epochs * steps;
    for (long g = done; g < total; g++) {
      int s = (int) (g % steps);
      double loss = model.trainOnBatch(batch(xs, s, xw, in), batch(ys, s, yw, outShape)).get("loss");
      if (g == failAtStep && ctx.partitionId() == 1 && ctx.stageAttemptNumber() == 0) {
        throw new IllegalStateException("BarrierTrainer test: task 1 lost at step " + g);
      }
      if ((g + 1) % syncEvery == 0 || g == total - 1) {
        losses.add(synchronize(ctx, model, loss));
        if (checkpointDir != null && ctx.partitionId() == 0) {
          new TrainingCheckpoint(g + 1, WeightCodec.flatten(model), losses).write(Path.of(checkpointDir));
        }
      }
    }
    if (ctx.partitionId() != 0) {
      return List.of();
    }
    StringBuilder l = new StringBuilder();
    losses.forEach(v -> l.append(v).append(','));
    return List.of(WeightCodec.encode(WeightCodec.flatten(model)) + "|" + l);
  }

  /** Averages the weights of all tasks into {@code model}; returns the mean of the tasks' last losses. */
  private static double synchronize(BarrierTaskContext ctx, Model model, double loss) {
    String[] all = ctx.allGather(loss + "|" + WeightCodec.encode(WeightCodec.flatten(model)));
    List<float[]> weights = new ArrayList<>();
    double lossSum = 0;
    for (String msg : all) {
      int bar = msg.indexOf('|');
      lossSum += Double.parseDouble(msg.substring(0, bar));
      weights.add(WeightCodec.decode(msg.substring(bar + 1)));
    }
    WeightCodec.assign(model, WeightCodec.mean(weights));
    return lossSum / all.length;
  }

  private NDArray batch(List<float[]> rows, int step, int width, Shape perRow) {
    float[] flat = new float[batchSize * width];
    for (int i = 0; i < batchSize; i++) {
      System.arraycopy(rows.get(step * batchSize + i), 0, flat, i * width, width);
    }
    return NDArray.of(flat, Predictor.batchShape(perRow, batchSize));
  }

  static float[] decodeWeights(String result) {
    return WeightCodec.decode(result.substring(0, result.indexOf('|')));
  }

  static List<Double> decodeLosses(String result) {
    String tail = result.substring(result.indexOf('|') + 1);
    return Arrays.stream(tail.split(",")).filter(s -> !s.isEmpty()).map(Double::valueOf).toList();
  }
}
