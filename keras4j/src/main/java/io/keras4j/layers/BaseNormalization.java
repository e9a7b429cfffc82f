package io.keras4j.layers;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Variable;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.initializers.Ones;
import io.keras4j.initializers.Zeros;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The keyword arguments BatchNormalization, LayerNormalization and GroupNormalization share: {@code epsilon},
 * {@code center}, {@code scale} and the initializer, regularizer and constraint of beta and gamma.
 *
 * <p>Keras equivalent: those arguments of {@code keras.layers.BatchNormalization} and friends, with the same
 * defaults (epsilon 1e-3, center and scale true, beta "zeros", gamma "ones"). Porting note: Keras repeats them in each
 * class; here they live once, self-typed so that each setter returns the concrete layer.
 *
 * @param <T> the concrete normalization layer
 */
public abstract class BaseNormalization<T extends BaseNormalization<T>> extends BaseLayer<T> {
  {
    supportsMasking(true); // Keras: self.supports_masking = True
  }

  private double epsilon = 1e-3;
  private boolean center = true;
  private boolean scale = true;
  private Initializer betaInitializer = new Zeros();
  private Initializer gammaInitializer = new Ones();
  private Regularizer betaRegularizer;
  private Regularizer gammaRegularizer;
  private Constraint betaConstraint;
  private Constraint gammaConstraint;

  /** Sets the small value added to the variance, >= 0 (Keras' {@code epsilon=}). Default 1e-3. */
  public T epsilon(double epsilon) {
    checkNotBuilt("epsilon");
    if (!(epsilon >= 0)) {
      throw new IllegalArgumentException("Layer '" + name() + "': epsilon must be >= 0. Received: epsilon="
          + epsilon);
    }
    this.epsilon = epsilon;
    return self();
  }

  /** Sets whether the offset beta is added (Keras' {@code center=}). Default true. */
  public T center(boolean center) {
    checkNotBuilt("center");
    this.center = center;
    return self();
  }

  /** Sets whether the factor gamma multiplies (Keras' {@code scale=}). Default true. */
  public T scale(boolean scale) {
    checkNotBuilt("scale");
    this.scale = scale;
    return self();
  }

  /** Sets beta's initializer (Keras' {@code beta_initializer=}). Default {@code Zeros}. */
  public T betaInitializer(Initializer initializer) {
    checkNotBuilt("beta_initializer");
    this.betaInitializer = require(initializer, "beta_initializer");
    return self();
  }

  /** Sets beta's initializer by name. Default "zeros". */
  public T betaInitializer(String initializer) {
    return betaInitializer(Initializers.get(initializer));
  }

  /** Sets gamma's initializer (Keras' {@code gamma_initializer=}). Default {@code Ones}. */
  public T gammaInitializer(Initializer initializer) {
    checkNotBuilt("gamma_initializer");
    this.gammaInitializer = require(initializer, "gamma_initializer");
    return self();
  }

  /** Sets gamma's initializer by name. Default "ones". */
  public T gammaInitializer(String initializer) {
    return gammaInitializer(Initializers.get(initializer));
  }

  /** Sets beta's regularizer (Keras' {@code beta_regularizer=}); null for none. Default none. */
  public T betaRegularizer(Regularizer regularizer) {
    checkNotBuilt("beta_regularizer");
    this.betaRegularizer = regularizer;
    return self();
  }

  /** Sets beta's regularizer by name ("l1", "l2", "l1_l2"). Default none. */
  public T betaRegularizer(String regularizer) {
    return betaRegularizer(Regularizer.get(regularizer));
  }

  /** Sets gamma's regularizer (Keras' {@code gamma_regularizer=}); null for none. Default none. */
  public T gammaRegularizer(Regularizer regularizer) {
    checkNotBuilt("gamma_regularizer");
    this.gammaRegularizer = regularizer;
    return self();
  }

  /** Sets gamma's regularizer by name ("l1", "l2", "l1_l2"). Default none. */
  public T gammaRegularizer(String regularizer) {
    return gammaRegularizer(Regularizer.get(regularizer));
  }

