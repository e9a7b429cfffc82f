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

class HashingTest {
  static final NDArray IDS = NDArray.of(new long[] {0, 1, 2, 3, 4}, 5, 1);

  /** Google's FarmHash Fingerprint64 (farmhashna, strings of at most 16 bytes), written out to check the op. */
  static long fingerprint64(byte[] s) {
    long k2 = 0x9ae16a3b2f90404fL;
    int len = s.length;
    if (len >= 8) {
      long mul = k2 + len * 2L;
      long a = le64(s, 0) + k2;
      long b = le64(s, len - 8);
      long c = Long.rotateRight(b, 37) * mul + a;
      long d = (Long.rotateRight(a, 25) + b) * mul;
      return hashLen16(c, d, mul);
    }
    if (len >= 4) {
      long mul = k2 + len * 2L;
      long a = le32(s, 0);
      return hashLen16(len + (a << 3), le32(s, len - 4), mul);
    }
    if (len > 0) {
      int a = s[0] & 0xff;
      int b = s[len >> 1] & 0xff;
      int c = s[len - 1] & 0xff;
      int y = a + (b << 8);
      int z = len + (c << 2);
      long v = (y * k2) ^ (z * 0xc3a5c85c97cb3127L);
      return (v ^ (v >>> 47)) * k2;
    }
    return k2;
  }

  private static long hashLen16(long u, long v, long mul) {
    long a = (u ^ v) * mul;
    a ^= a >>> 47;
    long b = (v ^ a) * mul;
    b ^= b >>> 47;
    return b * mul;
  }

  private static long le64(byte[] s, int i) {
    long v = 0;
    for (int k = 7; k >= 0; k--) {
      v = (v << 8) | (s[i + k] & 0xff);
    }
    return v;
  }

  private static long le32(byte[] s, int i) {
    return le64(new byte[] {s[i], s[i + 1], s[i + 2], s[i + 3], 0, 0, 0, 0}, 0);
  }

  @Test
  void binsAreFingerprint64OfTheDecimalStringModuloNumBins() {
    long[] values = {0, 1, 2, 3, 4, -7, 123456789, 1L << 40, -123456789012345L};
    NDArray out = PreprocessingEval.call(new Hashing(1000), NDArray.of(values, values.length));
    assertEquals("int64", out.dtype());
    for (int i = 0; i < values.length; i++) {
      long fp = fingerprint64(Long.toString(values[i]).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      assertEquals(Long.remainderUnsigned(fp, 1000), out.toLongArray()[i], "value " + values[i]);
    }
  }

  @Test
  void maskValueTakesBinZeroAndFloatsAreTruncated() {
    NDArray plain = PreprocessingEval.call(new Hashing(2), IDS);
    NDArray masked = PreprocessingEval.call(new Hashing(3).maskValue(0), IDS);
    assertEquals(0, masked.toLongArray()[0]);
    for (int i = 1; i < 5; i++) {
      assertEquals(plain.toLongArray()[i] + 1, masked.toLongArray()[i]); // the others hash into 2 bins, shifted
    }
    NDArray floats = PreprocessingEval.call(new Hashing(2), NDArray.of(new float[] {0.9f, 1.2f, 2.7f, 3f, 4.5f}, 5, 1));
    assertArrayEquals(plain.toLongArray(), floats.toLongArray());
  }

  @Test
  void outputModesShapesConfigAndErrors() {
    assertEquals(Shape.of(-1, 4), new Hashing(4).outputMode("one_hot").apply(Input.of(1)).shape());
    assertEquals(Shape.of(-1, 4), new Hashing(4).outputMode("multi_hot").apply(Input.of(3)).shape());
    assertEquals("int64", new Hashing(4).apply(Input.of(3)).dtype());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new Hashing(0)).getMessage()
        .contains("Received: num_bins=0"));
    assertThrows(IllegalArgumentException.class, () -> new Hashing(2).salt(1, 2, 3));
    assertThrows(IllegalArgumentException.class, () -> new Hashing(2).outputMode("tf_idf"));
    assertThrows(IllegalArgumentException.class, () -> new Hashing(2).dtype("float32").apply(Input.of(1)));
    Map<String, Object> c = new Hashing(5).salt(7).maskValue(-1).getConfig();
    assertEquals(List.of(7L, 7L), c.get("salt"));
    assertEquals(-1L, c.get("mask_value"));
    assertEquals(Map.of("name", "int64"), ((Map<?, ?>) c.get("dtype")).get("config"));
    assertEquals(c, Hashing.fromConfig(c).getConfig());
  }

  @Test
  void hashedCrossingByShapeAndErrors() {
    NDArray a = NDArray.of(new long[] {1, 2, 1}, 3);
    NDArray b = NDArray.of(new long[] {10, 10, 20}, 3);
    NDArray out = PreprocessingEval.call(new HashedCrossing(1000), a, b);
    assertEquals("int64", out.dtype());
    assertEquals(3, out.shape()[0]);
    NDArray again = PreprocessingEval.call(new HashedCrossing(1000), NDArray.of(new long[] {1}, 1),
        NDArray.of(new long[] {10}, 1));
    assertEquals(out.toLongArray()[0], again.toLongArray()[0], "a cross depends on its row only");
    assertEquals(Shape.of(-1, 6), new HashedCrossing(6).outputMode("one_hot")
        .apply(List.of(Input.of(1), Input.of(1))).get(0).shape());
    assertThrows(IllegalArgumentException.class, () -> new HashedCrossing(6).apply(List.of(Input.of(1))));
    assertThrows(IllegalArgumentException.class, () -> new HashedCrossing(6).outputMode("multi_hot"));
    assertThrows(IllegalArgumentException.class,
        () -> new HashedCrossing(6).apply(List.of(Input.of(2), Input.of(2))));
  }
}
