package io.keras4j.tuner;

import io.keras4j.tuner.hyperparameters.Fixed;
import io.keras4j.tuner.hyperparameters.HyperParameter;
import io.keras4j.tuner.hyperparameters.HyperParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bayesian optimization: after {@code num_initial_points} random trials, fits a Gaussian process (Matérn 2.5 kernel)
 * to the scores of the completed trials, each trial a point of [0, 1]^d (every non-fixed hyperparameter mapped by
 * its {@code value_to_prob}), and proposes the point minimizing the lower confidence bound {@code mu - beta * sigma}
 * of the score framed as a minimization, searched from 50 random starts.
 *
 * <p>Keras equivalent: {@code keras_tuner.oracles.BayesianOptimizationOracle(objective, max_trials=10,
 * num_initial_points=None, alpha=1e-4, beta=2.6, seed=None)} (keras_tuner/tuners/bayesian.py). Porting note:
 * KerasTuner refines each start with scipy's L-BFGS-B; keras4j uses a bounded compass search (steps halving from 0.1
 * to 1e-3), which needs no gradient. The random starts come from {@link PythonRandom}, not numpy.
 */
public class BayesianOptimizationOracle extends Oracle {
  private static final int NUM_RESTARTS = 50;
  final Integer numInitialPoints;
  final double alpha;
  final double beta;
  private final PythonRandom random;
  private GaussianProcess gp;

  /** An oracle with the given settings; {@code numInitialPoints} null means max(3 * dimensions, 3). */
  public BayesianOptimizationOracle(Settings settings, Integer numInitialPoints, double alpha, double beta) {
    super(settings);
    if (numInitialPoints != null && numInitialPoints < 1) {
      throw new IllegalArgumentException("num_initial_points must be positive. Received: num_initial_points="
          + numInitialPoints);
    }
    this.numInitialPoints = numInitialPoints;
    this.alpha = alpha;
    this.beta = beta;
    this.random = new PythonRandom(seed);
  }

  @Override
  protected Response populateSpace(String trialId) {
    long completed = trials.values().stream().filter(t -> t.status().equals(Trial.COMPLETED)).count();
    int initial = numInitialPoints != null ? numInitialPoints : Math.max(3 * hyperparameters.space().size(), 3);
    if (completed < initial) {
      Map<String, Object> values = randomValues();
      return values == null ? new Response(Trial.STOPPED, null) : Response.running(values);
    }
    List<double[]> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    vectorizeTrials(xs, ys);
    GaussianProcess fitted = new GaussianProcess(alpha);
    fitted.fit(xs.toArray(new double[0][]), ys.stream().mapToDouble(Double::doubleValue).toArray());
    gp = fitted;
    return Response.running(vectorToValues(minimizeAcquisition(nonFixedSpace().size())));
  }

  /** The points and scores (negated when maximizing) of the trials, as KerasTuner's {@code _vectorize_trials}. */
  void vectorizeTrials(List<double[]> xs, List<Double> ys) {
    List<HyperParameter> space = nonFixedSpace();
    for (Trial t : trials.values()) {
      boolean ongoing = ongoingTrials.containsValue(t);
      if (!ongoing && !t.status().equals(Trial.COMPLETED)) {
        continue;
      }
      HyperParameters hps = t.hyperparameters();
      double[] v = new double[space.size()];
      for (int i = 0; i < v.length; i++) {
        HyperParameter h = space.get(i);
        Object value = hps.isActive(h) && hps.values().containsKey(h.name()) ? hps.values().get(h.name())
            : h.defaultValue();
        v[i] = h.valueToProb(value);
      }
      double score;
      if (ongoing) {
        if (gp == null) {
          continue;
        }
        double[] p = gp.predict(v);
        score = p[0] + p[1];
      } else {
        score = objective.direction().equals("max") ? -t.score() : t.score();
      }
      xs.add(v);
      ys.add(Double.isFinite(score) ? score : 0);
    }
  }

  private double acquisition(double[] v) {
    double[] p = gp.predict(v);
    return p[0] - beta * p[1];
  }

  private double[] minimizeAcquisition(int d) {
    double best = Double.POSITIVE_INFINITY;
    double[] bestX = null;
    for (int r = 0; r < NUM_RESTARTS; r++) {
      double[] x0 = new double[d];
      for (int i = 0; i < d; i++) {
        x0[i] = random.random();
      }
      double[] x = compassSearch(x0);
      double f = acquisition(x);
      if (f < best) {
        best = f;
        bestX = x;
      }
    }
    return bestX;
  }

  private double[] compassSearch(double[] start) {
    double[] x = start.clone();
    double fx = acquisition(x);
    for (double step = 0.1; step >= 1e-3; ) {
      boolean moved = false;
      for (int i = 0; i < x.length; i++) {
        for (double sign : new double[] {1, -1}) {
          double[] y = x.clone();
          y[i] = Math.min(1, Math.max(0, y[i] + sign * step));
          double fy = acquisition(y);
          if (fy < fx) {
            x = y;
            fx = fy;
            moved = true;
          }
        }
      }
      if (!moved) {
        step /= 2;
      }
    }
    return x;
  }

  private Map<String, Object> vectorToValues(double[] vector) {
    HyperParameters hps = new HyperParameters();
    int index = 0;
    for (HyperParameter h : hyperparameters.space()) {
      hps.merge(List.of(h), true);
      Object value = h instanceof Fixed f ? f.value() : h.probToValue(Math.min(vector[index++], 1 - 1e-12));
      if (hps.isActive(h)) {
        hps.values().put(h.name(), value);
      } else {
        hps.values().remove(h.name());
      }
    }
    return hps.values();
  }

  private List<HyperParameter> nonFixedSpace() {
    return hyperparameters.space().stream().filter(h -> !(h instanceof Fixed)).toList();
  }

  @Override
  public synchronized Map<String, Object> getState() {
    Map<String, Object> s = super.getState();
    s.put("num_initial_points", numInitialPoints);
    s.put("alpha", alpha);
    s.put("beta", beta);
    return s;
  }
}
