package io.keras4j.tuner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyperband (Li et al. 2018): brackets of successive halving. Bracket {@code b} (from {@code s_max} down to 0) starts
 * {@code ceil(ceil(1 + log_factor(max_epochs)) / (b + 1) * factor^b)} random trials for
 * {@code ceil(max_epochs / factor^b)} epochs; each next round keeps the best {@code 1/factor} of them and trains them
 * {@code factor} times longer, from the checkpoint of the previous round ({@code tuner/trial_id},
 * {@code tuner/initial_epoch}).
 *
 * <p>Keras equivalent: {@code keras_tuner.oracles.HyperbandOracle} (keras_tuner/tuners/hyperband.py): values
 * {@code tuner/epochs}, {@code tuner/initial_epoch}, {@code tuner/bracket}, {@code tuner/round} and, after the first
 * round, {@code tuner/trial_id}.
 */
public class HyperbandOracle extends Oracle {
  final int maxEpochs;
  final int minEpochs = 1;
  final int factor;
  int hyperbandIterations;
  int currentIteration;
  int currentBracket;
  List<Map<String, Object>> brackets = new ArrayList<>();

  /** An oracle for {@code maxEpochs} epochs at most per model, reduced by {@code factor} between rounds. */
  public HyperbandOracle(Settings settings, int maxEpochs, int factor, int hyperbandIterations) {
    super(settings);
    if (factor < 2) {
      throw new IllegalArgumentException("factor needs to be a int larger than 1. Received: factor=" + factor);
    }
    if (maxEpochs < 1) {
      throw new IllegalArgumentException("max_epochs must be >= 1. Received: max_epochs=" + maxEpochs);
    }
    this.maxEpochs = maxEpochs;
    this.factor = factor;
    this.hyperbandIterations = hyperbandIterations < 1 ? Integer.MAX_VALUE : hyperbandIterations;
    this.currentBracket = numBrackets() - 1;
    startNewBracket();
  }

  /** The number of brackets: how often max_epochs divides by factor before falling under 1, plus one. */
  public int numBrackets() {
    double epochs = maxEpochs;
    int n = 0;
    while (epochs >= minEpochs) {
      epochs = epochs / factor;
      n++;
    }
    return n;
  }

  /** The number of trials of round {@code round} of bracket {@code bracket} (KerasTuner's {@code _get_size}). */
  public int size(int bracket, int round) {
    double bracket0EndSize = Math.ceil(1 + Math.log(maxEpochs) / Math.log(factor));
    double bracketEndSize = bracket0EndSize / (bracket + 1);
    return (int) Math.ceil(bracketEndSize * Math.pow(factor, bracket - round));
  }

  /** The epochs a trial of round {@code round} of bracket {@code bracket} reaches (KerasTuner's _get_epochs). */
  public int epochs(int bracket, int round) {
    return (int) Math.ceil(maxEpochs / Math.pow(factor, bracket - round));
  }

  @Override
  @SuppressWarnings("unchecked")
  protected Response populateSpace(String trialId) {
    brackets.removeIf(b -> {
      List<List<Object>> rounds = (List<List<Object>>) b.get("rounds");
      int last = rounds.size() - 1;
      return rounds.get(last).size() == size(num(b), last);
    });
    for (Map<String, Object> bracket : brackets) {
      int b = num(bracket);
      List<List<Object>> rounds = (List<List<Object>>) bracket.get("rounds");
      if (rounds.get(0).size() < size(b, 0)) {
        return randomTrial(trialId, bracket);
      }
      for (int r = 1; r < rounds.size(); r++) {
        Response next = promote(trialId, b, r, rounds);
        if (next != null) {
          return next;
        }
      }
    }
    if (currentBracket == 0 && currentIteration + 1 == hyperbandIterations) {
      return new Response(hasOngoingTrials() ? Trial.IDLE : Trial.STOPPED, null);
    }
    currentBracket--;
    if (currentBracket < 0) {
      currentBracket = numBrackets() - 1;
      currentIteration++;
    }
    startNewBracket();
    return randomTrial(trialId, brackets.get(brackets.size() - 1));
  }

