package io.keras4j.callbacks;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Decodes the test's 8-bit grey PNGs (IHDR checked, IDAT inflated, each row's filter byte must be 0). */
final class PngPixels {
  private PngPixels() {}

  static byte[] grey(byte[] png, int width, int height) {
    ByteBuffer b = ByteBuffer.wrap(png);
    byte[] signature = new byte[8];
    b.get(signature);
    if (signature[1] != 'P' || signature[2] != 'N' || signature[3] != 'G') {
      throw new IllegalStateException("Not a PNG");
    }
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    while (b.hasRemaining()) {
      int length = b.getInt();
      byte[] type = new byte[4];
      b.get(type);
      byte[] data = new byte[length];
      b.get(data);
      b.getInt(); // chunk CRC
      String t = new String(type, java.nio.charset.StandardCharsets.US_ASCII);
      if (t.equals("IHDR")) {
        ByteBuffer h = ByteBuffer.wrap(data);
        if (h.getInt() != width || h.getInt() != height || h.get() != 8 || h.get() != 0) {
          throw new IllegalStateException("Unexpected IHDR");
        }
      } else if (t.equals("IDAT")) {
        idat.writeBytes(data);
      }
    }
    Inflater inflater = new Inflater();
    inflater.setInput(idat.toByteArray());
    byte[] raw = new byte[height * (width + 1)];
    try {
      if (inflater.inflate(raw) != raw.length) {
        throw new IllegalStateException("Short IDAT");
      }
    } catch (DataFormatException e) {
      throw new IllegalStateException(e);
    }
    byte[] pixels = new byte[width * height];
    for (int y = 0; y < height; y++) {
      if (raw[y * (width + 1)] != 0) {
        throw new IllegalStateException("Row filter " + raw[y * (width + 1)]);
      }
      System.arraycopy(raw, y * (width + 1) + 1, pixels, y * width, width);
    }
    return pixels;
  }
}
