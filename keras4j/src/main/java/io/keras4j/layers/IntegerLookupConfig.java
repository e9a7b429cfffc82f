package io.keras4j.layers;

// Follows keras/src/layers/preprocessing/index_lookup.py (__init__ checks, set_vocabulary, adapt/finalize_state,
// get_config) for integer vocabularies (Keras 3.15.1).

import io.keras4j.backend.HostArray;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** IntegerLookup's arguments, their checks and config keys, and its vocabulary rules (host side). */
final class IntegerLookupConfig {
  Integer maxTokens;
  int numOovIndices = 1;
  Long maskToken;
  long oovToken = -1;
  long[] inputVocabulary;
  double[] inputIdf;
  boolean invert;
  String outputMode = "int";
  boolean padToMaxTokens;
  String oovMethod = "floormod";
  long[] salt;
  Integer vocabularySize;

  record Vocabulary(long[] tokens, double[] idf) {}

  int oovStart() {
    return maskToken != null && outputMode.equals("int") ? 1 : 0;
  }

  int tokenStart() {
    return oovStart() + numOovIndices;
  }

  void setSalt(long... s) {
    if (s == null) {
      salt = null;
      return;
    }
    if (s.length != 1 && s.length != 2) {
      throw new IllegalArgumentException("The `salt` argument for `IndexLookup` can only be a tuple of 2 integers, "
          + "or a single integer. Received: salt=" + Arrays.toString(s) + ".");
    }
    salt = s.length == 1 ? new long[] {s[0], s[0]} : s.clone();
  }

  /** The checks Keras makes across arguments. */
  void validate() {
    if (invert && !outputMode.equals("int")) {
      throw new IllegalArgumentException("`output_mode` must be `'int'` when `invert` is true. Received: "
          + "output_mode=" + outputMode);
    }
    if (padToMaxTokens && maxTokens == null) {
      throw new IllegalArgumentException("If pad_to_max_tokens is True, must set `max_tokens`. Received: "
          + "max_tokens=None");
    }
    if (salt != null && !oovMethod.equals("farmhash")) {
      throw new IllegalArgumentException("`salt` can only be used when `oov_method='farmhash'`. Received: "
          + "oov_method=" + oovMethod);
    }
    if (inputIdf != null && !outputMode.equals("tf_idf")) {
      throw new IllegalArgumentException("`idf_weights` should only be set if `output_mode` is `'tf_idf'`. "
          + "Received: idf_weights=" + Arrays.toString(inputIdf) + " and output_mode=" + outputMode);
    }
  }

  /** Keras' set_vocabulary: strips leading special tokens, checks repeats and reserved tokens, pads the IDFs. */
  Vocabulary checkVocabulary(long[] vocabulary, double[] idf) {
    validate();
    if (outputMode.equals("tf_idf") && idf == null) {
      throw new IllegalArgumentException("`idf_weights` must be set if output_mode is 'tf_idf'.");
    }
    if (vocabulary.length == 0) {
      throw new IllegalArgumentException("Cannot set an empty vocabulary. Received: vocabulary=[]");
    }
    int start = tokenStart();
    List<Long> special = new ArrayList<>();
    for (int i = 0; i < oovStart(); i++) {
      special.add(maskToken);
    }
    for (int i = 0; i < numOovIndices; i++) {
      special.add(oovToken);
    }
    boolean found = vocabulary.length >= start;
    for (int i = 0; found && i < start; i++) {
      found = special.get(i) == vocabulary[i];
    }
    long[] tokens = found ? Arrays.copyOfRange(vocabulary, start, vocabulary.length) : vocabulary.clone();
    Set<Long> seen = new LinkedHashSet<>();
    Set<Long> repeated = new LinkedHashSet<>();
    for (long t : tokens) {
      if (!seen.add(t)) {
        repeated.add(t);
      }
    }
    if (!repeated.isEmpty()) {
      throw new IllegalArgumentException("The passed vocabulary has at least one repeated term. Please uniquify "
          + "your dataset. The repeated terms are: " + repeated);
    }
    if (maskToken != null && seen.contains(maskToken)) {
      throw new IllegalArgumentException("Found reserved mask token at unexpected location in `vocabulary`. Note "
          + "that passed `vocabulary` does not need to include the OOV and mask tokens. Either remove all mask and "
          + "OOV tokens, or include them only at the start of the vocabulary in precisely this order: " + special
          + ". Received: mask_token=" + maskToken);
    }
    if (invert && seen.contains(oovToken)) {
      throw new IllegalArgumentException("Found reserved OOV token at unexpected location in `vocabulary`. Note "
          + "that passed `vocabulary` does not need to include the OOV and mask tokens. Either remove all mask and "
          + "OOV tokens, or include them only at the start of the vocabulary in precisely this order: " + special
          + ". Received: oov_token=" + oovToken);
    }
    if (maxTokens != null && start + tokens.length > maxTokens) {
      throw new IllegalArgumentException("Attempted to set a vocabulary larger than the maximum vocab size. "
          + "Received vocabulary size is " + (start + tokens.length) + "; `max_tokens` is " + maxTokens + ".");
    }
    if (idf == null || !outputMode.equals("tf_idf")) {
      return new Vocabulary(tokens, null);
    }
    if (idf.length != vocabulary.length) {
      throw new IllegalArgumentException("`idf_weights` must be the same length as vocabulary. len(idf_weights) is "
          + idf.length + "; len(vocabulary) is " + vocabulary.length);
    }
    return new Vocabulary(tokens, pad(idf, found ? 0 : start, found ? 0 : mean(idf)));
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }

