package io.keras4j.callbacks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes each epoch's logs as a CSV row: {@code epoch,loss,...}.
 *
 * <p>Keras equivalent: {@code keras.callbacks.CSVLogger(filename, separator=",", append=False)}. As Keras writes
 * it: the columns are "epoch" and the first epoch's log keys sorted, plus a {@code val_} column for each when that
 * epoch logged no validation value; a key an epoch lacks is written "NA"; rows end with "\r\n" (Python's csv
 * dialect); numbers as Python prints them ({@code 0.0001}, {@code 1e-05}, {@code nan}). With {@code append} the
 * header is written only when the file is empty or new.
 * <pre>{@code model.fit(x, y, new FitOptions().callbacks(new CSVLogger(Path.of("training.csv"))))}</pre>
 */
public class CSVLogger extends Callback {
  private final Path file;
  private String separator = ",";
  private boolean append;
  private List<String> keys;
  private boolean appendHeader;
  private Writer writer;

  /** A logger writing to {@code file}. */
  public CSVLogger(Path file) {
    this.file = file;
  }

  /** Sets the column separator (Keras' {@code separator=}). Default ",". */
  public CSVLogger separator(String separator) {
    this.separator = separator;
    return this;
  }

  /** Sets appending to an existing file (Keras' {@code append=}). Default false. */
  public CSVLogger append(boolean append) {
    this.append = append;
    return this;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    try {
      appendHeader = true;
      if (append && Files.exists(file)) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          String first = r.readLine();
          appendHeader = first == null;
        }
      }
      writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
      keys = null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open CSV log " + file, e);
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    try {
      if (keys == null) {
        keys = new ArrayList<>(new TreeSet<>(logs.keySet()));
        if (!keys.isEmpty() && keys.stream().noneMatch(k -> k.startsWith("val_"))) {
          keys.addAll(keys.stream().map(k -> "val_" + k).toList());
        }
        if (appendHeader) {
          writer.write("epoch" + (keys.isEmpty() ? "" : separator + String.join(separator, keys)) + "\r\n");
        }
      }
      StringBuilder row = new StringBuilder(Integer.toString(epoch));
      for (String k : keys) {
        Double v = logs.get(k);
        row.append(separator).append(v == null ? "NA" : pythonFloat(v));
      }
      writer.write(row.append("\r\n").toString());
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write CSV log " + file, e);
    }
  }

  /**
   * {@code v} as Python's {@code repr(float)} writes it: the shortest digits that read back as {@code v}, plain
   * for exponents -4 to 15 ("0.0001", "3.0"), else scientific ("1e-05", "1.5e+16"); "nan", "inf", "-inf".
   */
  static String pythonFloat(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return 1 / v < 0 ? "-0.0" : "0.0";
    }
    BigDecimal exact = new BigDecimal(v);
    BigDecimal d = exact;
    for (int p = 1; p <= 17; p++) {
      d = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (d.doubleValue() == v) {
        break;
      }
    }
    d = d.stripTrailingZeros();
    String digits = d.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - d.scale();
    String sign = v < 0 ? "-" : "";
    if (exp >= -4 && exp < 16) {
      String plain = d.abs().toPlainString();
      return sign + (plain.contains(".") ? plain : plain + ".0");
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    try {
      if (writer != null) {
        writer.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer = null;
    }
  }
}
