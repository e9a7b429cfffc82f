package io.keras4j.spark;

import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.saving.SavedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One loaded model as the scorer sees it: a single input of a fixed per-row shape, float32 rows in, each output's
 * float32 rows out. Backed by a keras4j {@link Model} ({@code .keras}, {@code .h5}) or a {@link SavedModel}.
 */
abstract class Predictor implements AutoCloseable {
  /** The input's shape without the batch dimension. */
  abstract Shape inputShape();

  /** Each output's shape without the batch dimension. */
  abstract List<Shape> outputShapes();

  /**
   * Runs {@code rows} rows of {@code x} (row-major, {@code rows * inputShape().size()} values), {@code batchSize}
   * rows per step.
   */
  abstract List<float[]> predict(float[] x, int rows, int batchSize);

  @Override
  public abstract void close();

  /** Loads the model file or SavedModel directory at {@code path}. */
  static Predictor load(Path path, boolean savedModel) {
    return savedModel ? new OfSavedModel(SavedModel.load(path)) : new OfModel(Models.loadModel(path));
  }

  static long[] batchShape(Shape perRow, int rows) {
    long[] dims = new long[perRow.rank() + 1];
    dims[0] = rows;
    System.arraycopy(perRow.dims(), 0, dims, 1, perRow.rank());
    return dims;
  }

  private static Shape defined(Shape withBatch, String what) {
    Shape s = withBatch.withoutBatch();
    if (!s.isFullyDefined()) {
      throw new IllegalArgumentException("KerasModelScorer: the model's " + what + " shape " + withBatch
          + " is not fully defined beyond the batch dimension; expected a fixed shape per row");
    }
    return s;
  }

  /** A keras4j model. */
  static final class OfModel extends Predictor {
    private final Model model;
    private final Shape input;
    private final List<Shape> outputs = new ArrayList<>();

    OfModel(Model model) {
      this.model = model;
      if (model.inputs().size() != 1) {
        model.close();
        throw new IllegalArgumentException("KerasModelScorer: expected a model with one input; received model '"
            + model.name() + "' with " + model.inputs().size());
      }
      this.input = defined(model.inputs().get(0).shape(), "input");
      model.outputs().forEach(o -> outputs.add(defined(o.shape(), "output")));
    }

    @Override
    Shape inputShape() {
      return input;
    }

    @Override
    List<Shape> outputShapes() {
      return outputs;
    }

    @Override
    List<float[]> predict(float[] x, int rows, int batchSize) {
      List<NDArray> out = model.predictOutputs(NDArray.of(x, batchShape(input, rows)), batchSize);
      return out.stream().map(a -> a.astype("float32").toFloatArray()).toList();
    }

    @Override
    public void close() {
      model.close();
    }
  }

  /** A TensorFlow SavedModel, called through its "serving_default" signature. */
  static final class OfSavedModel extends Predictor {
    private static final String SIGNATURE = "serving_default";
    private final SavedModel model;
    private final String inputName;
    private final Shape input;
    private final List<String> outputNames = new ArrayList<>();
    private final List<Shape> outputs = new ArrayList<>();

    OfSavedModel(SavedModel model) {
      this.model = model;
      Map<String, Shape> in = model.inputs(SIGNATURE);
      if (in.size() != 1) {
        model.close();
        throw new IllegalArgumentException("KerasModelScorer: expected a SavedModel whose " + SIGNATURE
            + " signature takes one input; received " + in.keySet());
      }
      this.inputName = in.keySet().iterator().next();
      this.input = defined(in.get(inputName), "input");
      model.outputs(SIGNATURE).entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
        outputNames.add(e.getKey());
        outputs.add(defined(e.getValue(), "output"));
      });
    }

    @Override
    Shape inputShape() {
      return input;
    }

    @Override
    List<Shape> outputShapes() {
      return outputs;
    }

    @Override
    List<float[]> predict(float[] x, int rows, int batchSize) {
      int width = (int) input.size();
      List<float[]> result = new ArrayList<>();
      for (Shape s : outputs) {
        result.add(new float[rows * (int) s.size()]);
      }
      for (int start = 0; start < rows; start += batchSize) { // a signature call runs what it is given at once
        int n = Math.min(batchSize, rows - start);
        float[] part = java.util.Arrays.copyOfRange(x, start * width, (start + n) * width);
        Map<String, NDArray> out = model.call(SIGNATURE, Map.of(inputName, NDArray.of(part, batchShape(input, n))));
        for (int o = 0; o < outputs.size(); o++) {
          int size = (int) outputs.get(o).size();
          System.arraycopy(out.get(outputNames.get(o)).astype("float32").toFloatArray(), 0, result.get(o),
              start * size, n * size);
        }
      }
      return result;
    }

    @Override
    public void close() {
      model.close();
    }
  }
}
