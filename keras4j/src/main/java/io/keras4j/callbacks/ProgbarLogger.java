package io.keras4j.callbacks;

import java.io.PrintStream;
import java.util.Map;

/**
 * Keras' console output of {@code fit}: a progress bar with ETA and running metrics (verbose 1), or one line per
 * epoch (verbose 2).
 *
 * <p>Keras equivalent: {@code keras.callbacks.ProgbarLogger}, added by {@code fit} when verbose is not 0.
 */
public class ProgbarLogger extends Callback {
  private final int verbose;
  private final PrintStream out;
  private int epochs;
  private int steps;
  private long epochStart;
  private long lastPrint;

  public ProgbarLogger(int verbose) {
    this(verbose, System.out);
  }

  public ProgbarLogger(int verbose, PrintStream out) {
    this.verbose = verbose;
    this.out = out;
  }

  /** Engine use: the number of epochs and steps per epoch. */
  public void params(int epochs, int steps) {
    this.epochs = epochs;
    this.steps = steps;
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    epochStart = System.nanoTime();
    out.println("Epoch " + (epoch + 1) + "/" + epochs);
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    if (verbose != 1) {
      return;
    }
    int done = batch + 1;
    long now = System.nanoTime();
    if (now - lastPrint < 50_000_000L && done < steps) {
      return; // Keras refreshes the bar at most every 0.05 s
    }
    lastPrint = now;
    double elapsed = (System.nanoTime() - epochStart) / 1e9;
    double eta = done < steps ? elapsed / done * (steps - done) : 0;
    out.print("\r" + bar(done) + " " + (done < steps ? "ETA: " + Math.round(eta) + "s" : format(elapsed, done))
        + metrics(logs));
    out.flush();
  }

  private String bar(int done) {
    int width = 20;
    int filled = steps == 0 ? width : (int) Math.min(width, (long) done * width / steps); // done may pass steps
    String digits = Integer.toString(steps);
    return String.format("%" + digits.length() + "d/%s [%s%s]", done, digits, "━".repeat(filled),
        "─".repeat(width - filled));
  }

  private static String format(double seconds, int steps) {
    double perStep = seconds / Math.max(1, steps);
    String step = perStep >= 1 ? String.format("%.0fs/step", perStep)
        : perStep >= 1e-3 ? String.format("%.0fms/step", perStep * 1e3) : String.format("%.0fus/step", perStep * 1e6);
    return String.format("%.0fs %s", seconds, step);
  }

  private static String metrics(Map<String, Double> logs) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Double> e : logs.entrySet()) {
      b.append(" - ").append(e.getKey()).append(": ").append(String.format("%.4f", e.getValue()));
    }
    return b.toString();
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    double elapsed = (System.nanoTime() - epochStart) / 1e9;
    if (verbose == 1) {
      out.println("\r" + bar(steps) + " " + format(elapsed, steps) + metrics(logs) + " ");
    } else {
      out.println(steps + "/" + steps + " - " + format(elapsed, steps) + metrics(logs));
    }
  }
}
