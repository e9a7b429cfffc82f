package io.keras4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** FITS files built byte by byte as the FITS standard (4.0) lays them out: 80-character cards, 2880-byte blocks. */
class FitsTest {
  /** A card: keyword in columns 1-8, "= " in 9-10, then the value (and an optional "/ comment"). */
  static String card(String key, String valueAndComment) {
    return String.format("%-80s", String.format("%-8s= %s", key, valueAndComment));
  }

  /** Header cards (END appended) padded with spaces to whole blocks, then {@code data} padded with zeros. */
  static byte[] file(byte[] data, String... cards) {
    StringBuilder h = new StringBuilder();
    for (String c : cards) {
      h.append(c);
    }
    h.append(String.format("%-80s", "END"));
    while (h.length() % 2880 != 0) {
      h.append(' ');
    }
    ByteBuffer b = ByteBuffer.allocate(h.length() + (data.length + 2879) / 2880 * 2880);
    b.put(h.toString().getBytes(StandardCharsets.US_ASCII));
    b.put(data); // ByteBuffer is big-endian, as FITS
    return b.array();
  }

  static byte[] gzip(byte[] bytes) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  /** 2 rows of 3 float32: 1 2 3 / 4 NaN 6, with the cards' comments as astropy writes them. */
  static byte[] twoByThree() {
    ByteBuffer d = ByteBuffer.allocate(24);
    for (float f : new float[] {1, 2, 3, 4, Float.NaN, 6}) {
      d.putFloat(f);
    }
    return file(d.array(), card("SIMPLE", "                   T / conforms to FITS standard"),
        card("BITPIX", "                 -32 / array data type"),
        card("NAXIS", "                   2 / number of array dimensions"),
        card("NAXIS1", "                   3"), card("NAXIS2", "                   2"),
        String.format("%-80s", "COMMENT a comment card / with a slash"),
        card("OBJECT", "'ZTF18aaxjdyr'       / a string value"));
  }

  @Test
  void readsFloat32RowsInFileOrder() {
    float[][] img = Fits.readImage(twoByThree());
    assertEquals(2, img.length); // NAXIS2 rows
    assertEquals(3, img[0].length); // of NAXIS1 columns
    assertEquals(3f, img[0][2]);
    assertEquals(4f, img[1][0]);
    assertTrue(Float.isNaN(img[1][1]));
    assertEquals(6f, img[1][2]);
  }

  @Test
  void readsGzipCompressedFiles() throws Exception {
    float[][] img = Fits.readImage(gzip(twoByThree()));
    assertEquals(2f, img[0][1]);
    assertEquals(6f, img[1][2]);
  }

  @Test
  void appliesBscaleAndBzeroToIntegersWithAHeaderOfTwoBlocks() {
    ByteBuffer d = ByteBuffer.allocate(6);
    d.putShort((short) -32768).putShort((short) 0).putShort((short) 1);
    String[] cards = new String[40]; // 41 cards with END: the header takes two 2880-byte blocks
    cards[0] = card("SIMPLE", "T");
    cards[1] = card("BITPIX", "16");
    cards[2] = card("NAXIS", "2");
    cards[3] = card("NAXIS1", "3");
    cards[4] = card("NAXIS2", "1");
    cards[5] = card("BSCALE", "2.0");
    cards[6] = card("BZERO", "32768.0 / unsigned 16-bit");
    for (int i = 7; i < 40; i++) {
      cards[i] = card("HIERKEY" + (i % 10), "" + i);
    }
    float[][] img = Fits.readImage(file(d.array(), cards));
    // physical = BZERO + BSCALE * stored
    assertEquals(32768 - 2 * 32768f, img[0][0]);
    assertEquals(32768f, img[0][1]);
    assertEquals(32770f, img[0][2]);
  }

  @Test
  void rejectsCubesAndMissingKeywords() {
    byte[] cube = file(new byte[8], card("SIMPLE", "T"), card("BITPIX", "8"), card("NAXIS", "3"),
        card("NAXIS1", "2"), card("NAXIS2", "2"), card("NAXIS3", "2"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Fits.readImage(cube)).getMessage()
        .contains("NAXIS=3"));
    byte[] noBitpix = file(new byte[0], card("SIMPLE", "T"), card("NAXIS", "2"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Fits.readImage(noBitpix)).getMessage()
        .contains("BITPIX"));
  }
}
