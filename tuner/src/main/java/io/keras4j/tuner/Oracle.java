package io.keras4j.tuner;

import io.keras4j.tuner.hyperparameters.HyperParameter;
import io.keras4j.tuner.hyperparameters.HyperParameters;
import io.keras4j.tuner.hyperparameters.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Proposes the hyperparameter values of each trial and keeps the record of the search; subclasses implement
 * {@link #populateSpace(String)}.
 *
 * <p>Keras equivalent: {@code keras_tuner.Oracle} (keras_tuner/engine/oracle.py): trial ids numbered in order and
 * zero-padded to the width of {@code max_trials}, values drawn with {@code random.Random(seed_state)} and
 * de-duplicated by hash (20 collisions at most), the state in {@code oracle.json} and each trial in
 * {@code trial_<id>/trial.json}, running trials retried after a reload. Its public methods are synchronized, so
 * tuners on several threads may share it.
 */
public abstract class Oracle {
  /** A populate_space answer: a status and, when RUNNING, the values. */
  public record Response(String status, Map<String, Object> values) {
    static Response running(Map<String, Object> values) {
      return new Response(Trial.RUNNING, values);
    }
  }

  final Objective objective;
  final Integer maxTrials;
  HyperParameters hyperparameters;
  final boolean allowNewEntries;
  final boolean tuneNewEntries;
  int seed;
  int seedState;
  final int maxRetriesPerTrial;
  final int maxConsecutiveFailedTrials;
  final int maxCollisions = 20;
  final Map<String, Trial> trials = new LinkedHashMap<>();
  final Map<String, Trial> ongoingTrials = new LinkedHashMap<>();
  List<String> startOrder = new ArrayList<>();
  List<String> endOrder = new ArrayList<>();
  Map<String, Integer> runTimes = new HashMap<>();
  List<String> retryQueue = new ArrayList<>();
  Set<String> triedSoFar = new LinkedHashSet<>();
  Map<String, String> idToHash = new HashMap<>();
  Path projectDir;

  /** The settings every oracle shares; see {@link Tuner} for their meaning and defaults. */
  protected Oracle(Settings s) {
    this.objective = Objective.of(s.objective);
    this.maxTrials = s.maxTrials;
    this.hyperparameters = s.hyperparameters == null ? new HyperParameters() : s.hyperparameters.copy();
    this.allowNewEntries = s.allowNewEntries;
    this.tuneNewEntries = s.tuneNewEntries;
    this.seed = s.seed != null ? s.seed : 1 + new java.util.Random().nextInt(10000);
    this.seedState = seed;
    this.maxRetriesPerTrial = s.maxRetriesPerTrial;
    this.maxConsecutiveFailedTrials = s.maxConsecutiveFailedTrials;
  }

  /** The constructor arguments common to all oracles (Keras' keyword arguments of {@code Oracle.__init__}). */
  public static final class Settings {
    Object objective;
    Integer maxTrials;
    HyperParameters hyperparameters;
    boolean allowNewEntries = true;
    boolean tuneNewEntries = true;
    Integer seed;
    int maxRetriesPerTrial;
    int maxConsecutiveFailedTrials = 3;
  }

  /** Fills the space for {@code trialId}: RUNNING with values, IDLE to wait, or STOPPED (Keras' populate_space). */
  protected abstract Response populateSpace(String trialId);

  /** The objective. */
  public Objective objective() {
    return objective;
  }

  /** The seed (drawn in [1, 10000] when none is given, as KerasTuner does). */
  public int seed() {
    return seed;
  }

  /** Every trial by id, in creation order. */
  public synchronized Map<String, Trial> trials() {
    return new LinkedHashMap<>(trials);
  }

  /** The trial {@code trialId}. */
  public synchronized Trial getTrial(String trialId) {
    return trials.get(trialId);
  }

  /** A copy of the search space (Keras' {@code get_space}). */
  public synchronized HyperParameters getSpace() {
    return hyperparameters.copy();
  }

  /** Adds the hyperparameters a build declared to the space (Keras' {@code update_space}). */
  public synchronized void updateSpace(HyperParameters hp) {
    List<HyperParameter> added = hp.space().stream()
        .filter(h -> hyperparameters.space().stream()
            .noneMatch(k -> k.name().equals(h.name()) && k.conditions().equals(h.conditions())))
        .toList();
    if (!added.isEmpty() && !allowNewEntries) {
      throw new IllegalStateException("`allow_new_entries` is `False`, but found new entries " + added);
    }
    if (tuneNewEntries) {
      hyperparameters.merge(added, true);
    }
  }

  /** The next trial for the tuner {@code tunerId}: a retried one, a new RUNNING one, or IDLE/STOPPED. */
  public synchronized Trial createTrial(String tunerId) {
    if (ongoingTrials.containsKey(tunerId)) {
      return ongoingTrials.get(tunerId);
    }
    if (!retryQueue.isEmpty()) {
      Trial t = trials.get(retryQueue.remove(retryQueue.size() - 1));
      t.status = Trial.RUNNING;
      ongoingTrials.put(tunerId, t);
      save();
      return t;
    }
    String trialId = String.format("%0" + String.valueOf(maxTrials).length() + "d", trials.size());
    Response r = maxTrials != null && trials.size() >= maxTrials ? new Response(Trial.STOPPED, null)
        : populateSpace(trialId);
    HyperParameters hp = hyperparameters.copy();
    hp.values(r.values() == null ? Map.of() : r.values());
    Trial trial = new Trial(hp, trialId, r.status());
    if (r.status().equals(Trial.RUNNING)) {
      recordValues(trial);
      ongoingTrials.put(tunerId, trial);
      trials.put(trialId, trial);
      startOrder.add(trialId);
      saveTrial(trial);
      save();
    }
    return trial;
  }

  /** Records metrics of a running trial at {@code step} (Keras' {@code update_trial}). */
  public synchronized Trial updateTrial(String trialId, Map<String, Double> metrics, int step) {
    if (!metrics.containsKey(objective.name())) {
      throw new IllegalArgumentException("Objective value missing in metrics reported to the Oracle, expected: ["
          + objective.name() + "], found: " + metrics.keySet());
    }
    Trial t = trials.get(trialId);
    metrics.forEach((name, value) -> {
      if (!t.metrics.exists(name)) {
        t.metrics.register(name, name.equals(objective.name()) ? objective.direction() : null);
      }
      t.metrics.update(name, value, step);
    });
    saveTrial(t);
    return t;
  }

  /** Ends a trial: scores it if COMPLETED, sends an INVALID one for retry, saves (Keras' {@code end_trial}). */
  public synchronized void endTrial(Trial trial) {
    Trial t = trials.get(trial.trialId());
    t.hyperparameters = trial.hyperparameters;
    t.status = trial.status;
    t.message = trial.message;
    updateSpace(t.hyperparameters);
    if (t.status.equals(Trial.COMPLETED)) {
      scoreTrial(t);
      if (t.score == null || Double.isNaN(t.score)) {
        t.status = Trial.INVALID;
      }
    }
    recordValues(t);
    runTimes.merge(t.trialId(), 1, Integer::sum);
    if (!retry(t)) {
      endOrder.add(t.trialId());
      checkConsecutiveFailures();
    }
    saveTrial(t);
    save();
    ongoingTrials.values().removeIf(o -> o.trialId().equals(t.trialId()));
  }

  /** Sets the score to the best objective value and its step (Keras' {@code score_trial}). */
  protected void scoreTrial(Trial t) {
    t.score = t.metrics.exists(objective.name()) ? t.metrics.getBestValue(objective.name()) : null;
    Integer step = t.metrics.exists(objective.name()) ? t.metrics.getBestStep(objective.name()) : null;
    t.bestStep = step == null ? 0 : step;
  }

  private boolean retry(Trial t) {
    if (!t.status.equals(Trial.INVALID)) {
      return false;
    }
    if (runTimes.get(t.trialId()) >= maxRetriesPerTrial + 1) {
      t.status = Trial.FAILED;
      return false;
    }
    retryQueue.add(t.trialId());
    return true;
  }

  private void checkConsecutiveFailures() {
    int failed = 0;
    for (int i = endOrder.size() - 1; i >= 0 && trials.get(endOrder.get(i)).status.equals(Trial.FAILED); i--) {
      failed++;
    }
    if (failed >= maxConsecutiveFailedTrials) {
      throw new IllegalStateException("Number of consecutive failures exceeded the limit of "
          + maxConsecutiveFailedTrials + ".\n" + trials.get(endOrder.get(endOrder.size() - 1)).message);
    }
  }

  /** The best completed trials first, then the others, {@code n} at most (Keras' {@code get_best_trials}). */
  public synchronized List<Trial> getBestTrials(int n) {
    Comparator<Trial> byScore = Comparator.comparingDouble(Trial::score);
    List<Trial> sorted = new ArrayList<>(trials.values().stream().filter(t -> t.status.equals(Trial.COMPLETED))
        .sorted(objective.direction().equals("max") ? byScore.reversed() : byScore).toList());
    if (sorted.size() < n) {
      trials.values().stream().filter(t -> !t.status.equals(Trial.COMPLETED)).forEach(sorted::add);
    }
    return sorted.subList(0, Math.min(n, sorted.size()));
  }

  /** Trials left before max_trials, or null without a limit. */
  public synchronized Integer remainingTrials() {
    return maxTrials == null ? null : maxTrials - trials.size();
  }

  /** Whether trials are running. */
  synchronized boolean hasOngoingTrials() {
    return !ongoingTrials.isEmpty();
  }

  /** Random values for the whole space, new by hash, or null after 20 collisions (Keras' {@code _random_values}). */
  protected Map<String, Object> randomValues() {
    for (int collisions = 0; collisions <= maxCollisions; collisions++) {
      HyperParameters hps = new HyperParameters();
      for (HyperParameter h : hyperparameters.space()) {
        hps.merge(List.of(h), true);
        if (hps.isActive(h)) {
          hps.values().put(h.name(), h.randomSample(seedState));
          seedState++;
        }
      }
      if (!triedSoFar.contains(valuesHash(hps.values()))) {
        return hps.values();
      }
    }
    return null;
  }

  private void recordValues(Trial t) {
    t.hyperparameters.ensureActiveValues();
    String hash = valuesHash(t.hyperparameters.values());
    triedSoFar.add(hash);
    String old = idToHash.put(t.trialId(), hash);
    if (old != null && !old.equals(hash)) {
      triedSoFar.remove(old);
    }
  }

  /** KerasTuner's {@code _compute_values_hash}: sha256 of "k=v" over sorted keys, 32 hex digits. */
  protected String valuesHash(Map<String, Object> values) {
    StringBuilder s = new StringBuilder();
    values.keySet().stream().sorted().forEach(k -> s.append(k).append('=').append(Values.pyStr(values.get(k))));
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** oracle.json's content (Keras' {@code get_state}); subclasses add their own keys. */
  public synchronized Map<String, Object> getState() {
    Map<String, Object> s = new LinkedHashMap<>();
    Map<String, Object> ongoing = new LinkedHashMap<>();
    ongoingTrials.forEach((tuner, t) -> ongoing.put(tuner, t.trialId()));
    s.put("ongoing_trials", ongoing);
    s.put("hyperparameters", hyperparameters.getConfig());
    s.put("start_order", startOrder);
    s.put("end_order", endOrder);
    s.put("run_times", runTimes);
    s.put("retry_queue", retryQueue);
    s.put("seed", seed);
    s.put("seed_state", seedState);
    s.put("tried_so_far", new ArrayList<>(triedSoFar));
    s.put("id_to_hash", idToHash);
    return s;
  }

  /** Restores {@link #getState()}; the trials must be loaded first. */
  @SuppressWarnings("unchecked")
  protected void setState(Map<String, Object> s) {
    ongoingTrials.clear();
    ((Map<String, Object>) s.get("ongoing_trials")).forEach((tuner, id) -> ongoingTrials.put(tuner, trials.get(id)));
    hyperparameters = HyperParameters.fromConfig((Map<String, Object>) s.get("hyperparameters"));
    startOrder = new ArrayList<>((List<String>) s.get("start_order"));
    endOrder = new ArrayList<>((List<String>) s.get("end_order"));
    runTimes = new HashMap<>();
    ((Map<String, Object>) s.get("run_times")).forEach((k, v) -> runTimes.put(k, ((Number) v).intValue()));
    retryQueue = new ArrayList<>((List<String>) s.get("retry_queue"));
    seed = ((Number) s.get("seed")).intValue();
    seedState = ((Number) s.get("seed_state")).intValue();
    triedSoFar = new LinkedHashSet<>((List<String>) s.get("tried_so_far"));
    idToHash = new HashMap<>((Map<String, String>) s.get("id_to_hash"));
  }

  /** Sets the project directory where oracle.json and the trials live. */
  synchronized void projectDir(Path dir) {
    this.projectDir = dir;
  }

  /** Writes oracle.json (Keras' {@code save}). */
  public synchronized void save() {
    if (projectDir != null) {
      Json.save(projectDir.resolve("oracle.json"), getState());
    }
  }

  /** Reads the trials and oracle.json of the project; running trials go to the retry queue (Keras' reload). */
  public synchronized void reload() {
    try (Stream<Path> dirs = Files.list(projectDir)) {
      dirs.filter(d -> d.getFileName().toString().startsWith("trial_") && Files.exists(d.resolve("trial.json")))
          .sorted().map(d -> Trial.load(d.resolve("trial.json"))).forEach(t -> trials.put(t.trialId(), t));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the tuner project " + projectDir, e);
    }
    setState(Json.load(projectDir.resolve("oracle.json")));
    ongoingTrials.values().forEach(t -> retryQueue.add(t.trialId()));
    ongoingTrials.clear();
  }

  void saveTrial(Trial t) {
    if (projectDir != null) {
      t.save(projectDir.resolve("trial_" + t.trialId()).resolve("trial.json"));
    }
  }
}
