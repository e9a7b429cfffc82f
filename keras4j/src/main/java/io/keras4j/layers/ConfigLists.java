package io.keras4j.layers;

import java.util.ArrayList;
import java.util.List;

/** Arrays as the lists a config holds, so that a config reads back the same before and after JSON. */
final class ConfigLists {
  private ConfigLists() {}

  static List<Integer> of(int... values) {
    List<Integer> out = new ArrayList<>(values.length);
    for (int v : values) {
      out.add(v);
    }
    return out;
  }

  static List<Double> of(double... values) {
    List<Double> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(v);
    }
    return out;
  }
}