  @SuppressWarnings("unchecked")
  private Response promote(String trialId, int b, int r, List<List<Object>> rounds) {
    List<Object> round = rounds.get(r);
    List<String> selected = round.stream().map(o -> (String) ((Map<String, Object>) o).get("past_id")).toList();
    Comparator<Trial> byScore = Comparator.comparingDouble(Trial::score);
    List<Trial> candidates = rounds.get(r - 1).stream().map(o -> (String) ((Map<String, Object>) o).get("id"))
        .filter(id -> !selected.contains(id)).map(trials::get).filter(t -> t.status().equals(Trial.COMPLETED))
        .sorted(objective.direction().equals("max") ? byScore.reversed() : byScore).toList();
    if (candidates.size() <= size(b, r - 1) - size(b, r)) {
      return null;
    }
    Trial best = candidates.get(0);
    Map<String, Object> values = new LinkedHashMap<>(best.hyperparameters().values());
    values.put("tuner/trial_id", best.trialId());
    values.put("tuner/epochs", epochs(b, r));
    values.put("tuner/initial_epoch", epochs(b, r - 1));
    values.put("tuner/bracket", currentBracket);
    values.put("tuner/round", r);
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("past_id", best.trialId());
    info.put("id", trialId);
    round.add(info);
    return Response.running(values);
  }

  @SuppressWarnings("unchecked")
  private Response randomTrial(String trialId, Map<String, Object> bracket) {
    Map<String, Object> values = randomValues();
    if (values == null) {
      return new Response(hasOngoingTrials() ? Trial.IDLE : Trial.STOPPED, null);
    }
    values.put("tuner/epochs", epochs(num(bracket), 0));
    values.put("tuner/initial_epoch", 0);
    values.put("tuner/bracket", currentBracket);
    values.put("tuner/round", 0);
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("past_id", null);
    info.put("id", trialId);
    ((List<List<Object>>) bracket.get("rounds")).get(0).add(info);
    return Response.running(values);
  }

  private void startNewBracket() {
    List<List<Object>> rounds = new ArrayList<>();
    for (int i = 0; i <= currentBracket; i++) {
      rounds.add(new ArrayList<>());
    }
    Map<String, Object> bracket = new LinkedHashMap<>();
    bracket.put("bracket_num", currentBracket);
    bracket.put("rounds", rounds);
    brackets.add(bracket);
  }

  private static int num(Map<String, Object> bracket) {
    return ((Number) bracket.get("bracket_num")).intValue();
  }

  /** The hash leaves out the schedule's values, so a continued trial is not a collision. */
  @Override
  protected String valuesHash(Map<String, Object> values) {
    Map<String, Object> v = new LinkedHashMap<>(values);
    v.keySet().removeIf(k -> k.equals("tuner/epochs") || k.equals("tuner/initial_epoch")
        || k.equals("tuner/bracket") || k.equals("tuner/round"));
    return super.valuesHash(v);
  }

  @Override
  public synchronized Map<String, Object> getState() {
    Map<String, Object> s = super.getState();
    s.put("hyperband_iterations", hyperbandIterations);
    s.put("max_epochs", maxEpochs);
    s.put("min_epochs", minEpochs);
    s.put("factor", factor);
    s.put("brackets", brackets);
    s.put("current_bracket", currentBracket);
    s.put("current_iteration", currentIteration);
    return s;
  }

  @Override
  @SuppressWarnings("unchecked")
  protected void setState(Map<String, Object> s) {
    super.setState(s);
    hyperbandIterations = ((Number) s.get("hyperband_iterations")).intValue();
    brackets = new ArrayList<>((List<Map<String, Object>>) s.get("brackets"));
    currentBracket = ((Number) s.get("current_bracket")).intValue();
    currentIteration = ((Number) s.get("current_iteration")).intValue();
  }
}
