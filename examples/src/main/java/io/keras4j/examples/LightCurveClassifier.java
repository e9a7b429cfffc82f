package io.keras4j.examples;

import io.keras4j.backend.Backend;
import io.keras4j.callbacks.History;
import io.keras4j.data.StandardScaler;
import io.keras4j.layers.Dense;
import io.keras4j.metrics.ClassificationReport;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Light-curve classification: a recurrent model (Masking, GRU, softmax; see {@link SequenceModel}) over irregularly
 * sampled two-band (g, r) light curves, time gaps as an input feature and masking for their varying length, trained on
 * {@link LightCurveSimulator}'s ZTF-like light curves of seven classes, next to an MLP on hand-computed features
 * ({@link LightCurveFeatures}); both evaluated on held-out simulated light curves and, when
 * {@code shared/data/ztf/alerce} is found, on the 30 real labelled ZTF supernovae of ALeRCE ({@link AlerceLightCurves}).
 *
 * <p>Run: {@code mvn -q -pl examples exec:java -Dexec.mainClass=io.keras4j.examples.LightCurveClassifier}.
 * Options: {@code --data DIR} (the ALeRCE folder; default: found upwards from the working directory, else simulated
 * only), {@code --train N} light curves per class (600), {@code --test N} per class (150), {@code --max-length N}
 * detections per sequence (64), {@code --epochs N} (30), {@code --sequence-model gru|conv} (gru; conv is a Conv1D
 * model with masked max pooling, for comparison), {@code --out DIR} (examples/output) receives
 * {@code light_curves.png} (example light curves with both models' class probabilities),
 * {@code light_curves_confusion.png} and {@code light_curves_training.png}.
 */
public final class LightCurveClassifier {
  private LightCurveClassifier() {}

  /**
   * Sizes of a run: light curves per class to train and test on, sequence length, epochs, the seed, and which
   * sequence model.
   */
  public record Config(int trainPerClass, int testPerClass, int maxLength, int epochs, long seed,
      SequenceModel.Kind sequenceModel) {
    /** The example's defaults. */
    public static Config defaults() {
      return new Config(600, 150, 64, 30, 42, SequenceModel.DEFAULT);
    }
  }

  /** One model's predictions and scores on one set of light curves. */
  public record Evaluation(String model, ClassificationReport report, double macroF1, float[][] probabilities,
      int[] predicted) {}

  /**
   * The real-data part of a run: the objects kept (their label has a simulated class), the ones excluded (SLSN:
   * the simulator has no such class) with each model's prediction for them, and the count of labelled variables
   * that the data hold features for but no light curves.
   */
  public record RealResult(List<LightCurve> kept, List<LightCurve> excluded, Evaluation sequence, Evaluation mlp,
      int[] excludedSequence, int[] excludedMlp, int variablesWithoutLightCurves) {}

  /** What a run produced; {@code real} is null without the ALeRCE data. */
  public record Result(Evaluation simSequence, Evaluation simMlp, RealResult real, History sequenceHistory,
      History mlpHistory, List<LightCurve> test) {}

  /** Simulates, trains both models, and evaluates them on simulated and (with {@code alerceDir}) real light curves. */
  public static Result run(Config c, Path alerceDir, int verbose) {
    Backend.setRandomSeed(c.seed());
    String[] classes = LightCurveSimulator.CLASSES;
    List<LightCurve> train = cut(new LightCurveSimulator(c.seed()).drawEach(c.trainPerClass()), c.maxLength());
    List<LightCurve> test = cut(new LightCurveSimulator(c.seed() + 1).drawEach(c.testPerClass()), c.maxLength());
    int[] yTrain = LightCurveEncoding.labels(train, classes);
    int[] yTest = LightCurveEncoding.labels(test, classes);

    SequenceModel.Kind kind = c.sequenceModel();
    Model sequence = SequenceModel.build(kind, c.maxLength(), classes.length);
    sequence.compile(new CompileOptions().optimizer(new Adam(3e-3)).loss("sparse_categorical_crossentropy")
        .metrics("accuracy"));
    if (verbose > 0) {
      sequence.summary();
    }
    History hs = sequence.fit(SequenceModel.inputs(kind, train, c.maxLength()), yTrain, new FitOptions().epochs(c.epochs())
        .batchSize(64).validationSplit(0.1).verbose(verbose));

    StandardScaler scaler = new StandardScaler().fit(LightCurveFeatures.of(train));
    Sequential mlp = new Sequential();
    mlp.add(new Dense(64).activation("relu").inputDim(LightCurveFeatures.NAMES.length));
    mlp.add(new Dense(64).activation("relu"));
    mlp.add(new Dense(classes.length).activation("softmax"));
    mlp.compile(new CompileOptions().optimizer(new Adam(1e-3)).loss("sparse_categorical_crossentropy")
        .metrics("accuracy"));
    History hm = mlp.fit(scaler.transform(LightCurveFeatures.of(train)), yTrain, new FitOptions().epochs(c.epochs())
        .batchSize(64).validationSplit(0.1).verbose(verbose));

    Evaluation simSeq = evaluate(kind.title(), sequence.predict(SequenceModel.inputs(kind, test, c.maxLength()))
        .toFloat2D(), yTest, classes, allClasses());
    Evaluation simMlp = evaluate("feature MLP", mlp.predict(scaler.transform(LightCurveFeatures.of(test))).toFloat2D(),
        yTest, classes, allClasses());
    RealResult real = null;
    if (alerceDir != null) {
      List<LightCurve> kept = new ArrayList<>();
      List<LightCurve> excluded = new ArrayList<>();
      for (LightCurve lc : cut(AlerceLightCurves.read(alerceDir), c.maxLength())) {
        String mapped = AlerceLightCurves.simulatedClass(lc.label());
        if (mapped == null) {
          excluded.add(lc);
        } else {
          kept.add(new LightCurve(lc.id(), mapped, lc.t(), lc.band(), lc.mag(), lc.err()));
        }
      }
      int[] yReal = LightCurveEncoding.labels(kept, classes);
      int[] present = java.util.Arrays.stream(yReal).distinct().sorted().toArray();
      Evaluation realSeq = evaluate(kind.title(), sequence.predict(SequenceModel.inputs(kind, kept, c.maxLength()))
          .toFloat2D(), yReal, classes, present);
      Evaluation realMlp = evaluate("feature MLP", mlp.predict(scaler.transform(LightCurveFeatures.of(kept)))
          .toFloat2D(), yReal, classes, present);
      int[] exSeq = excluded.isEmpty() ? new int[0] : argmax(sequence.predict(SequenceModel.inputs(kind, excluded,
          c.maxLength())).toFloat2D());
      int[] exMlp = excluded.isEmpty() ? new int[0] : argmax(mlp.predict(scaler.transform(
          LightCurveFeatures.of(excluded))).toFloat2D());
      real = new RealResult(kept, excluded, realSeq, realMlp, exSeq, exMlp,
          AlerceLightCurves.variablesWithoutLightCurves(alerceDir));
    }
    sequence.close();
    mlp.close();
    return new Result(simSeq, simMlp, real, hs, hm, test);
  }

  /** Each light curve cut to its first {@code maxLength} detections, so that both models see the same data. */
  static List<LightCurve> cut(List<LightCurve> curves, int maxLength) {
    return curves.stream().map(lc -> lc.first(maxLength)).toList();
  }

  static Evaluation evaluate(String model, float[][] p, int[] y, String[] classes, int[] averaged) {
    int[] predicted = argmax(p);
    ClassificationReport r = ClassificationReport.of(y, predicted, classes);
    return new Evaluation(model, r, macroF1(r, averaged), p, predicted);
  }

  /** The mean F1 over the classes {@code averaged} (scikit-learn's macro average over those labels). */
  public static double macroF1(ClassificationReport r, int[] averaged) {
    double sum = 0;
    for (int k : averaged) {
      sum += r.f1(k);
    }
    return averaged.length == 0 ? 0 : sum / averaged.length;
  }

  private static int[] allClasses() {
    return java.util.stream.IntStream.range(0, LightCurveSimulator.CLASSES.length).toArray();
  }

  static int[] argmax(float[][] p) {
    int[] out = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      for (int j = 1; j < p[i].length; j++) {
        out[i] = p[i][j] > p[i][out[i]] ? j : out[i];
      }
    }
    return out;
  }

  /** The report the example prints. */
  public static String describe(Result r) {
    StringBuilder b = new StringBuilder();
    String[] cls = LightCurveSimulator.CLASSES;
    b.append("== Held-out simulated light curves (").append(r.test().size()).append(") ==\n");
    for (Evaluation e : List.of(r.simSequence(), r.simMlp())) {
      b.append(String.format(Locale.US, "-- %s: accuracy %.4f, macro F1 %.4f (7 classes)%n", e.model(),
          e.report().accuracy(), e.macroF1()));
      b.append(e.report());
    }
    RealResult real = r.real();
    if (real == null) {
      b.append("\nNo real data: shared/data/ztf/alerce not found; simulated light curves only.\n");
      return b.toString();
    }
    b.append("\n== Real ZTF light curves (ALeRCE, ").append(real.kept().size()).append(" supernovae kept) ==\n");
    b.append("Macro F1 is averaged over the classes present in the real labels; the other four classes have no real "
        + "light curves.\n");
    for (Evaluation e : List.of(real.sequence(), real.mlp())) {
      b.append(String.format(Locale.US, "-- %s: accuracy %.4f, macro F1 %.4f%n", e.model(), e.report().accuracy(),
          e.macroF1()));
      b.append(e.report());
    }
    b.append(String.format(Locale.US, "%nExcluded %d SLSN (no simulated class); predicted as:%n",
        real.excluded().size()));
    for (int i = 0; i < real.excluded().size(); i++) {
      b.append(String.format(Locale.US, "  %s (%d detections): %s %s, feature MLP %s%n", real.excluded().get(i).id(),
          real.excluded().get(i).size(), r.simSequence().model(), cls[real.excludedSequence()[i]], cls[real.excludedMlp()[i]]));
    }
    b.append(String.format(Locale.US, "The %d labelled variables and AGN of the same data (%s) have features but no "
        + "light curves (the detections file is not in the data), so they are not evaluated.%n",
        real.variablesWithoutLightCurves(), AlerceLightCurves.VARIABLE_LABELS));
    return b.toString();
  }

  public static void main(String[] args) throws Exception {
    Path data = AlerceLightCurves.find();
    Path out = Plots.defaultOutput();
    Config d = Config.defaults();
    int train = d.trainPerClass();
    int test = d.testPerClass();
    int maxLength = d.maxLength();
    int epochs = d.epochs();
    SequenceModel.Kind kind = d.sequenceModel();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--train" -> train = Integer.parseInt(args[++i]);
        case "--test" -> test = Integer.parseInt(args[++i]);
        case "--max-length" -> maxLength = Integer.parseInt(args[++i]);
        case "--epochs" -> epochs = Integer.parseInt(args[++i]);
        case "--sequence-model" -> kind = SequenceModel.Kind.valueOf(args[++i].toUpperCase(Locale.ROOT));
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]
            + ". Options: --data DIR, --train N, --test N, --max-length N, --epochs N, --sequence-model gru|conv, --out DIR");
      }
    }
    System.out.println(data == null ? "No ALeRCE data found: simulated light curves only"
        : "Real light curves from " + data);
    Result r = run(new Config(train, test, maxLength, epochs, d.seed(), kind), data, 2);
    System.out.println();
    System.out.print(describe(r));
    Files.createDirectories(out);
    Path curves = out.resolve("light_curves.png");
    writeExamples(r, curves);
    Path training = out.resolve("light_curves_training.png");
    Plots.trainingCurves(r.sequenceHistory(), r.simSequence().model(), training);
    Path confusion = out.resolve("light_curves_confusion.png");
    List<ClassificationReport> reports = new ArrayList<>(List.of(r.simSequence().report(), r.simMlp().report()));
    String name = r.simSequence().model();
    List<String> titles = new ArrayList<>(List.of("simulated: " + name, "simulated: feature MLP"));
    if (r.real() != null) {
      reports.addAll(List.of(r.real().sequence().report(), r.real().mlp().report()));
      titles.addAll(List.of("real ZTF SNe: " + name, "real ZTF SNe: feature MLP"));
    }
    LightCurvePlots.confusionMatrices(reports, titles, LightCurveSimulator.CLASSES, confusion);
    System.out.println("Wrote " + curves.toAbsolutePath() + ", " + training.toAbsolutePath() + " and "
        + confusion.toAbsolutePath());
  }

  /** One held-out simulated light curve of each class and (with real data) up to three real ones, with probabilities. */
  static void writeExamples(Result r, Path png) throws java.io.IOException {
    List<LightCurve> shown = new ArrayList<>();
    List<float[]> pSeq = new ArrayList<>();
    List<float[]> pMlp = new ArrayList<>();
    for (int c = 0; c < LightCurveSimulator.CLASSES.length; c++) {
      for (int i = 0; i < r.test().size(); i++) {
        if (r.test().get(i).label().equals(LightCurveSimulator.CLASSES[c]) && r.test().get(i).size() >= 15) {
          shown.add(r.test().get(i));
          pSeq.add(r.simSequence().probabilities()[i]);
          pMlp.add(r.simMlp().probabilities()[i]);
          break;
        }
      }
    }
    if (r.real() != null) {
      for (int i = 0; i < Math.min(3, r.real().kept().size()); i++) {
        shown.add(r.real().kept().get(i));
        pSeq.add(r.real().sequence().probabilities()[i]);
        pMlp.add(r.real().mlp().probabilities()[i]);
      }
    }
    LightCurvePlots.lightCurves(shown, LightCurveSimulator.CLASSES, new String[] {r.simSequence().model(), "feature MLP"},
        new float[][][] {pSeq.toArray(new float[0][]), pMlp.toArray(new float[0][])}, png);
  }
}
