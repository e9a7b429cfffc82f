package io.keras4j.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads the primary image of a FITS file (gzip-compressed or not), as astronomical cutouts come.
 *
 * <p>Porting note: the course reads cutouts with {@code astropy.io.fits}; this reads a 2-D primary HDU with
 * BITPIX 8, 16, 32, 64, -32 or -64, applies BSCALE and BZERO, and returns {@code image[row][column]} in file
 * order (row 0 first), as {@code hdu.data} indexes it.
 */
public final class Fits {
  private static final int BLOCK = 2880;

  private Fits() {}

  /** The primary image of FITS {@code bytes}. */
  public static float[][] readImage(byte[] bytes) {
    try {
      return readImage(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new IllegalArgumentException("Not a readable FITS image: " + e.getMessage(), e);
    }
  }

  /** The primary image of a FITS stream. */
  public static float[][] readImage(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    DataInputStream data = new DataInputStream(b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in) : in);
    Map<String, String> header = header(data);
    int bitpix = Integer.parseInt(require(header, "BITPIX"));
    int naxis = Integer.parseInt(require(header, "NAXIS"));
    if (naxis != 2) {
      throw new IllegalArgumentException("Expected a 2-D FITS image. Received: NAXIS=" + naxis);
    }
    int width = Integer.parseInt(require(header, "NAXIS1"));
    int height = Integer.parseInt(require(header, "NAXIS2"));
    double scale = Double.parseDouble(header.getOrDefault("BSCALE", "1"));
    double zero = Double.parseDouble(header.getOrDefault("BZERO", "0"));
    float[][] img = new float[height][width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double v = switch (bitpix) {
          case 8 -> data.readUnsignedByte();
          case 16 -> data.readShort();
          case 32 -> data.readInt();
          case 64 -> data.readLong();
          case -32 -> data.readFloat();
          case -64 -> data.readDouble();
          default -> throw new IllegalArgumentException("Unsupported BITPIX " + bitpix);
        };
        img[y][x] = (float) (v * scale + zero);
      }
    }
    return img;
  }

  private static String require(Map<String, String> header, String key) {
    String v = header.get(key);
    if (v == null) {
      throw new IllegalArgumentException("FITS header lacks " + key);
    }
    return v;
  }

  private static Map<String, String> header(DataInputStream in) throws IOException {
    Map<String, String> h = new HashMap<>();
    byte[] block = new byte[BLOCK];
    while (true) {
      in.readFully(block);
      for (int c = 0; c < BLOCK; c += 80) {
        String card = new String(block, c, 80, StandardCharsets.US_ASCII);
        String key = card.substring(0, 8).trim();
        if (key.equals("END")) {
          return h;
        }
        if (card.length() > 9 && card.charAt(8) == '=') {
          String value = card.substring(10);
          int slash = value.indexOf('/');
          if (slash >= 0 && !value.trim().startsWith("'")) {
            value = value.substring(0, slash);
          }
          h.put(key, value.trim().replace("'", "").trim());
        }
      }
    }
  }
}
