package io.keras4j.callbacks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-epoch logs of a {@code fit}: {@code history().get("loss")} lists the loss of each epoch.
 *
 * <p>Keras equivalent: {@code keras.callbacks.History}, returned by {@code fit}.
 */
public class History extends Callback {
  private final List<Integer> epochs = new ArrayList<>();
  private final Map<String, List<Double>> history = new LinkedHashMap<>();

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    epochs.add(epoch);
    for (Map.Entry<String, Double> e : logs.entrySet()) {
      history.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
    }
  }

  /** Metric name to its value at each epoch (Keras' {@code history.history}). */
  public Map<String, List<Double>> history() {
    return history;
  }

  /** The epoch indices seen (Keras' {@code history.epoch}). */
  public List<Integer> epoch() {
    return epochs;
  }

  /** The values of {@code metric} per epoch. */
  public List<Double> get(String metric) {
    List<Double> v = history.get(metric);
    if (v == null) {
      throw new IllegalArgumentException("No metric '" + metric + "' in the history. Available: " + history.keySet());
    }
    return v;
  }
}
