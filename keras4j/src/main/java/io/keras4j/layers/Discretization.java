package io.keras4j.layers;

// Follows keras/src/layers/preprocessing/discretization.py (Keras 3.15.1).

import io.keras4j.backend.HostArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Buckets continuous values by bin boundaries: value {@code x} goes to the number of boundaries {@code <= x}.
 *
 * <p>Keras equivalent: {@code keras.layers.Discretization(bin_boundaries=None, num_bins=None, epsilon=0.01,
 * output_mode="int", sparse=False)}. Give the boundaries, or {@code num_bins} and {@link #adapt} (approximate
 * quantiles, Keras' algorithm). "int" outputs int32 bin indices; the other modes float32 encodings of
 * {@code len(bin_boundaries) + 1} bins.
 * <pre>{@code new Discretization().binBoundaries(0, 1, 2)   // [-1.5, 1.0, 3.4] -> [0, 2, 3]}</pre>
 * The boundaries are part of the config, as in Keras (no weights).
 */
public class Discretization extends BaseLayer<Discretization> {
  private static final List<String> MODES = List.of("int", "one_hot", "multi_hot", "count");
  private double[] binBoundaries;
  private Integer numBins;
  private double epsilon = 0.01;
  private String outputMode = "int";

  /** Sets the bin boundaries, ascending (Keras' {@code bin_boundaries=}). Default none (set num_bins and adapt). */
  public Discretization binBoundaries(double... binBoundaries) {
    checkNotBuilt("bin_boundaries");
    if (numBins != null) {
      throw bothSet(binBoundaries);
    }
    this.binBoundaries = binBoundaries == null ? null : binBoundaries.clone();
    return this;
  }

  /** Sets the number of bins that {@link #adapt} finds (Keras' {@code num_bins=}, at least 0). Default none. */
  public Discretization numBins(int numBins) {
    checkNotBuilt("num_bins");
    if (numBins < 0) {
      throw new IllegalArgumentException("Discretization: `num_bins` must be greater than or equal to 0. "
          + "Received: `num_bins=" + numBins + "`");
    }
    if (binBoundaries != null) {
      throw bothSet(binBoundaries);
    }
    this.numBins = numBins;
    return this;
  }

  private IllegalArgumentException bothSet(double[] boundaries) {
    return new IllegalArgumentException("Discretization: both `num_bins` and `bin_boundaries` should not be set. "
        + "Received: `num_bins=" + numBins + "` and `bin_boundaries=" + Arrays.toString(boundaries) + "`");
  }

  /** Sets the quantile error tolerance of {@link #adapt} (Keras' {@code epsilon=}). Default 0.01. */
  public Discretization epsilon(double epsilon) {
    checkNotBuilt("epsilon");
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("Discretization: `epsilon` must be positive. Received: epsilon=" + epsilon);
    }
    this.epsilon = epsilon;
    return this;
  }

  /** Sets the output (Keras' {@code output_mode=}): "int", "one_hot", "multi_hot" or "count". Default "int". */
  public Discretization outputMode(String outputMode) {
    checkNotBuilt("output_mode");
    this.outputMode = CategoricalEncodings.check("Discretization", outputMode, MODES);
    return this;
  }

  /** Keras' {@code sparse=}: keras4j has dense tensors only, so only false is accepted. Default false. */
  public Discretization sparse(boolean sparse) {
    if (sparse) {
      throw new IllegalArgumentException("Discretization '" + name() + "': keras4j has no sparse tensors. "
          + "Expected sparse=false. Received: sparse=true");
    }
    return this;
  }

  /** The bin boundaries, given or adapted, or null. */
  public double[] binBoundaries() {
    return binBoundaries == null ? null : binBoundaries.clone();
  }

  /**
   * Computes {@code num_bins} quantile bins of all values in {@code data} (Keras' {@code adapt}: its summary of
   * {@code 1 / epsilon} sorted samples, compressed to the bins by linear interpolation of cumulative weights).
   */
  public void adapt(Object data) {
    if (numBins == null) {
      throw new IllegalStateException("Cannot adapt a Discretization layer that has been initialized with "
          + "`bin_boundaries`, use `num_bins` instead.");
    }
    checkNotBuilt("bin_boundaries (adapt)");
    HostArray a = HostArray.of(data);
    float[] v = new float[(int) a.shape().size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) a.getDouble(i);
    }
    binBoundaries = Quantiles.binBoundaries(v, epsilon, numBins);
  }

  private int depth() {
    return binBoundaries != null ? binBoundaries.length + 1 : numBins;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    if (binBoundaries == null) {
      throw new IllegalStateException("You need to either pass the `bin_boundaries` argument at construction time "
          + "or call `adapt(dataset)` before you can start using the `Discretization` layer.");
    }
    Ops ops = ops();
    float[] b = new float[binBoundaries.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) binBoundaries[i];
    }
    Tensor indices = ops.searchSorted(ops.constant(b, Shape.of(b.length)), ops.cast(input, "float32"), true);
    String dtype = outputMode.equals("int") ? "int32" : dtype();
    return CategoricalEncodings.encode(ops, indices, outputMode, depth(), dtype, null);
  }

  @Override
  protected String outputDtype() {
    return outputMode.equals("int") ? "int32" : dtype();
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes, List<String> dtypes) {
    return List.of(CategoricalEncodings.outputShape(inputShapes.get(0), outputMode, depth()));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("bin_boundaries", binBoundaries == null ? null : ConfigLists.of(binBoundaries));
    c.put("num_bins", numBins);
    c.put("epsilon", epsilon);
    c.put("output_mode", outputMode);
    c.put("sparse", false);
    c.put("name", name());
    c.put("dtype", dtype());
    return c;
  }

  /**
   * A Discretization layer from its Keras config (Keras' {@code Discretization.from_config}); an adapted layer's
   * config has both {@code num_bins} and {@code bin_boundaries}.
   */
  public static Discretization fromConfig(Map<String, Object> config) {
    Config c = new Config("Discretization", config);
    Discretization d = new Discretization();
    double[] boundaries = c.numbers("bin_boundaries", null);
    Integer n = c.optionalInteger("num_bins");
    if (n == null && boundaries == null) {
      throw new IllegalArgumentException("You need to set either `num_bins` or `bin_boundaries`.");
    }
    if (n != null) {
      d.numBins(n);
    }
    d.binBoundaries = boundaries;
    d.epsilon(c.number("epsilon", 0.01)).outputMode(c.string("output_mode", "int")).sparse(c.bool("sparse", false));
    return withBaseConfig(d, c);
  }
}
