package io.keras4j.tuner;

import io.keras4j.callbacks.Callback;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.tuner.hyperparameters.HyperParameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A hyperparameter search: an {@link Oracle} proposes values, the tuner builds and trains the hypermodel with them
 * and reports the objective back, keeping each trial's values, metrics and best checkpoint in the project directory
 * {@code directory/project_name}; a search started again in the same directory resumes where it stopped.
 *
 * <pre>{@code
 * RandomSearch tuner = new RandomSearch(hypermodel, "val_accuracy").maxTrials(10).seed(1)
 *     .directory("my_dir").projectName("helloworld");
 * tuner.search(x, y, new FitOptions().epochs(5).validationData(xVal, yVal));
 * Model best = tuner.getBestModels(1).get(0);
 * }</pre>
 *
 * <p>Keras equivalent: {@code keras_tuner.Tuner} and its base {@code BaseTuner} (keras_tuner/engine/tuner.py,
 * base_tuner.py), keyword arguments {@code executions_per_trial=1}, {@code directory=None} ("."),
 * {@code project_name=None} ("untitled_project"), {@code overwrite=False}. Porting note: {@link #parallelTrials} runs
 * trials on several threads in one process, where KerasTuner runs one process per worker with a chief oracle.
 *
 * @param <T> the concrete tuner, returned by the fluent setters
 */
public abstract class Tuner<T extends Tuner<T>> {
  final HyperModel hypermodel;
  final Oracle.Settings settings = new Oracle.Settings();
  private int executionsPerTrial = 1;
  private Path directory = Path.of(".");
  private String projectName = "untitled_project";
  private boolean overwrite;
  private int parallelTrials = 1;
  private Oracle oracle;
  private long searchStart;

  /** A tuner of {@code hypermodel} optimizing {@code objective}: a metric name or an {@link Objective}. */
  protected Tuner(HyperModel hypermodel, Object objective) {
    this.hypermodel = hypermodel;
    settings.objective = objective;
  }

  /** The oracle for the settings; each tuner makes its own. */
  protected abstract Oracle createOracle(Oracle.Settings settings);

  @SuppressWarnings("unchecked")
  T self() {
    return (T) this;
  }

  /** Refuses a setting once the oracle exists. */
  void checkOpen() {
    if (oracle != null) {
      throw new IllegalStateException("The tuner's settings are fixed once its oracle exists (after search, "
          + "resultsSummary or oracle()). Set them before.");
    }
  }

  /** Sets the random seed (Keras' {@code seed=}). Default: drawn in [1, 10000]. */
  public T seed(int seed) {
    checkOpen();
    settings.seed = seed;
    return self();
  }

  /** Sets a space declared in advance, overriding the hypermodel's (Keras' {@code hyperparameters=}). Default none. */
  public T hyperparameters(HyperParameters hp) {
    checkOpen();
    settings.hyperparameters = hp;
    return self();
  }

  /** Sets whether hyperparameters the hypermodel adds are tuned (Keras' {@code tune_new_entries=}). Default true. */
  public T tuneNewEntries(boolean tune) {
    checkOpen();
    settings.tuneNewEntries = tune;
    return self();
  }

  /** Sets whether the hypermodel may add hyperparameters (Keras' {@code allow_new_entries=}). Default true. */
  public T allowNewEntries(boolean allow) {
    checkOpen();
    settings.allowNewEntries = allow;
    return self();
  }

  /** Sets how often a crashed trial is retried (Keras' {@code max_retries_per_trial=}). Default 0. */
  public T maxRetriesPerTrial(int retries) {
    checkOpen();
    if (retries < 0) {
      throw new IllegalArgumentException("max_retries_per_trial must be >= 0. Received: " + retries);
    }
    settings.maxRetriesPerTrial = retries;
    return self();
  }

  /** Sets after how many failed trials in a row the search stops (Keras' {@code max_consecutive_failed_trials=}). Default 3. */
  public T maxConsecutiveFailedTrials(int n) {
    checkOpen();
    if (n < 1) {
      throw new IllegalArgumentException("max_consecutive_failed_trials must be >= 1. Received: " + n);
    }
    settings.maxConsecutiveFailedTrials = n;
    return self();
  }

  /** Sets how many models each trial trains, their metrics averaged (Keras' {@code executions_per_trial=}). Default 1. */
  public T executionsPerTrial(int n) {
    checkOpen();
    if (n < 1) {
      throw new IllegalArgumentException("executions_per_trial must be >= 1. Received: executions_per_trial=" + n);
    }
    executionsPerTrial = n;
    return self();
  }

  /** Sets the folder of the project folder (Keras' {@code directory=}). Default ".". */
  public T directory(Path dir) {
    checkOpen();
    directory = dir;
    return self();
  }

  /** Sets the folder of the project folder (Keras' {@code directory=}). Default ".". */
  public T directory(String dir) {
    checkOpen();
    return directory(Path.of(dir));
  }

  /** Sets the project's folder name (Keras' {@code project_name=}). Default "untitled_project". */
  public T projectName(String name) {
    checkOpen();
    projectName = name;
    return self();
  }

  /** Sets whether an existing project is deleted rather than resumed (Keras' {@code overwrite=}). Default false. */
  public T overwrite(boolean overwrite) {
    checkOpen();
    this.overwrite = overwrite;
    return self();
  }

  /** Sets how many trials run at once, on as many threads. Default 1. */
  public T parallelTrials(int n) {
    checkOpen();
    if (n < 1) {
      throw new IllegalArgumentException("parallelTrials must be >= 1. Received: " + n);
    }
    parallelTrials = n;
    return self();
  }

  /** {@code directory/project_name}. */
  public Path projectDir() {
    return directory.resolve(projectName);
  }

  /** {@code project_dir/trial_<id>}. */
  public Path getTrialDir(String trialId) {
    return projectDir().resolve("trial_" + trialId);
  }

  /** The trial's best weights, {@code trial_<id>/checkpoint.weights.h5}. */
  public Path checkpointPath(String trialId) {
    return getTrialDir(trialId).resolve("checkpoint.weights.h5");
  }

  /** The oracle, made (and the project reloaded or created) on first use. */
  public synchronized Oracle oracle() {
    if (oracle == null) {
      Oracle o = createOracle(settings);
      ProjectFiles.open(projectDir(), overwrite, o);
      oracle = o;
      if (o.trials.isEmpty() && hypermodel != null) {
        populateInitialSpace();
      }
    }
    return oracle;
  }

  /** Trials left, or null without a limit (Keras' {@code remaining_trials}). */
  public Integer remainingTrials() {
    return oracle().remainingTrials();
  }

  private void populateInitialSpace() {
    HyperParameters hp = oracle.getSpace();
    hypermodel.declareHyperparameters(hp);
    oracle.updateSpace(hp);
    TunerUtils.activateAllConditions(oracle, this::declare);
  }

  private void declare(HyperParameters hp) {
    try (Model m = hypermodel.build(hp)) {
      // built only to declare its hyperparameters
    }
  }

  /**
   * Runs the search: trials until the oracle stops, each trained with {@code x}, {@code y} and a copy of {@code fit}
   * (Keras' {@code search(x, y, **fit_kwargs)}).
   */
  public void search(Object x, Object y, FitOptions fit) {
    Oracle o = oracle();
    searchStart = System.nanoTime();
    FitOptions options = fit == null ? new FitOptions() : fit;
    if (parallelTrials == 1) {
      work("tuner0", x, y, options);
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(parallelTrials);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < parallelTrials; i++) {
        String id = "tuner" + i;
        workers.add(pool.submit(() -> work(id, x, y, options)));
      }
      for (Future<?> w : workers) {
        TunerUtils.await(w);
      }
    } finally {
      pool.shutdownNow();
    }
    o.save();
  }

  private void work(String tunerId, Object x, Object y, FitOptions fit) {
    while (true) {
      Trial trial = oracle.createTrial(tunerId);
      if (trial.status().equals(Trial.STOPPED)) {
        return;
      }
      if (trial.status().equals(Trial.IDLE)) {
        TunerUtils.pause();
        continue;
      }
      tryRunAndUpdateTrial(trial, x, y, fit);
      oracle.endTrial(trial);
      if (fit.verbose() > 0) {
        System.out.print(Display.trialEnd(trial, oracle, searchStart));
      }
    }
  }

  private void tryRunAndUpdateTrial(Trial trial, Object x, Object y, FitOptions fit) {
    try {
      Object results = runTrial(trial, x, y, fit);
      oracle.updateTrial(trial.trialId(), TunerUtils.toMetrics(results, oracle.objective()),
          TunerUtils.bestStep(results, oracle.objective()));
      trial.status(Trial.COMPLETED);
    } catch (FatalError e) {
      throw e;
    } catch (RuntimeException e) {
      trial.status(Trial.INVALID);
      trial.message = e.toString();
      System.err.println("Trial " + trial.trialId() + " failed: " + e);
    }
  }

  /**
   * Trains the trial's model {@code executions_per_trial} times, checkpointing its best epoch, and returns the
   * histories (Keras' {@code run_trial}). Override to run a trial another way; return a number, a map of metrics,
   * a History or a list of them.
   */
  protected Object runTrial(Trial trial, Object x, Object y, FitOptions fit) {
    SaveBestEpoch checkpoint = new SaveBestEpoch(oracle.objective(), checkpointPath(trial.trialId()));
    List<Object> histories = new ArrayList<>();
    for (int execution = 0; execution < executionsPerTrial; execution++) {
      List<Callback> callbacks = fit.callbackList();
      callbacks.add(checkpoint);
      FitOptions options = fit.copy().callbacks(callbacks.toArray(new Callback[0]));
      try (Model model = buildHypermodel(trial.hyperparameters())) {
        histories.add(hypermodel.fit(trial.hyperparameters(), model, x, y, options));
      }
    }
    return histories;
  }

  /** Builds the hypermodel for {@code hp} (Hyperband also loads the previous round's weights). */
  protected Model buildHypermodel(HyperParameters hp) {
    return hypermodel.build(hp);
  }

  /** The model of a trial with its best checkpoint loaded (Keras' {@code load_model}). */
  public Model loadModel(Trial trial) {
    Model m = buildHypermodel(trial.hyperparameters());
    m.loadWeights(checkpointPath(trial.trialId()));
    return m;
  }

  /** The best {@code n} models, best first, with their best weights; the caller closes them. */
  public List<Model> getBestModels(int n) {
    return oracle().getBestTrials(n).stream().map(this::loadModel).toList();
  }

  /** The values of the best {@code n} trials, best first (Keras' {@code get_best_hyperparameters}). */
  public List<HyperParameters> getBestHyperparameters(int n) {
    return oracle().getBestTrials(n).stream().map(Trial::hyperparameters).toList();
  }

  /** Prints and returns the best {@code n} trials as KerasTuner's {@code results_summary(num_trials=10)} does. */
  public String resultsSummary(int n) {
    String s = Display.resultsSummary(this, n);
    System.out.print(s);
    return s;
  }

  /** {@link #resultsSummary(int)} of the best 10. */
  public String resultsSummary() {
    return resultsSummary(10);
  }

  /** Prints and returns the search space as KerasTuner's {@code search_space_summary()} does. */
  public String searchSpaceSummary() {
    String s = Display.searchSpaceSummary(oracle().getSpace());
    System.out.print(s);
    return s;
  }
}
