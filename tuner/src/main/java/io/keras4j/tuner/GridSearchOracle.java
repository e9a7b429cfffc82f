package io.keras4j.tuner;

import io.keras4j.tuner.hyperparameters.HyperParameter;
import io.keras4j.tuner.hyperparameters.HyperParameters;
import io.keras4j.tuner.hyperparameters.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks through every combination of the values of the space, as an odometer: the first trial takes the defaults,
 * each next trial bumps the last hyperparameter that can still move (conditional children before their parents)
 * and resets those after it. Each hyperparameter's values are its default first, then the others in order.
 *
 * <p>Keras equivalent: {@code keras_tuner.oracles.GridSearchOracle} (keras_tuner/tuners/gridsearch.py).
 */
public class GridSearchOracle extends Oracle {
  private final List<String> orderedIds = new ArrayList<>();
  private final List<String> populateNext = new ArrayList<>();

  /** An oracle with the given settings; without max_trials it stops when the grid is exhausted. */
  public GridSearchOracle(Settings settings) {
    super(settings);
  }

  @Override
  protected Response populateSpace(String trialId) {
    Map<String, Object> values = null;
    if (startOrder.isEmpty()) {
      orderedIds.add(trialId);
      HyperParameters hps = getSpace();
      values = new LinkedHashMap<>();
      for (HyperParameter h : hps.space()) {
        if (hps.isActive(h)) {
          values.put(h.name(), h.defaultValue());
        }
      }
      populateNext.add(trialId);
    }
    while (!populateNext.isEmpty() && values == null) {
      String oldId = populateNext.remove(0);
      Map<String, Object> next = nextCombination(trials.get(oldId).hyperparameters().values());
      if (next == null) {
        continue;
      }
      int pos = orderedIds.indexOf(oldId);
      if (pos + 1 < orderedIds.size()
          && compare(next, trials.get(orderedIds.get(pos + 1)).hyperparameters().values()) >= 0) {
        continue;
      }
      orderedIds.add(pos + 1, trialId);
      values = next;
    }
    if (values != null) {
      return Response.running(values);
    }
    return new Response(hasOngoingTrials() ? Trial.IDLE : Trial.STOPPED, null);
  }

  private static List<Object> ordered(HyperParameter h) {
    List<Object> list = new ArrayList<>(h.values());
    list.removeIf(v -> Values.same(v, h.defaultValue()));
    list.add(0, h.defaultValue());
    return list;
  }

  private static int indexOf(List<Object> list, Object v) {
    for (int i = 0; i < list.size(); i++) {
      if (Values.same(list.get(i), v)) {
        return i;
      }
    }
    return -1;
  }

  private int compare(Map<String, Object> a, Map<String, Object> b) {
    for (HyperParameter h : hyperparameters.space()) {
      if (!a.containsKey(h.name()) || Values.same(a.get(h.name()), b.get(h.name()))) {
        continue;
      }
      List<Object> list = ordered(h);
      return indexOf(list, a.get(h.name())) < indexOf(list, b.get(h.name())) ? -1 : 1;
    }
    return 0;
  }

  private Map<String, Object> nextCombination(Map<String, Object> values) {
    HyperParameters hps = getSpace();
    hps.values(values);
    List<HyperParameter> space = hps.space();
    for (int i = space.size() - 1; i >= 0; i--) {
      HyperParameter h = space.get(i);
      if (hps.isActive(h)) {
        List<Object> list = ordered(h);
        int index = indexOf(list, hps.values().get(h.name()));
        if (index != list.size() - 1) {
          hps.values().put(h.name(), list.get(index + 1));
          hps.ensureActiveValues();
          return hps.values();
        }
      }
      hps.values().put(h.name(), h.defaultValue());
    }
    return null;
  }

  @Override
  public synchronized void endTrial(Trial trial) {
    super.endTrial(trial);
    populateNext.add(trial.trialId());
  }

  @Override
  public synchronized Map<String, Object> getState() {
    Map<String, Object> s = super.getState();
    s.put("ordered_ids", new ArrayList<>(orderedIds));
    s.put("populate_next", new ArrayList<>(populateNext));
    return s;
  }

  @Override
  @SuppressWarnings("unchecked")
  protected void setState(Map<String, Object> s) {
    super.setState(s);
    orderedIds.clear();
    orderedIds.addAll((List<String>) s.getOrDefault("ordered_ids", List.of()));
    populateNext.clear();
    populateNext.addAll((List<String>) s.getOrDefault("populate_next", List.of()));
  }
}
