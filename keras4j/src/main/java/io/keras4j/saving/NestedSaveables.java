package io.keras4j.saving;

import java.util.Map;

/**
 * A layer whose parts Keras saves under their attribute names below the layer's own path, such as an RNN's cell
 * ({@code layers/lstm/cell/vars/0}) or StackedRNNCells' cells ({@code .../cell/cells/lstm_cell/vars/0}).
 *
 * <p>Keras equivalent: {@code saving_lib}'s walk over a layer's tracked attributes: a layer attribute is saved at
 * {@code <path>/<attribute>}, a list of layers at {@code <path>/<attribute>/<snake_case class name>[_n]}.
 */
public interface NestedSaveables {
  /** The parts by attribute name, in Keras' order: a Layer or a List of layers each. */
  Map<String, Object> nestedSaveables();
}
