package io.keras4j.spark;

import io.keras4j.backend.Shape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.JoinedRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Scores one partition: reads a chunk of rows at a time, assembles their input columns into one float32 array, runs
 * the executor's cached model on it with {@code predict(x, batchSize)} and appends the outputs to each row. Rows
 * stream through: a partition is never held in memory as a whole. It works on Spark's internal rows, so numbers
 * are copied from Spark's memory into the batch without boxing.
 *
 * <p>A chunk is up to {@value #BATCHES_PER_CALL} batches (fewer when that would exceed {@value #VALUES_PER_CALL}
 * input values), because each {@code predict} call has a fixed cost of about 2 ms (feeding, output buffers) that a
 * batch of 256 small rows does not cover; the model still runs {@code batchSize} rows per step, as Keras'
 * {@code predict(x, batch_size=)} does.
 */
final class PartitionScorer implements FlatMapFunction<Iterator<InternalRow>, InternalRow> {
  private static final long serialVersionUID = 1L;
  static final int BATCHES_PER_CALL = 64;
  static final int VALUES_PER_CALL = 1 << 22;

  private final Broadcast<ModelFile> model;
  private final int[] inputIndices;
  private final DataType[] inputTypes;
  private final String[] inputNames;
  private final int batchSize;

  PartitionScorer(Broadcast<ModelFile> model, int[] inputIndices, DataType[] inputTypes, String[] inputNames,
      int batchSize) {
    this.model = model;
    this.inputIndices = inputIndices;
    this.inputTypes = inputTypes;
    this.inputNames = inputNames;
    this.batchSize = batchSize;
  }

  @Override
  public Iterator<InternalRow> call(Iterator<InternalRow> rows) {
    return new Batches(rows);
  }

  private final class Batches implements Iterator<InternalRow> {
    private final Iterator<InternalRow> in;
    private final ArrayDeque<InternalRow> ready = new ArrayDeque<>();
    private Predictor predictor;

    Batches(Iterator<InternalRow> in) {
      this.in = in;
    }

    @Override
    public boolean hasNext() {
      if (ready.isEmpty() && in.hasNext()) {
        scoreNextChunk();
      }
      if (ready.isEmpty()) {
        release();
      }
      return !ready.isEmpty();
    }

    @Override
    public InternalRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    private void scoreNextChunk() {
      if (predictor == null) {
        borrow();
      }
      int width = (int) predictor.inputShape().size();
      int batches = Math.max(1, Math.min(BATCHES_PER_CALL, VALUES_PER_CALL / Math.max(1, batchSize * width)));
      int chunk = (int) Math.min((long) batches * batchSize, Integer.MAX_VALUE / Math.max(1, width));
      List<InternalRow> rows = new ArrayList<>(chunk);
      float[] x = new float[chunk * width];
      ColumnReader.Context context = new ColumnReader.Context(inputNames, width);
      while (rows.size() < chunk && in.hasNext()) {
        InternalRow row = in.next().copy(); // the upstream iterator may reuse its row object
        int start = rows.size() * width;
        int pos = start;
        for (int c = 0; c < inputIndices.length; c++) {
          context.column = inputNames[c];
          pos = ColumnReader.put(row, inputIndices[c], inputTypes[c], x, pos, start + width, context);
        }
        if (pos != start + width) {
          throw context.tooFew(pos - start);
        }
        rows.add(row);
      }
      int n = rows.size();
      float[] feed = n == chunk ? x : java.util.Arrays.copyOf(x, n * width);
      List<float[]> outputs = predictor.predict(feed, n, batchSize);
      List<Shape> shapes = predictor.outputShapes();
      for (int r = 0; r < n; r++) {
        Object[] values = new Object[outputs.size()];
        for (int o = 0; o < outputs.size(); o++) {
          values[o] = outputValue(outputs.get(o), r, (int) shapes.get(o).size());
        }
        ready.add(new JoinedRow(rows.get(r), new GenericInternalRow(values)));
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

  /** Row {@code r}'s value of an output of {@code size} values per row, as {@link RowAssembler#outputType} says. */
  private static Object outputValue(float[] output, int r, int size) {
    if (size == 1) {
      return output[r];
    }
    float[] row = new float[size];
    System.arraycopy(output, r * size, row, 0, size);
    return UnsafeArrayData.fromPrimitiveArray(row);
  }
}
