package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntegerLookupTest {
  static final NDArray X = NDArray.of(new long[] {12, 1138, 42, 42, 1000, 36}, 2, 3);

  @Test
  void vocabularyLookupByHand() {
    // index 0 is the OOV index, then 12 -> 1, 36 -> 2, 1138 -> 3, 42 -> 4
    NDArray out = PreprocessingEval.call(new IntegerLookup().vocabulary(12, 36, 1138, 42), X);
    assertEquals("int64", out.dtype());
    assertArrayEquals(new long[] {1, 3, 4, 4, 0, 2}, out.toLongArray());
    // a mask token takes index 0 and shifts the rest
    NDArray masked = PreprocessingEval.call(new IntegerLookup().vocabulary(12, 36).maskToken(0),
        NDArray.of(new long[] {12, 0, 36, 5}, 4));
    assertArrayEquals(new long[] {2, 0, 3, 1}, masked.toLongArray());
    // two OOV indices: OOV tokens go to floormod(token, 2): -5 -> 1, 7 -> 1, 1000 -> 0, -2 -> 0
    NDArray oov = PreprocessingEval.call(new IntegerLookup().vocabulary(12).numOovIndices(2),
        NDArray.of(new long[] {-5, 7, 1000, -2, 12}, 5));
    assertArrayEquals(new long[] {1, 1, 0, 0, 2}, oov.toLongArray());
  }

  @Test
  void invertAndEncodings() {
    NDArray inv = PreprocessingEval.call(new IntegerLookup().vocabulary(12, 36, 1138, 42).invert(true),
        NDArray.of(new long[] {0, 1, 4, 5}, 4));
    assertArrayEquals(new long[] {-1, 12, 42, -1}, inv.toLongArray());
    NDArray count = PreprocessingEval.call(new IntegerLookup().vocabulary(12, 36).outputMode("count"),
        NDArray.of(new long[] {12, 12, 7, 36}, 1, 4));
    assertArrayEquals(new long[] {1, 2, 1}, count.toLongArray());
    NDArray tfidf = PreprocessingEval.call(new IntegerLookup().vocabulary(12, 36).outputMode("tf_idf")
        .idfWeights(0.5, 1.5), NDArray.of(new long[] {12, 12, 7, 36}, 1, 4));
    // the OOV index gets the mean IDF, 1.0
    assertArrayEquals(new float[] {1, 1, 1.5f}, tfidf.toFloatArray(), 1e-6f);
    assertEquals(Shape.of(-1, 3), new IntegerLookup().vocabulary(1, 2).outputMode("multi_hot").apply(Input.of(4))
        .shape());
  }

  @Test
  void adaptSortsByCountThenTokenAndKeepsMaxTokens() {
    IntegerLookup l = new IntegerLookup().maxTokens(5);
    l.adapt(new long[][] {{12, 1138, 42}, {42, 1000, 36}, {12, 12, 99}});
    // counts: 12 x3, 42 x2, then 1138, 1000, 99, 36 once each (ties: larger token first); 4 tokens fit
    assertEquals(List.of(-1L, 12L, 42L, 1138L, 1000L), l.getVocabulary(true));
    assertEquals(5, l.vocabularySize());
    assertEquals(5, l.getConfig().get("vocabulary_size"));
    assertEquals(null, l.getConfig().get("vocabulary"));
    assertEquals("-1\n12\n42\n1138\n1000", new String(l.saveAssets().get("vocabulary.txt")));
    IntegerLookup back = IntegerLookup.fromConfig(l.getConfig());
    back.loadAssets(l.saveAssets());
    assertEquals(l.getVocabulary(true), back.getVocabulary(true));
  }

  @Test
  void errors() {
    assertThrows(IllegalArgumentException.class, () -> new IntegerLookup().maxTokens(1));
    assertThrows(IllegalArgumentException.class, () -> new IntegerLookup().numOovIndices(-1));
    assertThrows(IllegalArgumentException.class, () -> new IntegerLookup().outputMode("one_hot").invert(true));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new IntegerLookup().salt(3).apply(Input.of(2)))
        .getMessage().contains("`salt` can only be used when `oov_method='farmhash'`"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new IntegerLookup().vocabulary(1, 2, 1).getVocabulary(true)).getMessage().contains("repeated"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new IntegerLookup().maskToken(0).vocabulary(1, 0).getVocabulary(true)).getMessage()
        .contains("reserved mask token"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new IntegerLookup().maxTokens(3).vocabulary(1, 2, 3).getVocabulary(true)).getMessage()
        .contains("larger than the maximum vocab size"));
    assertThrows(IllegalStateException.class, () -> new IntegerLookup().vocabulary(1).adapt(new long[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> Layers.fromConfig("IntegerLookup", Map.of("vocabulary_dtype", "int32")));
    assertThrows(IllegalStateException.class,
        () -> new IntegerLookup().outputMode("multi_hot").apply(Input.of(3)));
  }
}
