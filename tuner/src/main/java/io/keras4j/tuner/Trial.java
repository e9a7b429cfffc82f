package io.keras4j.tuner;

import io.keras4j.tuner.hyperparameters.HyperParameters;
import io.keras4j.tuner.hyperparameters.Values;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One set of hyperparameter values, run by a tuner: its id, values, reported metrics, score and status.
 *
 * <p>Keras equivalent: {@code keras_tuner.engine.trial.Trial}; saved as {@code trial_<id>/trial.json} with
 * KerasTuner's keys ({@code trial_id}, {@code hyperparameters}, {@code metrics}, {@code score}, {@code best_step},
 * {@code status}, {@code message}). Status is one of the strings of KerasTuner's {@code TrialStatus}.
 */
public final class Trial {
  /** KerasTuner's {@code TrialStatus} values. */
  public static final String RUNNING = "RUNNING";
  public static final String IDLE = "IDLE";
  public static final String INVALID = "INVALID";
  public static final String STOPPED = "STOPPED";
  public static final String COMPLETED = "COMPLETED";
  public static final String FAILED = "FAILED";

  private final String trialId;
  HyperParameters hyperparameters;
  MetricsTracker metrics = new MetricsTracker();
  Double score;
  int bestStep;
  String status;
  String message;

  /** A trial with the given values and status. */
  public Trial(HyperParameters hyperparameters, String trialId, String status) {
    this.hyperparameters = hyperparameters;
    this.trialId = trialId;
    this.status = status;
  }

  /** The id, zero-padded to the width of max_trials ("03"). */
  public String trialId() {
    return trialId;
  }

  /** The trial's hyperparameters (space and values). */
  public HyperParameters hyperparameters() {
    return hyperparameters;
  }

  /** The metrics reported for it. */
  public MetricsTracker metrics() {
    return metrics;
  }

  /** The best objective value, or null before it completes. */
  public Double score() {
    return score;
  }

  /** The step (epoch) of the best objective value. */
  public int bestStep() {
    return bestStep;
  }

  /** One of {@link #RUNNING}, {@link #COMPLETED}, {@link #INVALID}, {@link #FAILED}, ... */
  public String status() {
    return status;
  }

  /** Sets the status (a tuner marks the trial COMPLETED, INVALID or FAILED). */
  public void status(String status) {
    this.status = status;
  }

  /** The error message of a failed trial, or null. */
  public String message() {
    return message;
  }

  /** KerasTuner's printout: {@code Trial 03 summary}, the values, the score (Keras' {@code summary()}). */
  public String summary() {
    StringBuilder s = new StringBuilder("Trial " + trialId + " summary\nHyperparameters:\n");
    Map<String, Object> v = hyperparameters.values();
    if (v.isEmpty()) {
      s.append("default configuration\n");
    }
    v.forEach((k, val) -> s.append(k).append(": ").append(Values.pyStr(val)).append('\n'));
    if (score != null) {
      s.append("Score: ").append(Values.pyStr(score)).append('\n');
    }
    if (message != null) {
      s.append(message).append('\n');
    }
    return s.toString();
  }

  /** The trial.json content. */
  public Map<String, Object> getState() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("trial_id", trialId);
    s.put("hyperparameters", hyperparameters.getConfig());
    s.put("metrics", metrics.getConfig());
    s.put("score", score);
    s.put("best_step", bestStep);
    s.put("status", status);
    s.put("message", message);
    return s;
  }

  /** Reads {@link #getState()}. */
  @SuppressWarnings("unchecked")
  public static Trial fromState(Map<String, Object> state) {
    Trial t = new Trial(HyperParameters.fromConfig((Map<String, Object>) state.get("hyperparameters")),
        String.valueOf(state.get("trial_id")), (String) state.get("status"));
    t.metrics = MetricsTracker.fromConfig((Map<String, Object>) state.get("metrics"));
    Number score = (Number) state.get("score");
    t.score = score == null ? null : score.doubleValue();
    Number best = (Number) state.get("best_step");
    t.bestStep = best == null ? 0 : best.intValue();
    t.message = (String) state.get("message");
    return t;
  }

  /** Writes trial.json atomically. */
  public void save(Path file) {
    Json.save(file, getState());
  }

  /** Reads a trial.json. */
  public static Trial load(Path file) {
    return fromState(Json.load(file));
  }

  @Override
  public String toString() {
    return "Trial(" + trialId + ", " + status + ", " + hyperparameters.values() + ", score=" + score + ")";
  }
}
