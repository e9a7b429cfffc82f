package io.keras4j.callbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes each epoch's logs as a CSV row: {@code epoch,loss,...}.
 *
 * <p>Keras equivalent: {@code keras.callbacks.CSVLogger(filename, separator=",", append=False)}.
 */
public class CSVLogger extends Callback {
  private final Path file;
  private String separator = ",";
  private boolean append;
  private List<String> keys;
  private Writer writer;

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
      boolean exists = Files.exists(file) && Files.size(file) > 0;
      writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
      keys = append && exists ? new ArrayList<>() : null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open CSV log " + file, e);
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    try {
      if (keys == null) {
        keys = new ArrayList<>(logs.keySet());
        writer.write("epoch" + separator + String.join(separator, keys) + "\n");
      } else if (keys.isEmpty()) {
        keys = new ArrayList<>(logs.keySet());
      }
      StringBuilder row = new StringBuilder(Integer.toString(epoch));
      for (String k : keys) {
        Double v = logs.get(k);
        row.append(separator).append(v == null ? "NA" : v.toString());
      }
      writer.write(row.append('\n').toString());
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write CSV log " + file, e);
    }
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
