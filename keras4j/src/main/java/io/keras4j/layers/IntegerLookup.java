package io.keras4j.layers;

// Follows keras/src/layers/preprocessing/integer_lookup.py and index_lookup.py (Keras 3.15.1).

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps integer tokens to contiguous indices by a vocabulary, given or learned by {@link #adapt} (or back, with
 * {@code invert}).
 *
 * <p>Keras equivalent: {@code keras.layers.IntegerLookup(max_tokens=None, num_oov_indices=1, mask_token=None,
 * oov_token=-1, vocabulary=None, vocabulary_dtype="int64", idf_weights=None, invert=False, output_mode="int",
 * sparse=False, pad_to_max_tokens=False, oov_method="floormod", salt=None)}. Indices: the mask (when set, in "int"
 * mode) is 0, then {@code num_oov_indices} OOV indices, then the vocabulary in order. Outputs int64 (float32 for
 * "tf_idf"), as Keras' call returns them. A vocabulary given as an argument is in the config; an adapted one is
 * saved as Keras does, in the {@code .keras} file's {@code assets/.../vocabulary.txt} ({@link #saveAssets}).
 * <pre>{@code new IntegerLookup().vocabulary(12, 36, 1138, 42)   // [[12, 1138, 42], [42, 1000, 36]] -> [[1, 3, 4], [4, 0, 2]]}</pre>
 * Porting note: with {@code num_oov_indices=0} an out-of-vocabulary token maps to -1 where Keras' graph raises an
 * assertion error.
 */
public class IntegerLookup extends BaseLayer<IntegerLookup>
    implements io.keras4j.saving.HasAssets, io.keras4j.saving.OwnVariables {
  static final List<String> MODES = List.of("int", "one_hot", "multi_hot", "count", "tf_idf");
  final IntegerLookupConfig cfg = new IntegerLookupConfig();
  long[] tokens;
  double[] idfWeights;
  /** "tf_idf" mode: the IDF weights as Keras saves them ({@code vars/idf_weights}), not a layer weight. */
  private io.keras4j.backend.Variable idfVariable;

  /** Sets the largest vocabulary, special tokens included (Keras' {@code max_tokens=}, above 1). Default none. */
  public IntegerLookup maxTokens(int maxTokens) {
    return maxTokensOrNone(maxTokens);
  }

  /** {@link #maxTokens} taking null for Keras' None (as a config may give). */
  IntegerLookup maxTokensOrNone(Integer maxTokens) {
    checkNotBuilt("max_tokens");
    if (maxTokens != null && maxTokens <= 1) {
      throw new IllegalArgumentException("If `max_tokens` is set for `IntegerLookup`, it must be greater than 1. "
          + "Received: max_tokens=" + maxTokens);
    }
    cfg.maxTokens = maxTokens;
    forgetGivenVocabulary();
    return this;
  }

  /** Sets the number of out-of-vocabulary indices (Keras' {@code num_oov_indices=}, at least 0). Default 1. */
  public IntegerLookup numOovIndices(int numOovIndices) {
    checkNotBuilt("num_oov_indices");
    if (numOovIndices < 0) {
      throw new IllegalArgumentException("The value of `num_oov_indices` argument for `IntegerLookup` must >= 0. "
          + "Received: num_oov_indices=" + numOovIndices);
    }
    cfg.numOovIndices = numOovIndices;
    forgetGivenVocabulary();
    return this;
  }

  /** Sets the token that maps to index 0 (Keras' {@code mask_token=}). Default none. */
  public IntegerLookup maskToken(long maskToken) {
    return maskTokenOrNone(maskToken);
  }

  /** {@link #maskToken} taking null for Keras' None (as a config may give). */
  IntegerLookup maskTokenOrNone(Long maskToken) {
    checkNotBuilt("mask_token");
    cfg.maskToken = maskToken;
    forgetGivenVocabulary();
    return this;
  }

  /** Sets the token returned for OOV indices when inverting (Keras' {@code oov_token=}). Default -1. */
  public IntegerLookup oovToken(long oovToken) {
    checkNotBuilt("oov_token");
    cfg.oovToken = oovToken;
    forgetGivenVocabulary();
    return this;
  }

  /**
   * Sets the vocabulary (Keras' {@code vocabulary=}): unique tokens, optionally starting with the mask and OOV
   * tokens. Default none (adapt).
   */
  public IntegerLookup vocabulary(long... vocabulary) {
    checkNotBuilt("vocabulary");
    if (vocabulary.length == 0) {
      throw new IllegalArgumentException("Cannot set an empty vocabulary. Received: vocabulary=[]");
    }
    cfg.inputVocabulary = vocabulary.clone();
    tokens = null;
    return this;
  }

  /** Keras' {@code vocabulary_dtype=}: only "int64" is supported, as in Keras. Default "int64". */
  public IntegerLookup vocabularyDtype(String vocabularyDtype) {
    if (!"int64".equals(vocabularyDtype)) {
      throw new IllegalArgumentException("Only `vocabulary_dtype='int64'` is supported at this time. Received: "
          + "vocabulary_dtype=" + vocabularyDtype);
    }
    return this;
  }

  /** Sets the inverse document frequencies of the vocabulary for "tf_idf" (Keras' {@code idf_weights=}). */
  public IntegerLookup idfWeights(double... idfWeights) {
    checkNotBuilt("idf_weights");
    cfg.inputIdf = idfWeights.clone();
    forgetGivenVocabulary();
    return this;
  }

  /** Sets whether the layer maps indices back to tokens (Keras' {@code invert=}). Default false. */
  public IntegerLookup invert(boolean invert) {
    checkNotBuilt("invert");
    cfg.invert = invert;
    forgetGivenVocabulary();
    cfg.validate();
    return this;
  }

  /**
   * Sets the output (Keras' {@code output_mode=}): "int", "one_hot", "multi_hot" (alias "binary"), "count" or
   * "tf_idf" (alias "tf-idf"). Default "int".
   */
  public IntegerLookup outputMode(String outputMode) {
    checkNotBuilt("output_mode");
    String m = "binary".equals(outputMode) ? "multi_hot" : "tf-idf".equals(outputMode) ? "tf_idf" : outputMode;
    cfg.outputMode = CategoricalEncodings.check("IntegerLookup", m, MODES);
    forgetGivenVocabulary();
    cfg.validate();
    return this;
  }

  /** Keras' {@code sparse=}: keras4j has dense tensors only, so only false is accepted. Default false. */
  public IntegerLookup sparse(boolean sparse) {
    if (sparse) {
      throw new IllegalArgumentException("IntegerLookup '" + name() + "': keras4j has no sparse tensors. "
          + "Expected sparse=false. Received: sparse=true");
    }
    return this;
  }

  /** Sets whether encodings have {@code max_tokens} entries (Keras' {@code pad_to_max_tokens=}). Default false. */
  public IntegerLookup padToMaxTokens(boolean padToMaxTokens) {
    checkNotBuilt("pad_to_max_tokens");
    cfg.padToMaxTokens = padToMaxTokens;
    forgetGivenVocabulary();
    return this;
  }

  /** Sets how OOV tokens pick one of several OOV indices: "floormod" or "farmhash" (Keras' {@code oov_method=}). */
  public IntegerLookup oovMethod(String oovMethod) {
    checkNotBuilt("oov_method");
    if (!oovMethod.equals("floormod") && !oovMethod.equals("farmhash")) {
      throw new IllegalArgumentException("IntegerLookup: invalid value for argument `oov_method`. Expected one of "
          + "['floormod', 'farmhash']. Received: oov_method=" + oovMethod);
    }
    cfg.oovMethod = oovMethod;
    return this;
  }

  /** Sets the SipHash key of the "farmhash" OOV method (Keras' {@code salt=}): one or two integers. Default none. */
  public IntegerLookup salt(long... salt) {
    checkNotBuilt("salt");
    cfg.setSalt(salt);
    return this;
  }

  private void forgetGivenVocabulary() {
    if (cfg.inputVocabulary != null) {
      tokens = null;
    }
  }

  /** Applies a vocabulary given as an argument (once all arguments are known), with Keras' checks. */
  private void resolve() {
    if (tokens == null && cfg.inputVocabulary != null) {
      setVocabulary(cfg.inputVocabulary, cfg.inputIdf);
    }
  }

  /** The vocabulary as Keras' {@code get_vocabulary()}: mask, OOV tokens, then the tokens. */
  public List<Long> getVocabulary(boolean includeSpecialTokens) {
    resolve();
    List<Long> v = new ArrayList<>();
    if (includeSpecialTokens) {
      if (cfg.oovStart() == 1) {
        v.add(cfg.maskToken);
      }
      for (int i = 0; i < cfg.numOovIndices; i++) {
        v.add(cfg.oovToken);
      }
    }
    if (tokens != null) {
      for (long t : tokens) {
        v.add(t);
      }
    }
    return v;
  }

  /** The vocabulary size, special tokens included (Keras' {@code vocabulary_size()}). */
  public int vocabularySize() {
    resolve();
    return cfg.tokenStart() + (tokens == null ? 0 : tokens.length);
  }

  /** Replaces the vocabulary (Keras' {@code set_vocabulary}); {@code idfWeights} only in "tf_idf" mode. */
  public void setVocabulary(long[] vocabulary, double[] idfWeights) {
    IntegerLookupConfig.Vocabulary v = cfg.checkVocabulary(vocabulary, idfWeights);
    tokens = v.tokens();
    this.idfWeights = v.idf();
    cfg.vocabularySize = vocabularySize();
  }

  /**
   * Learns the vocabulary from {@code data} (Keras' {@code adapt}): tokens by descending count, ties by descending
   * value, without the mask and OOV tokens, at most {@code max_tokens} in all; in "tf_idf" mode also the IDF
   * weights {@code log(1 + documents / (1 + document count))}, each row a document.
   */
  public void adapt(Object data) {
    if (cfg.inputVocabulary != null) {
      throw new IllegalStateException("Cannot adapt layer '" + name() + "' after setting a static vocabulary via "
          + "`vocabulary` argument or `set_vocabulary()` method.");
    }
    checkNotBuilt("vocabulary (adapt)");
    IntegerLookupConfig.Vocabulary v = cfg.adapt(io.keras4j.backend.HostArray.of(data));
    tokens = v.tokens();
    idfWeights = v.idf();
    cfg.vocabularySize = vocabularySize();
  }

  @Override
  protected String outputDtype() {
    return cfg.outputMode.equals("tf_idf") ? "float32" : "int64";
  }

  private int depth() {
    resolve();
    if (cfg.padToMaxTokens) {
      return cfg.maxTokens;
    }
    if (cfg.vocabularySize == null) {
      throw new IllegalStateException("When using `output_mode=" + cfg.outputMode + "` and `pad_to_max_tokens=False`"
          + ", you must set the layer's vocabulary before calling it. Either pass a `vocabulary` argument to the "
          + "layer, or call `adapt` with some sample data.");
    }
    return cfg.vocabularySize;
  }

  @Override
  protected void build(Shape inputShape) {
    if (cfg.outputMode.equals("tf_idf")) {
      resolve();
      int depth = depth();
      float[] w = new float[depth];
      for (int i = 0; idfWeights != null && i < Math.min(depth, idfWeights.length); i++) {
        w[i] = (float) idfWeights[i];
      }
      idfVariable = new io.keras4j.backend.Variable("idf_weights", Shape.of(depth), "float32", false, w);
      idfVariable.path(name() + "/idf_weights");
    }
  }

  @Override
  public Map<String, io.keras4j.backend.Variable> ownVariables() {
    return idfVariable == null ? Map.of() : Map.of("idf_weights", idfVariable);
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    cfg.validate();
    Ops ops = ops();
    String mode = cfg.outputMode;
    int depth = mode.equals("int") ? 0 : depth();
    Tensor x = ops.cast(input, "int64");
    resolve();
    if (cfg.outputMode.equals("tf_idf") && idfWeights == null && idfVariable == null) {
      throw new IllegalStateException("When `output_mode` is `'tf_idf'`, `idf_weights` must be provided.");
    }
    long[] t = tokens == null ? new long[0] : tokens;
    Tensor out;
    if (cfg.invert) {
      out = IndexLookups.invert(ops, x, t, cfg.tokenStart(), cfg.oovToken);
      if (cfg.maskToken != null) {
        out = ops.where(ops.equal(x, IndexLookups.scalar(ops, 0)), IndexLookups.scalar(ops, cfg.maskToken), out);
      }
      return out;
    }
    long missing = cfg.numOovIndices == 1 ? cfg.oovStart() : -1;
    out = IndexLookups.lookup(ops, x, t, cfg.tokenStart(), missing);
    if (cfg.maskToken != null) {
      long maskValue = mode.equals("int") ? 0 : Long.MAX_VALUE;
      out = ops.where(ops.equal(x, IndexLookups.scalar(ops, cfg.maskToken)), IndexLookups.scalar(ops, maskValue), out);
    }
    if (cfg.numOovIndices > 1) {
      Tensor oov = cfg.oovMethod.equals("farmhash")
          ? ops.hashBucket(x, cfg.numOovIndices, cfg.salt)
          : IndexLookups.floorMod(ops, x, cfg.numOovIndices);
      oov = ops.add(oov, IndexLookups.scalar(ops, cfg.oovStart()));
      out = ops.where(ops.equal(out, IndexLookups.scalar(ops, -1)), oov, out);
    }
    if (mode.equals("int")) {
      return out;
    }
    if (!mode.equals("tf_idf")) {
      return CategoricalEncodings.encode(ops, out, mode, depth, "int64", null);
    }
    Tensor counts = CategoricalEncodings.encode(ops, out, "count", depth, "float32", null);
    return ops.multiply(counts, ops.read(idfVariable));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes, List<String> dtypes) {
    cfg.validate();
    String mode = cfg.outputMode;
    return List.of(CategoricalEncodings.outputShape(inputShapes.get(0), mode.equals("tf_idf") ? "count" : mode,
        mode.equals("int") ? 0 : depth()));
  }

  @Override
  public Map<String, byte[]> saveAssets() {
    if (cfg.inputVocabulary != null || tokens == null) {
      return Map.of();
    }
    StringBuilder sb = new StringBuilder();
    for (Long v : getVocabulary(true)) {
      sb.append(sb.length() == 0 ? "" : "\n").append(v);
    }
    return Map.of("vocabulary.txt", sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public void loadAssets(Map<String, byte[]> assets) {
    if (cfg.inputVocabulary != null || !assets.containsKey("vocabulary.txt")) {
      return;
    }
    String text = new String(assets.get("vocabulary.txt"), java.nio.charset.StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    long[] v = new long[lines.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = Long.parseLong(lines.get(i).trim());
    }
    double[] idf = idfWeights;
    if (cfg.outputMode.equals("tf_idf") && idfVariable != null) {
      float[] f = idfVariable.floatValue();
      idf = new double[f.length];
      for (int i = 0; i < f.length; i++) {
        idf[i] = f[i];
      }
    }
    setVocabulary(v, cfg.outputMode.equals("tf_idf") ? idf : null);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    resolve();
    cfg.write(c);
    return c;
  }

  /** An IntegerLookup layer from its Keras config (Keras' {@code IntegerLookup.from_config}). */
  public static IntegerLookup fromConfig(Map<String, Object> config) {
    return withBaseConfig(IntegerLookupConfig.read(config), new io.keras4j.saving.Config("IntegerLookup", config));
  }
}
