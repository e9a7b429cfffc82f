package io.keras4j.layers;

// Follows keras/src/layers/preprocessing/hashed_crossing.py (Keras 3.15.1).

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Crosses two or more integer features by hashing each combination into {@code num_bins} bins, as
 * {@code tf.sparse.cross_hashed} (FingerprintCat64 of the features' Fingerprint64s; the same TensorFlow kernel as
 * Keras, so the same bins).
 *
 * <p>Keras equivalent: {@code keras.layers.HashedCrossing(num_bins, output_mode="int", sparse=False)}. Inputs have
 * shape {@code ()}, {@code (batch,)} or {@code (batch, 1)}, all the same; "int" outputs int64 bins of that shape,
 * "one_hot" float32 vectors of {@code num_bins}.
 * <pre>{@code new HashedCrossing(5).applyAll(List.of(a, b), false)}</pre>
 * Porting note: keras4j tensors carry no strings, so only integer features are crossed; float inputs (what a
 * keras4j model feeds) are truncated to int64, where Keras refuses them.
 */
public class HashedCrossing extends BaseLayer<HashedCrossing> {
  private final int numBins;
  private String outputMode = "int";
  private String outputDtype;

  /** Crosses into {@code numBins} bins (Keras' {@code num_bins}, positive). */
  public HashedCrossing(int numBins) {
    if (numBins <= 0) {
      throw new IllegalArgumentException("HashedCrossing: `num_bins` must be positive. Received: num_bins="
          + numBins);
    }
    this.numBins = numBins;
  }

  /** Sets the output (Keras' {@code output_mode=}): "int" or "one_hot". Default "int". */
  public HashedCrossing outputMode(String outputMode) {
    checkNotBuilt("output_mode");
    this.outputMode = CategoricalEncodings.check("HashedCrossing", outputMode, List.of("int", "one_hot"));
    return this;
  }

  /** Keras' {@code sparse=}: keras4j has dense tensors only, so only false is accepted. Default false. */
  public HashedCrossing sparse(boolean sparse) {
    if (sparse) {
      throw new IllegalArgumentException("HashedCrossing '" + name() + "': keras4j has no sparse tensors. "
          + "Expected sparse=false. Received: sparse=true");
    }
    return this;
  }

  /** Sets the output dtype (Keras' {@code dtype=}). Default "int64" for "int", "float32" for "one_hot". */
  @Override
  public HashedCrossing dtype(String dtype) {
    checkNotBuilt("dtype");
    this.outputDtype = dtype;
    return this;
  }

  @Override
  protected String outputDtype() {
    return outputDtype != null ? outputDtype : outputMode.equals("int") ? "int64" : "float32";
  }

  private void checkShapes(List<Shape> shapes) {
    if (shapes.size() < 2) {
      throw new IllegalArgumentException("`HashedCrossing` should be called on at least two inputs. Received: "
          + shapes.size() + " input(s)");
    }
    Shape first = shapes.get(0);
    if (first.rank() > 2 || (first.rank() == 2 && first.get(-1) != 1)) {
      throw new IllegalArgumentException("All `HashedCrossing` inputs should have shape `()`, `(batch_size)` or "
          + "`(batch_size, 1)`. Received: shapes=" + shapes);
    }
    for (Shape s : shapes) {
      if (s.rank() != first.rank() || (s.rank() == 2 && s.get(-1) != 1)) {
        throw new IllegalArgumentException("All `HashedCrossing` inputs should have equal shape. Received: shapes="
            + shapes);
      }
    }
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, boolean training) {
    List<Shape> shapes = new ArrayList<>();
    inputs.forEach(t -> shapes.add(t.shape()));
    checkShapes(shapes);
    Ops ops = ops();
    int rank = inputs.get(0).rank();
    List<Tensor> xs = new ArrayList<>();
    for (Tensor t : inputs) {
      Tensor x = t.dtype().startsWith("int") ? t : ops.cast(t, "int64");
      for (int r = rank; r < 2; r++) {
        x = ops.expandDims(x, -1);
      }
      xs.add(x);
    }
    Tensor out = ops.crossHashed(xs, numBins);
    if (rank == 1) {
      out = ops.squeeze(out, 1);
    } else if (rank == 0) {
      out = ops.reshape(out);
    }
    return List.of(CategoricalEncodings.encode(ops, out, outputMode, numBins, outputDtype(), null));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes, List<String> dtypes) {
    checkShapes(inputShapes);
    return List.of(CategoricalEncodings.outputShape(inputShapes.get(0), outputMode, numBins));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("num_bins", numBins);
    c.put("output_mode", outputMode);
    c.put("sparse", false);
    c.put("name", name());
    c.put("dtype", outputDtype());
    return c;
  }

  /** A HashedCrossing layer from its Keras config (Keras' {@code HashedCrossing.from_config}). */
  public static HashedCrossing fromConfig(Map<String, Object> config) {
    Config c = new Config("HashedCrossing", config);
    HashedCrossing h = new HashedCrossing(c.integer("num_bins")).outputMode(c.string("output_mode", "int"))
        .sparse(c.bool("sparse", false));
    if (c.has("name")) {
      h.name(c.string("name", null));
    }
    Object dtype = c.get("dtype");
    if (dtype instanceof Map<?, ?> policy && policy.get("config") instanceof Map<?, ?> pc) {
      dtype = pc.get("name");
    }
    if (dtype instanceof String d) {
      h.dtype(d);
    }
    return h;
  }
}
