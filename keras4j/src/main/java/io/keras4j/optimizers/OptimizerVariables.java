package io.keras4j.optimizers;

import io.keras4j.backend.Variable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of one optimizer in Keras' order, with Keras' paths: its own ({@code <name>/<suffix>}) and the
 * slots of each variable it was built for ({@code <name>/<variable path with _>_<slot>}).
 *
 * <p>Keras equivalent: {@code BaseOptimizer._variables} with {@code add_variable},
 * {@code add_variable_from_reference} and the bookkeeping of {@code build} ({@code _trainable_variables}).
 */
final class OptimizerVariables {
  private final Map<Variable, String> own = new IdentityHashMap<>();
  private final List<Variable> all = new ArrayList<>();
  private final Map<Variable, Map<String, Variable>> slots = new IdentityHashMap<>();
  private final List<Variable> built = new ArrayList<>();
  /** False under a LossScaleOptimizer, whose build tracks nothing created outside {@code add_variable}. */
  boolean tracksPlainVariables = true;

  /** Adds an optimizer-wide variable named {@code <optimizer>/<suffix>}. */
  Variable own(String optimizer, Variable v, String suffix) {
    v.path(optimizer + "/" + suffix);
    own.put(v, suffix);
    all.add(v);
    return v;
  }

  /** Renames the optimizer-wide variables after the optimizer's new name. */
  void rename(String optimizer) {
    own.forEach((v, suffix) -> v.path(optimizer + "/" + suffix));
  }

  Variable addSlot(String optimizer, Variable reference, String slotName, Variable slot, String suffix) {
    slot.path(optimizer + "/" + suffix);
    slots.computeIfAbsent(reference, k -> new LinkedHashMap<>()).put(slotName, slot);
    all.add(slot);
    return slot;
  }

  Variable slot(Variable var, String slotName) {
    return slots.get(var).get(slotName);
  }

  /** Slot {@code slotName} of {@code var}, or null where {@code var} has none. */
  Variable slotOrNull(Variable var, String slotName) {
    Map<String, Variable> s = slots.get(var);
    return s == null ? null : s.get(slotName);
  }

  boolean isBuilt() {
    return !slots.isEmpty();
  }

  /** Records the variables of {@code vars} not built yet, in order, and returns them. */
  List<Variable> register(List<Variable> vars) {
    List<Variable> fresh = vars.stream().filter(v -> !slots.containsKey(v)).distinct().toList();
    for (Variable v : fresh) {
      slots.put(v, new LinkedHashMap<>());
      built.add(v);
    }
    return fresh;
  }

  /** The variables the optimizer was built for, in order (Keras' {@code _trainable_variables}). */
  List<Variable> built() {
    return built;
  }

  /** Every variable in Keras' order. */
  List<Variable> all() {
    return all;
  }
}
