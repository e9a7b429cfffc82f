package io.keras4j.spark;

import io.keras4j.backend.Shape;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.JoinedRow;
import org.apache.spark.sql.catalyst.expressions.SpecificInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
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
 *
 * <p>Porting note: per row it allocates nothing. The chunk's rows are kept in one reused byte array
 * ({@link ChunkRows}), the input array is reused from chunk to chunk, and each scored row is one reused joined row
 * (the input row and a row of the outputs) that Spark's scan of this RDD copies into its own row at once, before
 * asking for the next, as Spark's own iterators expect.
 */
final class PartitionScorer implements FlatMapFunction<Iterator<InternalRow>, InternalRow> {
  private static final long serialVersionUID = 1L;
  static final int BATCHES_PER_CALL = 64;
  static final int VALUES_PER_CALL = 1 << 22;

  private final Models models;
  private final int[] inputIndices;
  private final DataType[] inputTypes;
  private final String[] inputNames;
  private final int batchSize;

  PartitionScorer(Models models, int[] inputIndices, DataType[] inputTypes, String[] inputNames, int batchSize) {
    this.models = models;
    this.inputIndices = inputIndices;
    this.inputTypes = inputTypes;
    this.inputNames = inputNames;
    this.batchSize = batchSize;
  }

  /** Where a task gets its loaded model and gives it back: the executor's pool ({@link ExecutorModels#of}). */
  interface Models extends Serializable {
    Predictor borrow();

    void release(Predictor predictor);
  }

  @Override
  public Iterator<InternalRow> call(Iterator<InternalRow> rows) {
    return new Batches(rows);
  }

  private final class Batches implements Iterator<InternalRow> {
    private final Iterator<InternalRow> in;
    private final ChunkRows rows = new ChunkRows();
    private final JoinedRow joined = new JoinedRow();
    private Predictor predictor;
    private SpecificInternalRow scores;
    private float[] x;
    private List<float[]> outputs;
    private int[] outputSizes;
    private int next;

    Batches(Iterator<InternalRow> in) {
      this.in = in;
    }

    @Override
    public boolean hasNext() {
      if (next == rows.size() && in.hasNext()) {
        scoreNextChunk();
      }
      if (next == rows.size()) {
        release();
        return false;
      }
      return true;
    }

    @Override
    public InternalRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int r = next++;
      for (int o = 0; o < outputSizes.length; o++) {
        if (outputSizes[o] == 1) {
          scores.setFloat(o, outputs.get(o)[r]);
        } else {
          float[] row = new float[outputSizes[o]];
          System.arraycopy(outputs.get(o), r * row.length, row, 0, row.length);
          scores.update(o, UnsafeArrayData.fromPrimitiveArray(row));
        }
      }
      return joined.apply(rows.get(r), scores);
    }

    private void scoreNextChunk() {
      if (predictor == null) {
        borrow();
      }
      int width = (int) predictor.inputShape().size();
      int batches = Math.max(1, Math.min(BATCHES_PER_CALL, VALUES_PER_CALL / Math.max(1, batchSize * width)));
      int chunk = (int) Math.min((long) batches * batchSize, Integer.MAX_VALUE / Math.max(1, width));
      if (x == null) {
        x = new float[chunk * width];
      }
      rows.clear();
      next = 0;
      ColumnReader.Context context = new ColumnReader.Context(inputNames, width);
      while (rows.size() < chunk && in.hasNext()) {
        InternalRow row = in.next();
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
      outputs = predictor.predict(n == chunk ? x : Arrays.copyOf(x, n * width), n, batchSize);
    }

    private void borrow() {
      predictor = models.borrow();
      List<Shape> shapes = predictor.outputShapes();
      outputSizes = shapes.stream().mapToInt(s -> (int) s.size()).toArray();
      StructType types = new StructType();
      for (int o = 0; o < outputSizes.length; o++) {
        types = types.add("output" + o, RowAssembler.outputType(outputSizes[o]), false);
      }
      scores = new SpecificInternalRow(types);
      TaskContext task = TaskContext.get();
      if (task != null) { // also when a downstream limit() abandons this iterator
        task.addTaskCompletionListener((TaskCompletionListener) ctx -> release());
      }
    }

    private synchronized void release() {
      if (predictor != null) {
        models.release(predictor);
        predictor = null;
      }
    }
  }
}
