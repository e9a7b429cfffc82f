package io.keras4j.data;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.Shape;
import io.keras4j.utils.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy {@code .npy} files as {@link NDArray}s.
 * <pre>{@code
 * Npy.write(Path.of("x.npy"), NDArray.of(x));      // np.save("x.npy", x)
 * NDArray y = Npy.read(Path.of("x.npy"));          // np.load("x.npy")
 * }</pre>
 *
 * <p>Porting note: {@code numpy.load}/{@code numpy.save} for numeric arrays. Reads float32, float64, int32, int64
 * and bool keeping the dtype, int8, int16 and uint8 as int32, in either byte order and C or Fortran order; writes
 * the array's dtype little-endian in C order (format version 1.0). Writes go to a temporary file renamed into
 * place. A missing or malformed file is an {@link IllegalArgumentException} naming it and saying what is wrong
 * (never another exception); the header (dtype, shape, the data's size against the file's) is checked before the
 * data is allocated. Porting note: not keras4j's KerasFileException, which lives in {@code io.keras4j.saving}, a
 * package that depends on this one.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
  private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
  private static final java.util.Set<String> DTYPES = java.util.Set.of("f4", "f8", "i1", "i2", "i4", "i8", "u1", "b1");
  /** The longest header read (NumPy itself refuses headers over 10,000 bytes unless told otherwise). */
  static final int MAX_HEADER_BYTES = 1 << 20;
  /** The most data bytes one array may hold: Java's array limit. */
  static final long MAX_DATA_BYTES = Integer.MAX_VALUE - 8;
  /** The highest rank read (NumPy's own limit is 64). */
  static final int MAX_RANK = 64;

  private Npy() {}

  /** The array in {@code file} ({@code np.load}); a malformed file is a IllegalArgumentException naming it. */
  public static NDArray read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("No such file: " + file);
    }
    return guard(file, () -> {
      try (InputStream in = Files.newInputStream(file)) {
        return read(in, file.toString(), Files.size(file));
      } catch (IOException e) {
        throw new IllegalArgumentException("Cannot read .npy file " + file + ": " + e.getMessage(), e);
      }
    });
  }

  /**
   * Runs {@code body}, which reads {@code file}: an IllegalArgumentException naming the file passes, any other
   * failure of a malformed file (an I/O, index or arithmetic error, a stack or heap overflow from a declared size)
   * becomes one.
   */
  static <T> T guard(Path file, java.util.function.Supplier<T> body) {
    String name = file.toString();
    try {
      return body.get();
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().contains(name)) {
        throw e;
      }
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      throw new IllegalArgumentException("Cannot read " + name + ", it is corrupt: " + e, e);
    }
  }

  /** The array in a .npy stream; {@code source} names it in errors. */
  public static NDArray read(InputStream in, String source) throws IOException {
    return read(in, source, Long.MAX_VALUE);
  }

  /**
   * The array in a .npy stream of at most {@code available} bytes: the header is checked (dtype, order, shape, and
   * the data's size against {@code available} and Java's array limit) before the data is read.
   */
  static NDArray read(InputStream in, String source, long available) throws IOException {
    byte[] magic = in.readNBytes(8);
    if (magic.length < 8 || !java.util.Arrays.equals(java.util.Arrays.copyOf(magic, 6), MAGIC)) {
      throw new IllegalArgumentException(source + " is not a .npy file (bad magic string)");
    }
    int major = magic[6];
    if (major < 1 || major > 3) {
      throw new IllegalArgumentException(source + ": unsupported .npy format version " + major + "; expected 1, 2 or 3");
    }
    int lenSize = major == 1 ? 2 : 4;
    byte[] lenBytes = in.readNBytes(lenSize);
    if (lenBytes.length < lenSize) {
      throw new IllegalArgumentException(source + " is truncated in its header length");
    }
    ByteBuffer lb = ByteBuffer.wrap(java.util.Arrays.copyOf(lenBytes, 4)).order(ByteOrder.LITTLE_ENDIAN);
    int headerLen = lb.getInt();
    if (headerLen < 0 || headerLen > MAX_HEADER_BYTES) {
      throw new IllegalArgumentException(source + ": implausible .npy header length " + headerLen + "; expected at most "
          + MAX_HEADER_BYTES);
    }
    byte[] headerBytes = in.readNBytes(headerLen);
    if (headerBytes.length < headerLen) {
      throw new IllegalArgumentException(source + " is truncated in its header: expected " + headerLen + " bytes, found "
          + headerBytes.length);
    }
    String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
    Matcher d = DESCR.matcher(header);
    Matcher o = ORDER.matcher(header);
    Matcher s = SHAPE.matcher(header);
    if (!d.find() || !o.find() || !s.find()) {
      throw new IllegalArgumentException(source + ": unsupported .npy header: " + header.trim());
    }
    String descr = d.group(2) + d.group(3);
    if (!DTYPES.contains(descr)) {
      throw new IllegalArgumentException(source + ": unsupported dtype '" + descr + "'; expected f4, f8, i1, i2, i4, i8, u1 "
          + "or b1");
    }
    int width = Integer.parseInt(d.group(3));
    long[] dims = parseShape(s.group(1), source);
    long n = 1;
    for (long dim : dims) {
      n *= dim; // no overflow: dim <= Integer.MAX_VALUE and n <= MAX_DATA_BYTES before this step
      if (n > MAX_DATA_BYTES / width) {
        throw new IllegalArgumentException(source + ": the shape " + s.group(1).trim() + " of dtype " + descr + " needs more "
            + "than " + MAX_DATA_BYTES + " bytes, the most a Java array holds");
      }
    }
    long bytes = n * width;
    long rest = available - 8 - lenSize - headerLen;
    if (bytes > rest) {
      throw new IllegalArgumentException(source + " is truncated: expected " + bytes + " data bytes, found " + rest);
    }
    byte[] data = in.readNBytes((int) bytes);
    if (data.length != bytes) {
      throw new IllegalArgumentException(source + " is truncated: expected " + bytes + " data bytes, found " + data.length);
    }
    ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    Object values = decode(ByteBuffer.wrap(data).order(order), descr, (int) n, source);
    if (o.group(1).equals("True")) {
      values = fromFortran(values, dims);
    }
    return NDArray.of(new HostArray(values, Shape.of(dims)));
  }

  private static long[] parseShape(String text, String source) {
    List<Long> dims = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        String digits = part.trim().replace("L", "");
        if (!digits.matches("\\d{1,10}") || Long.parseLong(digits) > Integer.MAX_VALUE) {
          throw new IllegalArgumentException(source + ": invalid .npy shape (" + text + "); expected non-negative integers");
        }
        dims.add(Long.parseLong(digits));
      }
    }
    if (dims.size() > MAX_RANK) {
      throw new IllegalArgumentException(source + ": the .npy shape has rank " + dims.size() + "; at most " + MAX_RANK
          + " is supported");
    }
    return dims.stream().mapToLong(Long::longValue).toArray();
  }

  private static Object decode(ByteBuffer b, String descr, int n, String source) {
    switch (descr) {
      case "f4" -> {
        float[] v = new float[n];
        b.asFloatBuffer().get(v);
        return v;
      }
      case "f8" -> {
        double[] v = new double[n];
        b.asDoubleBuffer().get(v);
        return v;
      }
      case "i8" -> {
        long[] v = new long[n];
        b.asLongBuffer().get(v);
        return v;
      }
      case "b1" -> {
        boolean[] v = new boolean[n];
        for (int i = 0; i < n; i++) {
          v[i] = b.get() != 0;
        }
        return v;
      }
      default -> {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
          v[i] = switch (descr) {
            case "i4" -> b.getInt();
            case "i2" -> b.getShort();
            case "i1" -> b.get();
            case "u1" -> b.get() & 0xff;
            default -> throw new IllegalArgumentException(source + ": unsupported dtype '" + descr + "'; expected "
                + "f4, f8, i1, i2, i4, i8, u1 or b1");
          };
        }
        return v;
      }
    }
  }

  private static Object fromFortran(Object v, long[] dims) {
    int n = java.lang.reflect.Array.getLength(v);
    Object out = java.lang.reflect.Array.newInstance(v.getClass().getComponentType(), n);
    int r = dims.length;
    int[] idx = new int[r];
    for (int c = 0; c < n; c++) {
      // c is the C-order index; compute the Fortran-order index of the same element
      int rem = c;
      for (int k = r - 1; k >= 0; k--) {
        idx[k] = (int) (rem % dims[k]);
        rem /= dims[k];
      }
      int f = 0;
      for (int k = r - 1; k >= 0; k--) {
        f = f * (int) dims[k] + idx[k];
      }
      System.arraycopy(v, f, out, c, 1);
    }
    return out;
  }

  /** Writes {@code array} to {@code file} in its dtype, little-endian (atomically; {@code np.save}). */
  public static void write(Path file, NDArray array) {
    try {
      AtomicFiles.write(file, tmp -> {
        try (OutputStream out = Files.newOutputStream(tmp)) {
          write(out, array);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write .npy file " + file, e);
    }
  }

  /** Writes {@code array} in .npy format to a stream. */
  public static void write(OutputStream out, NDArray array) throws IOException {
    StringBuilder shape = new StringBuilder();
    long[] dims = array.shape();
    for (long d : dims) {
      shape.append(d).append(", ");
    }
    String s = dims.length == 1 ? dims[0] + "," : dims.length == 0 ? "" : shape.substring(0, shape.length() - 2);
    StringBuilder header = new StringBuilder("{'descr': '" + descr(array.dtype())
        + "', 'fortran_order': False, 'shape': (" + s + "), }");
    int total = MAGIC.length + 2 + 2 + header.length() + 1;
    header.append(" ".repeat((64 - total % 64) % 64)).append('\n');
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.write(MAGIC);
    head.write(1);
    head.write(0);
    head.write(header.length() & 0xff);
    head.write(header.length() >> 8);
    head.write(header.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(head.toByteArray());
    out.write(encode(array.toHost().data()));
  }

  private static String descr(String dtype) {
    return switch (dtype) {
      case "float32" -> "<f4";
      case "float64" -> "<f8";
      case "int32" -> "<i4";
      case "int64" -> "<i8";
      default -> "|b1";
    };
  }

  private static byte[] encode(Object data) {
    int n = java.lang.reflect.Array.getLength(data);
    if (data instanceof boolean[] v) {
      byte[] out = new byte[n];
      for (int i = 0; i < n; i++) {
        out[i] = (byte) (v[i] ? 1 : 0);
      }
      return out;
    }
    int width = data instanceof float[] || data instanceof int[] ? 4 : 8;
    ByteBuffer b = ByteBuffer.allocate(n * width).order(ByteOrder.LITTLE_ENDIAN);
    if (data instanceof float[] v) {
      b.asFloatBuffer().put(v);
    } else if (data instanceof double[] v) {
      b.asDoubleBuffer().put(v);
    } else if (data instanceof int[] v) {
      b.asIntBuffer().put(v);
    } else {
      b.asLongBuffer().put((long[]) data);
    }
    return b.array();
  }
}