  /** Sets beta's constraint (Keras' {@code beta_constraint=}); null for none. Default none. */
  public T betaConstraint(Constraint constraint) {
    checkNotBuilt("beta_constraint");
    this.betaConstraint = constraint;
    return self();
  }

  /** Sets beta's constraint by name ("non_neg", "max_norm", ...). Default none. */
  public T betaConstraint(String constraint) {
    return betaConstraint(Constraint.get(constraint));
  }

  /** Sets gamma's constraint (Keras' {@code gamma_constraint=}); null for none. Default none. */
  public T gammaConstraint(Constraint constraint) {
    checkNotBuilt("gamma_constraint");
    this.gammaConstraint = constraint;
    return self();
  }

  /** Sets gamma's constraint by name ("non_neg", "max_norm", ...). Default none. */
  public T gammaConstraint(String constraint) {
    return gammaConstraint(Constraint.get(constraint));
  }

  /** The variance epsilon. */
  public double epsilon() {
    return epsilon;
  }

  /** Whether beta is added. */
  public boolean center() {
    return center;
  }

  /** Whether gamma multiplies. */
  public boolean scale() {
    return scale;
  }

  /** Creates the trainable gamma of {@code shape} with its initializer, regularizer and constraint. */
  protected Variable addGamma(Shape shape) {
    return addWeight("gamma", shape, gammaInitializer, gammaRegularizer, gammaConstraint, true);
  }

  /** Creates the trainable beta of {@code shape} with its initializer, regularizer and constraint. */
  protected Variable addBeta(Shape shape) {
    return addWeight("beta", shape, betaInitializer, betaRegularizer, betaConstraint, true);
  }

  /** Writes {@code epsilon}, {@code center}, {@code scale} into {@code c}. */
  protected void putEpsilonCenterScale(Map<String, Object> c) {
    c.put("epsilon", epsilon);
    c.put("center", center);
    c.put("scale", scale);
  }

  /** Writes the beta and gamma initializers into {@code c}. */
  protected void putInitializers(Map<String, Object> c) {
    c.put("beta_initializer", ser(betaInitializer));
    c.put("gamma_initializer", ser(gammaInitializer));
  }

  /** Writes the beta and gamma regularizers and constraints into {@code c}. */
  protected void putRegularizersAndConstraints(Map<String, Object> c) {
    c.put("beta_regularizer", ser(betaRegularizer));
    c.put("gamma_regularizer", ser(gammaRegularizer));
    c.put("beta_constraint", ser(betaConstraint));
    c.put("gamma_constraint", ser(gammaConstraint));
  }

  /** Reads the shared keys of {@code c} into {@code layer}, Keras' defaults where absent. */
  protected static <L extends BaseNormalization<L>> L readShared(L layer, Config c) {
    layer.epsilon(c.number("epsilon", 1e-3)).center(c.bool("center", true)).scale(c.bool("scale", true))
        .betaRegularizer(Regularizer.get(c.get("beta_regularizer")))
        .gammaRegularizer(Regularizer.get(c.get("gamma_regularizer")))
        .betaConstraint(Constraint.get(c.get("beta_constraint")))
        .gammaConstraint(Constraint.get(c.get("gamma_constraint")));
    if (c.has("beta_initializer")) {
      layer.betaInitializer(Initializers.get(c.get("beta_initializer")));
    }
    if (c.has("gamma_initializer")) {
      layer.gammaInitializer(Initializers.get(c.get("gamma_initializer")));
    }
    return layer;
  }

  /** The single axis of {@code key} in {@code c} (an integer or a one-element list), or {@code fallback}. */
  protected static int singleAxis(Config c, String key, int fallback) {
    int[] a = c.ints(key, new int[] {fallback});
    if (a.length != 1) {
      throw new IllegalArgumentException(c.className() + ": only a single normalisation axis is supported. "
          + "Received: " + key + "=" + c.get(key));
    }
    return a[0];
  }
}
