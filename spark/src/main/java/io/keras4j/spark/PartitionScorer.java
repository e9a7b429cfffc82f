package io.keras4j.spark;

import io.keras4j.backend.Shape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Scores one partition: reads a chunk of rows at a time, assembles their input columns into one float32 array, runs
 * the executor's cached model on it with {@code predict(x, batchSize)} and appends the outputs to each row. Rows
 * stream through: a partition is never held in memory as a whole.
 *
 * <p>A chunk is up to {@value #BATCHES_PER_CALL} batches (fewer when that would exceed {@value #VALUES_PER_CALL}
 * input values), because each {@code predict} call has a fixed cost of about 2 ms (feeding, output buffers) that a
 * batch of 256 small rows does not cover; the model still runs {@code batchSize} rows per step, as Keras'
 * {@code predict(x, batch_size=)} does.
 */
final class PartitionScorer implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  static final int BATCHES_PER_CALL = 64;
  static final int VALUES_PER_CALL = 1 << 22;

  private final Broadcast<ModelFile> model;
  private final int[] inputIndices;
  private final String[] inputNames;
  private final int batchSize;

  PartitionScorer(Broadcast<ModelFile> model, int[] inputIndices, String[] inputNames, int batchSize) {
    this.model = model;
    this.inputIndices = inputIndices;
    this.inputNames = inputNames;
    this.batchSize = batchSize;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new Batches(rows);
  }

  private final class Batches implements Iterator<Row> {
    private final Iterator<Row> in;
    private final ArrayDeque<Row> ready = new ArrayDeque<>();
    private Predictor predictor;

    Batches(Iterator<Row> in) {
      this.in = in;
    }

    @Override
    public boolean hasNext() {
      if (ready.isEmpty() && in.hasNext()) {
        scoreNextBatch();
      }
      if (ready.isEmpty()) {
        release();
      }
      return !ready.isEmpty();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    private void scoreNextBatch() {
      if (predictor == null) {
        borrow();
      }
      int width = (int) predictor.inputShape().size();
      int batches = Math.max(1, Math.min(BATCHES_PER_CALL, VALUES_PER_CALL / Math.max(1, batchSize * width)));
      int chunk = (int) Math.min((long) batches * batchSize, Integer.MAX_VALUE / Math.max(1, width));
      List<Row> batch = new ArrayList<>(chunk);
      float[] x = new float[chunk * width];
      while (batch.size() < chunk && in.hasNext()) {
        Row row = in.next();
        RowAssembler.fill(row, inputIndices, inputNames, x, batch.size() * width, width);
        batch.add(row);
      }
      int n = batch.size();
      float[] feed = n == chunk ? x : java.util.Arrays.copyOf(x, n * width);
      List<float[]> outputs = predictor.predict(feed, n, batchSize);
      List<Shape> shapes = predictor.outputShapes();
      for (int r = 0; r < n; r++) {
        Row row = batch.get(r);
        Object[] values = new Object[row.length() + outputs.size()];
        for (int c = 0; c < row.length(); c++) {
          values[c] = row.get(c);
        }
        for (int o = 0; o < outputs.size(); o++) {
          values[row.length() + o] = RowAssembler.outputValue(outputs.get(o), r, (int) shapes.get(o).size());
        }
        ready.add(RowFactory.create(values));
      }
    }

    private void borrow() {
      ModelFile file = model.value();
      predictor = ExecutorModels.borrow(file);
      TaskContext task = TaskContext.get();
      if (task != null) { // also when a downstream limit() abandons this iterator
        task.addTaskCompletionListener((TaskCompletionListener) ctx -> release());
      }
    }

    private synchronized void release() {
      if (predictor != null) {
        ExecutorModels.release(model.value(), predictor);
        predictor = null;
      }
    }
  }
}
