package io.keras4j.examples;

import io.keras4j.backend.Backend;
import io.keras4j.callbacks.History;
import io.keras4j.data.Csv;
import io.keras4j.data.Split;
import io.keras4j.data.StandardScaler;
import io.keras4j.data.Table;
import io.keras4j.layers.Dense;
import io.keras4j.metrics.ClassificationReport;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import io.keras4j.plot.ConfusionMatrixDisplay;
import io.keras4j.plot.Figure;
import io.keras4j.plot.RocCurve;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Star/quasar (and galaxy) classification from SDSS colours with a small MLP.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java -Dexec.mainClass=io.keras4j.examples.StarQuasar} (simulated
 * colours), or add {@code -Dexec.args="--data ../shared/data/sdss/skyserver_dr14_10k.csv"} for a real SDSS table
 * with columns u,g,r,i,z,class. Options: {@code --classes STAR,QSO} keeps those classes only; {@code --out DIR}
 * (default {@code examples/output}) receives {@code star_quasar_curves.png} and the test set's ROC curves and
 * confusion matrix, {@code star_quasar_roc.png} and {@code star_quasar_confusion.png}.
 */
public final class StarQuasar {
  private StarQuasar() {}

  /**
   * What a run produced; {@code yTest} are the test set's labels, {@code testProbabilities} the MLP's softmax output
   * for them and {@code classes} the class names.
   */
  public record Result(double accuracy, double baselineAccuracy, ClassificationReport report, History history,
      int[] yTest, float[][] testProbabilities, String[] classes) {}

