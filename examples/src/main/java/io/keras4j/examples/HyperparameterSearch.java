package io.keras4j.examples;

import io.keras4j.backend.Backend;
import io.keras4j.data.Csv;
import io.keras4j.data.Split;
import io.keras4j.data.StandardScaler;
import io.keras4j.data.Table;
import io.keras4j.layers.Dense;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import io.keras4j.tuner.BayesianOptimization;
import io.keras4j.tuner.GridSearch;
import io.keras4j.tuner.HyperModel;
import io.keras4j.tuner.Hyperband;
import io.keras4j.tuner.RandomSearch;
import io.keras4j.tuner.Trial;
import io.keras4j.tuner.Tuner;
import io.keras4j.tuner.hyperparameters.HyperParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Random versus grid search (Bergstra and Bengio 2012), with Hyperband and Bayesian optimization, on the star/quasar
 * network: two hyperparameters matter (the learning rate and the width), three barely do (Adam's beta_2 and epsilon,
 * the kernel initializer). For each tuner, the best validation accuracy against the number of trials.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java -Dexec.mainClass=io.keras4j.examples.HyperparameterSearch} (simulated
 * colours, or the SDSS table of ../shared/data/sdss when present; {@code --data FILE} picks another). Options:
 * {@code --trials N} (default 20), {@code --epochs N} (default 9, also Hyperband's max_epochs), {@code --out DIR}
 * (default {@code examples/output}) receives {@code hyperparameter_search.png} and {@code hyperparameter_search.md}.
 *
 * <p>Keras equivalent: {@code keras_tuner.RandomSearch}, {@code GridSearch}, {@code Hyperband} and
 * {@code BayesianOptimization} on the same {@code build_model(hp)}.
 */
public final class HyperparameterSearch {
  static final Path SDSS = Path.of("..", "shared", "data", "sdss", "skyserver_dr14_10k.csv");

  private HyperparameterSearch() {}

  /** One tuner's best validation accuracy after 1, 2, ... trials, and the epochs its trials trained. */
  public record Curve(String tuner, double[] bestSoFar, int epochsTrained) {}

  /** The settings of a comparison. */
  public record Settings(int trials, int epochs, long seed, Path projects) {}

  /** The star/quasar MLP with two important and three unimportant hyperparameters, in the order code reads them. */
  static HyperModel hypermodel(int classes) {
    return hp -> {
      int units = hp.Int("units", 2, 64, 2, "log");
      String init = hp.Choice("kernel_initializer", "glorot_uniform", "he_uniform", "glorot_normal");
      double lr = hp.Float("learning_rate", 1e-4, 1e-1, 10.0, "log");
      double beta2 = hp.Choice("beta_2", 0.999, 0.99, 0.9999);
      double epsilon = hp.Float("epsilon", 1e-8, 1e-6, 10.0, "log");
      Sequential m = new Sequential();
      m.add(new Dense(units).activation("relu").kernelInitializer(init).inputDim(4));
      m.add(new Dense(units).activation("relu").kernelInitializer(init));
      m.add(new Dense(classes).activation("softmax"));
      m.compile(new CompileOptions().optimizer(new Adam(lr).beta2(beta2).epsilon(epsilon))
          .loss("sparse_categorical_crossentropy").metrics("accuracy"));
      return m;
    };
  }

  /** Runs the four searches on 75% of (x, y), validating on the rest. */
  public static List<Curve> run(float[][] x, int[] y, int classes, Settings s) {
    Backend.setRandomSeed(s.seed());
    int[][] parts = Split.indices(x.length, 0.75, 0.0, s.seed());
    StandardScaler scaler = new StandardScaler().fit(Split.rows(x, parts[0]));
    float[][] xTrain = scaler.transform(Split.rows(x, parts[0]));
    float[][] xVal = scaler.transform(Split.rows(x, parts[2]));
    int[] yTrain = Split.rows(y, parts[0]);
    int[] yVal = Split.rows(y, parts[2]);
    FitOptions fit = new FitOptions().epochs(s.epochs()).batchSize(64).validationData(xVal, yVal).verbose(0);
    HyperModel hm = hypermodel(classes);
    int seed = (int) s.seed();
    List<Curve> curves = new ArrayList<>();
    curves.add(search("random", new RandomSearch(hm, "val_accuracy").maxTrials(s.trials()).seed(seed), s, xTrain,
        yTrain, fit));
    curves.add(search("grid", new GridSearch(hm, "val_accuracy").maxTrials(s.trials()).seed(seed), s, xTrain,
        yTrain, fit));
    curves.add(search("Hyperband", new Hyperband(hm, "val_accuracy").maxEpochs(s.epochs()).factor(3).seed(seed), s,
        xTrain, yTrain, fit));
    curves.add(search("Bayesian", new BayesianOptimization(hm, "val_accuracy").maxTrials(s.trials())
        .numInitialPoints(Math.max(2, s.trials() / 4)).seed(seed), s, xTrain, yTrain, fit));
    return curves;
  }

  private static <T extends Tuner<T>> Curve search(String name, Tuner<T> tuner, Settings s, float[][] x, int[] y,
      FitOptions fit) {
    tuner.directory(s.projects()).projectName(name).overwrite(true);
    tuner.search(x, y, fit);
    List<Trial> trials = new ArrayList<>(tuner.oracle().trials().values());
    double[] best = new double[trials.size()];
    int epochs = 0;
    for (int i = 0; i < best.length; i++) {
      Trial t = trials.get(i);
      double score = t.score() == null ? 0 : t.score();
      best[i] = Math.max(score, i == 0 ? 0 : best[i - 1]);
      Map<String, Object> v = t.hyperparameters().values();
      epochs += v.containsKey("tuner/epochs")
          ? ((Number) v.get("tuner/epochs")).intValue() - ((Number) v.get("tuner/initial_epoch")).intValue()
          : s.epochs();
    }
    return new Curve(name, best, epochs);
  }

  /** The markdown table: the best validation accuracy after each number of trials, one column per tuner. */
  public static String table(List<Curve> curves) {
    StringBuilder s = new StringBuilder("| trials |");
    StringBuilder rule = new StringBuilder("|---:|");
    int rows = 0;
    for (Curve c : curves) {
      s.append(' ').append(c.tuner()).append(" |");
      rule.append("---:|");
      rows = Math.max(rows, c.bestSoFar().length);
    }
    s.append('\n').append(rule).append('\n');
    for (int r = 0; r < rows; r++) {
      s.append("| ").append(r + 1).append(" |");
      for (Curve c : curves) {
        s.append(r < c.bestSoFar().length ? String.format(Locale.ROOT, " %.4f |", c.bestSoFar()[r]) : " |");
      }
      s.append('\n');
    }
    s.append("| epochs trained |");
    curves.forEach(c -> s.append(' ').append(c.epochsTrained()).append(" |"));
    return s.append('\n').toString();
  }

  /** Best validation accuracy against trials, one line per tuner. */
  public static void plot(List<Curve> curves, Path png) throws IOException {
    XYChart chart = new XYChartBuilder().width(700).height(450).title("Hyperparameter search: star/quasar MLP")
        .xAxisTitle("trials").yAxisTitle("best val_accuracy").build();
    for (Curve c : curves) {
      double[] trials = new double[c.bestSoFar().length];
      for (int i = 0; i < trials.length; i++) {
        trials[i] = i + 1;
      }
      chart.addSeries(c.tuner(), trials, c.bestSoFar());
    }
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  public static void main(String[] args) throws Exception {
    Path data = Files.exists(SDSS) ? SDSS : null;
    Path out = Plots.defaultOutput();
    int trials = 20;
    int epochs = 9;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--trials" -> trials = Integer.parseInt(args[++i]);
        case "--epochs" -> epochs = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]
            + ". Options: --data FILE, --trials N, --epochs N, --out DIR");
      }
    }
    float[][] x;
    int[] y;
    int classes;
    if (data != null) {
      Table t = Csv.read(data);
      String[] names = StarQuasar.classes(t);
      x = StarQuasar.colours(t);
      y = StarQuasar.labels(t, names);
      classes = names.length;
      System.out.println("Read " + x.length + " objects from " + data);
    } else {
      x = new float[4000][];
      y = new int[4000];
      ColourSimulator.draw(4000, 7, x, y);
      classes = ColourSimulator.CLASSES.length;
      System.out.println("Simulated 4000 objects (see ColourSimulator)");
    }
    Files.createDirectories(out);
    List<Curve> curves = run(x, y, classes, new Settings(trials, epochs, 42, out.resolve("hyperparameter_search")));
    String table = table(curves);
    System.out.print(table);
    Files.writeString(out.resolve("hyperparameter_search.md"), table);
    plot(curves, out.resolve("hyperparameter_search.png"));
    System.out.println("Wrote " + out.resolve("hyperparameter_search.png").toAbsolutePath());
  }
}
