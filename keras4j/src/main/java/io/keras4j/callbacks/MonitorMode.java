package io.keras4j.callbacks;

/** Keras' "min"/"max"/"auto" monitoring direction of EarlyStopping, ReduceLROnPlateau and ModelCheckpoint. */
final class MonitorMode {
  private MonitorMode() {}

  /** True when a larger value of {@code monitor} is better under {@code mode}. */
  static boolean greaterIsBetter(String mode, String monitor) {
    switch (mode) {
      case "min":
        return false;
      case "max":
        return true;
      case "auto":
        String m = monitor.startsWith("val_") ? monitor.substring(4) : monitor;
        return m.contains("acc") || m.contains("auc") || m.startsWith("fmeasure") || m.contains("precision")
            || m.contains("recall");
      default:
        throw new IllegalArgumentException("Unknown mode '" + mode + "'. Expected one of [auto, min, max]");
    }
  }
}
