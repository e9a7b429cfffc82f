package io.keras4j.spark;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * Image input columns as a model sees them, {@code (height, width, channels)} values from 0 to 255 in row-major
 * order: Spark's image-schema struct ({@code spark.read().format("image")}) and encoded image files in a binary
 * column ({@code spark.read().format("binaryFile")}'s {@code content}).
 *
 * <p>Keras equivalent: {@code keras.utils.load_img} then {@code img_to_array} (color_mode "rgb"). Porting note:
 * Spark's image schema stores pixels in OpenCV's order (BGR, BGRA); they are reversed to RGB (RGBA) here, the order
 * Keras' image loading gives and Keras models are trained on.
 */
final class ImageColumns {
  private static final String[] IMAGE_FIELDS = {"height", "width", "nChannels", "data"};

  private ImageColumns() {}

  /** Whether {@code type} is Spark's image schema: fields height, width, nChannels (int) and data (binary). */
  static boolean isImageSchema(DataType type) {
    if (!(type instanceof StructType s)) {
      return false;
    }
    for (String f : IMAGE_FIELDS) {
      if (!java.util.Arrays.asList(s.fieldNames()).contains(f)) {
        return false;
      }
    }
    return s.apply("data").dataType() instanceof BinaryType;
  }

  /**
   * Writes an image-schema struct's pixels, channels reversed from BGR(A) to RGB(A), to {@code x} from {@code pos};
   * returns the position after them.
   */
  static int putImageStruct(InternalRow image, StructType type, float[] x, int pos, int end, ColumnReader.Context c) {
    int h = image.getInt(type.fieldIndex("height"));
    int w = image.getInt(type.fieldIndex("width"));
    int channels = image.getInt(type.fieldIndex("nChannels"));
    byte[] data = image.getBinary(type.fieldIndex("data"));
    if ((long) h * w * channels != data.length) {
      throw new IllegalArgumentException("KerasModelScorer: the image in input column '" + c.column + "' holds "
          + data.length + " bytes; expected height * width * nChannels = " + h + " * " + w + " * " + channels);
    }
    if (pos + data.length > end) {
      throw c.tooMany();
    }
    boolean bgr = channels == 3 || channels == 4;
    for (int p = 0; p < h * w; p++) {
      for (int k = 0; k < channels; k++) {
        int from = bgr && k < 3 ? 2 - k : k;
        x[pos + p * channels + k] = data[p * channels + from] & 0xff;
      }
    }
    return pos + data.length;
  }

  /** Decodes an image file (PNG, JPEG, GIF, BMP) and writes its RGB pixels to {@code x} from {@code pos}. */
  static int putEncoded(byte[] file, float[] x, int pos, int end, ColumnReader.Context c) {
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(file));
    } catch (IOException e) {
      throw new UncheckedIOException("KerasModelScorer: cannot decode the image in input column '" + c.column + "'",
          e);
    }
    if (image == null) {
      throw new IllegalArgumentException("KerasModelScorer: input column '" + c.column + "' holds " + file.length
          + " bytes that are not an image file; expected PNG, JPEG, GIF or BMP bytes");
    }
    int h = image.getHeight();
    int w = image.getWidth();
    if (pos + 3L * h * w > end) {
      throw c.tooMany();
    }
    for (int r = 0; r < h; r++) {
      for (int col = 0; col < w; col++) {
        int argb = image.getRGB(col, r);
        x[pos++] = (argb >> 16) & 0xff;
        x[pos++] = (argb >> 8) & 0xff;
        x[pos++] = argb & 0xff;
      }
    }
    return pos;
  }
}