  /** The IDFs with {@code front} leading entries of {@code frontValue} and zeros up to max_tokens when padding. */
  private double[] pad(double[] idf, int front, double frontValue) {
    int back = padToMaxTokens && maxTokens != null ? maxTokens - front - idf.length : 0;
    double[] out = new double[front + idf.length + Math.max(0, back)];
    Arrays.fill(out, 0, front, frontValue);
    for (int i = 0; i < idf.length; i++) {
      out[front + i] = (float) idf[i];
    }
    for (int i = 0; i < front; i++) {
      out[i] = (float) out[i];
    }
    return out;
  }

  /** Keras' adapt and finalize_state on one array (each row a document; a vector is one token per document). */
  Vocabulary adapt(HostArray data) {
    int n = (int) data.shape().size();
    int rows = data.shape().rank() == 0 ? 1 : (int) data.shape().get(0);
    int perRow = rows == 0 ? 0 : n / rows;
    if (data.shape().rank() == 1) {
      rows = n;
      perRow = 1;
    }
    Map<Long, long[]> counts = new HashMap<>(); // token -> {count, documents}
    for (int r = 0; r < rows; r++) {
      Set<Long> inDoc = new java.util.HashSet<>();
      for (int j = 0; j < perRow; j++) {
        long t = data.getLong(r * perRow + j);
        long[] c = counts.computeIfAbsent(t, k -> new long[2]);
        c[0]++;
        if (inDoc.add(t)) {
          c[1]++;
        }
      }
    }
    if (maskToken != null) {
      counts.remove(maskToken);
    }
    counts.remove(oovToken);
    List<Long> order = new ArrayList<>(counts.keySet());
    order.sort((a, b) -> {
      int byCount = Long.compare(counts.get(b)[0], counts.get(a)[0]);
      return byCount != 0 ? byCount : Long.compare(b, a);
    });
    if (maxTokens != null) {
      order = order.subList(0, Math.min(order.size(), Math.max(0, maxTokens - tokenStart())));
    }
    long[] tokens = order.stream().mapToLong(Long::longValue).toArray();
    if (!outputMode.equals("tf_idf")) {
      return new Vocabulary(tokens, null);
    }
    double[] idf = new double[tokens.length];
    float sum = 0;
    for (int i = 0; i < idf.length; i++) {
      idf[i] = (float) Math.log(1 + (double) rows / (1 + counts.get(tokens[i])[1]));
      sum += (float) idf[i];
    }
    return new Vocabulary(tokens, pad(idf, tokenStart(), idf.length == 0 ? 0 : sum / idf.length));
  }

  void write(Map<String, Object> c) {
    c.put("invert", invert);
    c.put("max_tokens", maxTokens);
    c.put("num_oov_indices", numOovIndices);
    c.put("oov_token", oovToken);
    c.put("mask_token", maskToken);
    c.put("output_mode", outputMode);
    c.put("sparse", false);
    c.put("pad_to_max_tokens", padToMaxTokens);
    c.put("vocabulary_dtype", "int64");
    c.put("idf_weights", inputIdf == null ? null : ConfigLists.of(inputIdf));
    c.put("vocabulary", inputVocabulary == null ? null : Arrays.stream(inputVocabulary).boxed().toList());
    c.put("vocabulary_size", vocabularySize);
    c.put("oov_method", oovMethod);
    c.put("salt", salt == null ? null : List.of(salt[0], salt[1]));
  }

  static IntegerLookup read(Map<String, Object> config) {
    Config c = new Config("IntegerLookup", config);
    IntegerLookup l = new IntegerLookup().vocabularyDtype(c.string("vocabulary_dtype", "int64"))
        .maxTokensOrNone(c.optionalInteger("max_tokens"))
        .numOovIndices(c.integer("num_oov_indices", 1)).maskTokenOrNone(c.optionalLong("mask_token"))
        .outputMode(c.string("output_mode", "int")).invert(c.bool("invert", false))
        .sparse(c.bool("sparse", false)).padToMaxTokens(c.bool("pad_to_max_tokens", false))
        .oovMethod(c.string("oov_method", "floormod"));
    Long oov = c.optionalLong("oov_token");
    if (oov != null) {
      l.oovToken(oov);
    }
    Object salt = c.get("salt");
    if (salt instanceof Number s) {
      l.salt(s.longValue());
    } else if (salt instanceof List<?> s) {
      l.salt(s.stream().mapToLong(v -> ((Number) v).longValue()).toArray());
    }
    l.cfg.validate();
    double[] idf = c.numbers("idf_weights", null);
    if (idf != null) {
      l.idfWeights(idf);
    }
    if (c.get("vocabulary") instanceof List<?> v) {
      l.vocabulary(v.stream().mapToLong(x -> ((Number) x).longValue()).toArray());
    } else if (c.get("vocabulary") instanceof String path) {
      throw new IllegalArgumentException("IntegerLookup: a vocabulary file outside the model archive is not read. "
          + "Received: vocabulary=" + path);
    }
    l.cfg.vocabularySize = c.optionalInteger("vocabulary_size");
    return l;
  }
}
