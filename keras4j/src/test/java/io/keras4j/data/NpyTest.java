package io.keras4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npy and .npz files byte by byte as NumPy's format specification (version 1.0) lays them out. */
class NpyTest {
  /** A .npy file with the given header dict and data, as numpy.save writes it (header padded to 64 bytes). */
  static byte[] npy(String dict, byte[] data) {
    int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    b.putShort((short) header.length());
    b.put(header.getBytes(StandardCharsets.ISO_8859_1));
    b.put(data);
    return b.array();
  }

  @Test
  void readsLittleEndianFloat32InCOrder() throws Exception {
    ByteBuffer d = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : new float[] {1, 2, 3, 4, 5, 6}) {
      d.putFloat(f);
    }
    byte[] file = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", d.array());
    NDArray a = Npy.read(new ByteArrayInputStream(file), "t");
    assertArrayEquals(new long[] {2, 3}, a.shape());
    assertEquals("float32", a.dtype());
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, a.toFloatArray());
  }

  @Test
  void readsBigEndianFloat64InFortranOrder() throws Exception {
    // the 2x3 matrix [[1,2,3],[4,5,6]] stored column by column
    ByteBuffer d = ByteBuffer.allocate(48).order(ByteOrder.BIG_ENDIAN);
    for (double v : new double[] {1, 4, 2, 5, 3, 6}) {
      d.putDouble(v);
    }
    byte[] file = npy("{'descr': '>f8', 'fortran_order': True, 'shape': (2, 3), }", d.array());
    NDArray a = Npy.read(new ByteArrayInputStream(file), "t");
    assertEquals("float64", a.dtype());
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, a.toDoubleArray());
  }

  @Test
  void readsInt64Labels() throws Exception {
    ByteBuffer d = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    d.putLong(0).putLong(2).putLong(1);
    byte[] file = npy("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }", d.array());
    NDArray a = Npy.read(new ByteArrayInputStream(file), "t");
    assertArrayEquals(new long[] {3}, a.shape());
    assertEquals("int64", a.dtype());
    assertArrayEquals(new long[] {0, 2, 1}, a.toLongArray());
  }

  @Test
  void writesWhatItReadsWithAnAlignedHeader(@TempDir Path dir) throws Exception {
    NDArray a = NDArray.of(new float[] {0.5f, -1f, 3f, 7f}, 2, 2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(out, a);
    byte[] bytes = out.toByteArray();
    int headerLen = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
    assertEquals(0, (10 + headerLen) % 64, "data starts on a 64-byte boundary");
    String header = new String(bytes, 10, headerLen, StandardCharsets.ISO_8859_1);
    assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }"), header);
    Path f = dir.resolve("a.npy");
    Npy.write(f, a);
    assertEquals(a, Npy.read(f));
  }

  @Test
  void npzRoundTripKeepsNames(@TempDir Path dir) {
    Path f = dir.resolve("d.npz");
    Npz.write(f, Map.of("x", NDArray.of(new float[] {1, 2, 3}), "labels", NDArray.of(new int[][] {{1}, {0}})));
    Map<String, NDArray> back = Npz.read(f);
    assertEquals(NDArray.of(new float[] {1, 2, 3}), back.get("x"));
    assertEquals(NDArray.of(new int[][] {{1}, {0}}), back.get("labels"));
    assertTrue(Files.exists(f) && !Files.exists(dir.resolve("d.npz.tmp")));
  }

  @Test
  void writesEachDtypeWithItsDescrAndReadsItBack(@TempDir Path dir) throws Exception {
    NDArray[] arrays = {NDArray.of(new double[] {0.25, -2}), NDArray.of(new int[] {7, -3}),
        NDArray.of(new long[] {1L << 40, 2}), NDArray.of(new boolean[][] {{true}, {false}})};
    String[] descr = {"<f8", "<i4", "<i8", "|b1"};
    for (int k = 0; k < arrays.length; k++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Npy.write(out, arrays[k]);
      String header = new String(out.toByteArray(), 10, 60, StandardCharsets.ISO_8859_1);
      assertTrue(header.startsWith("{'descr': '" + descr[k] + "'"), header);
      Path f = dir.resolve(k + ".npy");
      Npy.write(f, arrays[k]);
      assertEquals(arrays[k], Npy.read(f));
    }
  }

  @Test
  void readsUint8AsInt32() throws Exception {
    byte[] file = npy("{'descr': '|u1', 'fortran_order': False, 'shape': (2,), }", new byte[] {(byte) 255, 3});
    NDArray a = Npy.read(new ByteArrayInputStream(file), "t");
    assertEquals("int32", a.dtype());
    assertArrayEquals(new int[] {255, 3}, a.toIntArray());
  }

  @Test
  void truncatedAndForeignFilesGetClearErrors() {
    byte[] file = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", new byte[8]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Npy.read(new ByteArrayInputStream(file), "short.npy"));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Npy.read(new ByteArrayInputStream("PK\3\4 not npy".getBytes(StandardCharsets.UTF_8)), "x"));
  }
}
