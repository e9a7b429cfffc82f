package io.keras4j.tuner;

import java.util.Map;

/**
 * Proposes values drawn at random from the space, each set new.
 *
 * <p>Keras equivalent: {@code keras_tuner.oracles.RandomSearchOracle} (keras_tuner/tuners/randomsearch.py).
 */
public class RandomSearchOracle extends Oracle {

  /** An oracle with the given settings (max_trials defaults to 10 in {@link RandomSearch}). */
  public RandomSearchOracle(Settings settings) {
    super(settings);
  }

  @Override
  protected Response populateSpace(String trialId) {
    Map<String, Object> values = randomValues();
    return values == null ? new Response(Trial.STOPPED, null) : Response.running(values);
  }
}
