package io.keras4j.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated files with a header line (double-quoted fields allowed).
 *
 * <p>Porting note: the course reads catalogues with {@code pandas.read_csv}; this covers plain numeric and text
 * columns.
 */
public final class Csv {
  private Csv() {}

  /** The table in {@code file}. */
  public static Table read(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String head = r.readLine();
      if (head == null) {
        throw new IllegalArgumentException("Empty CSV file: " + file);
      }
      List<String> header = new ArrayList<>();
      for (String h : split(head)) {
        header.add(h.trim());
      }
      List<String[]> rows = new ArrayList<>();
      String line;
      int n = 1;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        String[] fields = split(line);
        if (fields.length != header.size()) {
          throw new IllegalArgumentException(file + ", line " + n + ": expected " + header.size() + " fields, found "
              + fields.length);
        }
        rows.add(fields);
      }
      return new Table(header, rows);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read CSV file " + file, e);
    }
  }

  static String[] split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out.toArray(new String[0]);
  }
}
