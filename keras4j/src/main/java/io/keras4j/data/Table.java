package io.keras4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV table: named columns of text, read as numbers or labels on request.
 *
 * <p>Porting note: stands in for the pandas DataFrame the course reads its catalogues into.
 * <pre>{@code Table t = Csv.read(path); float[][] x = t.columns("u", "g", "r"); String[] cls = t.strings("class");}</pre>
 */
public final class Table {
  private final List<String> header;
  private final List<String[]> rows;

  Table(List<String> header, List<String[]> rows) {
    this.header = List.copyOf(header);
    this.rows = rows;
  }

  public List<String> header() {
    return header;
  }

  public int size() {
    return rows.size();
  }

  private int index(String column) {
    int i = header.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException("No column '" + column + "'. Columns: " + header);
    }
    return i;
  }

  /** A column as numbers. */
  public float[] floats(String column) {
    int c = index(column);
    float[] out = new float[rows.size()];
    for (int r = 0; r < out.length; r++) {
      String v = rows.get(r)[c].trim();
      try {
        out[r] = v.isEmpty() || v.equalsIgnoreCase("nan") ? Float.NaN : Float.parseFloat(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Column '" + column + "', row " + (r + 1) + ": not a number: '" + v + "'");
      }
    }
    return out;
  }

  /** A column as text. */
  public String[] strings(String column) {
    int c = index(column);
    String[] out = new String[rows.size()];
    for (int r = 0; r < out.length; r++) {
      out[r] = rows.get(r)[c].trim();
    }
    return out;
  }

  /** Several columns as a {@code float[rows][columns]} matrix. */
  public float[][] columns(String... names) {
    float[][] cols = new float[names.length][];
    for (int j = 0; j < names.length; j++) {
      cols[j] = floats(names[j]);
    }
    float[][] out = new float[rows.size()][names.length];
    for (int r = 0; r < out.length; r++) {
      for (int j = 0; j < names.length; j++) {
        out[r][j] = cols[j][r];
      }
    }
    return out;
  }

  /** The rows whose {@code column} is one of {@code values}. */
  public Table where(String column, String... values) {
    int c = index(column);
    List<String> keep = Arrays.asList(values);
    List<String[]> out = new ArrayList<>();
    for (String[] row : rows) {
      if (keep.contains(row[c].trim())) {
        out.add(row);
      }
    }
    return new Table(header, out);
  }
}
