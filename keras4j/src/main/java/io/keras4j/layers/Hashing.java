package io.keras4j.layers;

// Follows keras/src/layers/preprocessing/hashing.py (Keras 3.15.1).

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Hashes integer features into {@code num_bins} bins, as Keras: each value written as a decimal string and hashed
 * with FarmHash Fingerprint64 ({@code tf.strings.to_hash_bucket_fast}), or with keyed SipHash when a {@code salt}
 * is given ({@code to_hash_bucket_strong}); the same TensorFlow kernels, so the same bins.
 *
 * <p>Keras equivalent: {@code keras.layers.Hashing(num_bins, mask_value=None, salt=None, output_mode="int",
 * sparse=False)}. With a {@code mask_value}, bin 0 is kept for it and the others hash into {@code [1, num_bins)}.
 * Float inputs are truncated to int64 first (as Keras). "int" outputs int64 bins; the other modes float32.
 * <pre>{@code new Hashing(3)   // [[0], [1], [2], [3], [4]] -> [[1], [0], [1], [0], [2]]}</pre>
 * Porting note: keras4j tensors carry no strings, so string features are not supported.
 */
public class Hashing extends BaseLayer<Hashing> {
  private static final List<String> MODES = List.of("int", "one_hot", "multi_hot", "count");
  private final int numBins;
  private Double maskValue;
  private long[] salt;
  private String outputMode = "int";
  private String outputDtype;

  /** Hashes into {@code numBins} bins (Keras' {@code num_bins}, positive). */
  public Hashing(int numBins) {
    if (numBins <= 0) {
      throw new IllegalArgumentException("The `num_bins` for `Hashing` cannot be `None` or non-positive values. "
          + "Received: num_bins=" + numBins + ".");
    }
    this.numBins = numBins;
  }

  /** Sets the value that maps to bin 0 (Keras' {@code mask_value=}). Default none. */
  public Hashing maskValue(Number maskValue) {
    checkNotBuilt("mask_value");
    this.maskValue = maskValue == null ? null : maskValue.doubleValue();
    return this;
  }

  /**
   * Sets the SipHash key (Keras' {@code salt=}): one integer, used for both key words, or two. Default none
   * (FarmHash).
   */
  public Hashing salt(long... salt) {
    checkNotBuilt("salt");
    if (salt == null) {
      this.salt = null;
      return this;
    }
    if (salt.length != 1 && salt.length != 2) {
      throw new IllegalArgumentException("The `salt` argument for `Hashing` can only be a tuple of size 2 integers, "
          + "or a single integer. Received: salt=" + java.util.Arrays.toString(salt) + ".");
    }
    this.salt = salt.length == 1 ? new long[] {salt[0], salt[0]} : salt.clone();
    return this;
  }

  /** Sets the output (Keras' {@code output_mode=}): "int", "one_hot", "multi_hot" or "count". Default "int". */
  public Hashing outputMode(String outputMode) {
    checkNotBuilt("output_mode");
    this.outputMode = CategoricalEncodings.check("Hashing", outputMode, MODES);
    return this;
  }

  /** Keras' {@code sparse=}: keras4j has dense tensors only, so only false is accepted. Default false. */
  public Hashing sparse(boolean sparse) {
    if (sparse) {
      throw new IllegalArgumentException("Hashing '" + name() + "': keras4j has no sparse tensors. "
          + "Expected sparse=false. Received: sparse=true");
    }
    return this;
  }

  /**
   * Sets the output dtype (Keras' {@code dtype=}): "int64" or "int32" in "int" mode, "float32" otherwise. Default
   * "int64" for "int", "float32" for the others.
   */
  @Override
  public Hashing dtype(String dtype) {
    checkNotBuilt("dtype");
    this.outputDtype = dtype;
    return this;
  }

  @Override
  protected String outputDtype() {
    String d = outputDtype != null ? outputDtype : outputMode.equals("int") ? "int64" : "float32";
    boolean intMode = outputMode.equals("int");
    if (intMode ? !d.equals("int64") && !d.equals("int32") : !d.equals("float32")) {
      throw new IllegalArgumentException("Hashing '" + name() + "': when `output_mode=\"" + outputMode + "\"`, "
          + "`dtype` should be " + (intMode ? "an integer type, 'int32' or 'int64'" : "'float32'")
          + ". Received: dtype=" + d);
    }
    return d;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    Tensor x = input;
    if (outputMode.equals("one_hot") && x.rank() > 0 && x.shape().get(-1) == 1) {
      x = ops.squeeze(x, -1);
    }
    int bins = numBins;
    Tensor mask = null;
    if (maskValue != null && bins > 1) {
      bins -= 1;
      mask = ops.equal(x, ops.cast(ops.constant(maskValue.floatValue()), x.dtype()));
    }
    Tensor hashed = ops.hashBucket(x, bins, salt);
    if (mask != null) {
      hashed = ops.add(hashed, ops.onesLike(hashed));
      hashed = ops.where(mask, ops.zerosLike(hashed), hashed);
    }
    return CategoricalEncodings.encode(ops, hashed, outputMode, numBins, outputDtype(), null);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes, List<String> dtypes) {
    Shape in = inputShapes.get(0);
    if (outputMode.equals("int")) {
      return List.of(in);
    }
    long[] d = in.rank() == 0 ? new long[1] : in.dims();
    d[d.length - 1] = numBins;
    return List.of(Shape.of(d));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("dtype", LayerConfigs.dtypePolicy(outputDtype()));
    c.put("num_bins", numBins);
    c.put("salt", salt == null ? null : List.of(salt[0], salt[1]));
    c.put("mask_value", maskValue == null ? null : maskValue == Math.rint(maskValue) ? (Object) maskValue.longValue()
        : maskValue);
    c.put("output_mode", outputMode);
    c.put("sparse", false);
    return c;
  }

  /** A Hashing layer from its Keras config (Keras' {@code Hashing.from_config}). */
  public static Hashing fromConfig(Map<String, Object> config) {
    Config c = new Config("Hashing", config);
    if (c.get("num_bins") == null) {
      throw new IllegalArgumentException("The `num_bins` for `Hashing` cannot be `None` or non-positive values. "
          + "Received: num_bins=None.");
    }
    Hashing h = new Hashing(c.integer("num_bins")).outputMode(c.string("output_mode", "int"))
        .sparse(c.bool("sparse", false));
    if (c.get("mask_value") instanceof Number m) {
      h.maskValue(m);
    }
    Object salt = c.get("salt");
    if (salt instanceof Number s) {
      h.salt(s.longValue());
    } else if (salt instanceof List<?> s) {
      long[] l = new long[s.size()];
      for (int i = 0; i < l.length; i++) {
        l[i] = ((Number) s.get(i)).longValue();
      }
      h.salt(l);
    } else if (salt != null) {
      throw new IllegalArgumentException("The `salt` argument for `Hashing` can only be a tuple of size 2 integers, "
          + "or a single integer. Received: salt=" + salt + ".");
    }
    Object dtype = c.get("dtype");
    if (dtype instanceof Map<?, ?> policy && policy.get("config") instanceof Map<?, ?> pc) {
      dtype = pc.get("name");
    }
    Map<String, Object> base = new java.util.LinkedHashMap<>(config);
    base.remove("dtype");
    withBaseConfig(h, new Config("Hashing", base));
    if (dtype instanceof String d) {
      h.dtype(d);
    }
    return h;
  }
}