  /** Colours u-g, g-r, r-i, i-z of a table with columns u,g,r,i,z. */
  public static float[][] colours(Table t) {
    float[][] m = t.columns("u", "g", "r", "i", "z");
    float[][] c = new float[m.length][4];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < 4; j++) {
        c[i][j] = m[i][j] - m[i][j + 1];
      }
    }
    return c;
  }

  /** Trains on 75% of (x, y) and reports on the held-out 25%; also trains a logistic regression baseline. */
  public static Result run(float[][] x, int[] y, String[] classes, int epochs, long seed, int verbose) {
    Backend.setRandomSeed(seed);
    int[][] parts = Split.indices(x.length, 0.75, 0.0, seed);
    StandardScaler scaler = new StandardScaler().fit(Split.rows(x, parts[0]));
    float[][] xTrain = scaler.transform(Split.rows(x, parts[0]));
    float[][] xTest = scaler.transform(Split.rows(x, parts[2]));
    int[] yTrain = Split.rows(y, parts[0]);
    int[] yTest = Split.rows(y, parts[2]);

    Sequential model = new Sequential();
    model.add(new Dense(64).activation("relu").inputDim(4));
    model.add(new Dense(64).activation("relu"));
    model.add(new Dense(classes.length).activation("softmax"));
    model.compile(new CompileOptions().optimizer(new Adam(1e-3)).loss("sparse_categorical_crossentropy")
        .metrics("accuracy"));
    if (verbose > 0) {
      model.summary();
    }
    History history = model.fit(xTrain, yTrain, new FitOptions().epochs(epochs).batchSize(64).validationSplit(0.1)
        .verbose(verbose));
    float[][] probabilities = model.predict(xTest).toFloat2D();
    int[] predicted = argmax(probabilities);
    ClassificationReport report = ClassificationReport.of(yTest, predicted, classes);
    model.close();

    Sequential logistic = new Sequential();
    logistic.add(new Dense(classes.length).activation("softmax").inputDim(4));
    logistic.compile(new CompileOptions().optimizer(new Adam(1e-2)).loss("sparse_categorical_crossentropy"));
    logistic.fit(xTrain, yTrain, new FitOptions().epochs(epochs).batchSize(64).verbose(0));
    double baseline = ClassificationReport.of(yTest, argmax(logistic.predict(xTest).toFloat2D()), classes).accuracy();
    logistic.close();
    return new Result(report.accuracy(), baseline, report, history, yTest, probabilities, classes.clone());
  }

  /**
   * The test set's ROC curves ({@code star_quasar_roc.png}: the positive class's curve for two classes, one against
   * the rest for more) and confusion matrix ({@code star_quasar_confusion.png}) in {@code out}; returns the files.
   */
  public static List<Path> testSetPlots(Result r, Path out) throws IOException {
    List<RocCurve> curves;
    if (r.classes().length == 2) {
      curves = List.of(RocCurve.of(r.yTest(), column(r.testProbabilities(), 1)).name(r.classes()[1]));
    } else {
      curves = RocCurve.oneVsRest(r.yTest(), r.testProbabilities());
      for (int k = 0; k < curves.size(); k++) {
        curves.get(k).name(r.classes()[k] + " vs rest");
      }
    }
    Path roc = out.resolve("star_quasar_roc.png");
    Figure.of(RocCurve.panel("Star/quasar MLP: ROC on the test set", curves)).savefig(roc);
    Path cm = out.resolve("star_quasar_confusion.png");
    Figure.of(ConfusionMatrixDisplay.fromPredictions(r.yTest(), argmax(r.testProbabilities()))
        .displayLabels(r.classes()).title("Star/quasar MLP: test set").panel()).savefig(cm);
    return List.of(roc, cm);
  }

  private static float[] column(float[][] p, int j) {
    float[] out = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = p[i][j];
    }
    return out;
  }

  static int[] argmax(float[][] p) {
    int[] out = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      for (int j = 1; j < p[i].length; j++) {
        if (p[i][j] > p[i][out[i]]) {
          out[i] = j;
        }
      }
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    Path data = null;
    Path out = Plots.defaultOutput();
    List<String> keep = null;
    int epochs = 30;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--classes" -> keep = Arrays.asList(args[++i].split(","));
        case "--epochs" -> epochs = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]
            + ". Options: --data FILE, --classes A,B, --epochs N, --out DIR");
      }
    }
    float[][] x;
    int[] y;
    String[] classes;
    if (data != null) {
      Table t = Csv.read(data);
      if (keep != null) {
        t = t.where("class", keep.toArray(new String[0]));
      }
      classes = Arrays.stream(t.strings("class")).distinct().sorted().toArray(String[]::new);
      x = colours(t);
      String[] cls = t.strings("class");
      y = new int[cls.length];
      for (int i = 0; i < cls.length; i++) {
        y[i] = Arrays.asList(classes).indexOf(cls[i]);
      }
      System.out.println("Read " + x.length + " objects from " + data + ": classes " + Arrays.toString(classes));
    } else {
      x = new float[10000][];
      y = new int[10000];
      ColourSimulator.draw(10000, 7, x, y);
      classes = ColourSimulator.CLASSES;
      System.out.println("Simulated 10000 objects (see ColourSimulator for the colour model)");
    }
    Result r = run(x, y, classes, epochs, 42, 2);
    System.out.println();
    System.out.println(r.report());
    System.out.printf("Test accuracy: %.4f (logistic regression baseline: %.4f)%n", r.accuracy(), r.baselineAccuracy());
    Files.createDirectories(out);
    Path png = out.resolve("star_quasar_curves.png");
    Plots.trainingCurves(r.history(), "Star/quasar MLP", png);
    System.out.println("Wrote " + png.toAbsolutePath());
    for (Path p : testSetPlots(r, out)) {
      System.out.println("Wrote " + p.toAbsolutePath());
    }
  }

  /** The distinct values of the table's {@code class} column, sorted: the class names, index = label. */
  public static String[] classes(Table t) {
    return Arrays.stream(t.strings("class")).distinct().sorted().toArray(String[]::new);
  }

  /** The index in {@code classes} of each row's {@code class}. */
  public static int[] labels(Table t, String[] classes) {
    String[] cls = t.strings("class");
    int[] y = new int[cls.length];
    for (int i = 0; i < cls.length; i++) {
      y[i] = Arrays.asList(classes).indexOf(cls[i]);
    }
    return y;
  }
}
