package io.keras4j.saving;

import io.keras4j.backend.Variable;
import java.util.Map;

/**
 * A layer state that Keras saves beside the weights under its own key, such as IntegerLookup's
 * {@code idf_weights} ({@code layers/integer_lookup/vars/idf_weights} in {@code model.weights.h5}).
 *
 * <p>Keras equivalent: a layer's {@code save_own_variables(store)} / {@code load_own_variables(store)} writing
 * {@code store[key]} for a value that is not one of {@code layer.weights}.
 */
public interface OwnVariables {
  /** The variables by their store key; saved and loaded with the weights. */
  Map<String, Variable> ownVariables();
}
