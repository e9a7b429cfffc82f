package io.keras4j.examples;

import io.keras4j.applications.MobileNetV2;
import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.callbacks.History;
import io.keras4j.data.NDArray;
import io.keras4j.layers.BatchNormalization;
import io.keras4j.layers.Dense;
import io.keras4j.layers.GlobalAveragePooling2D;
import io.keras4j.layers.Input;
import io.keras4j.layers.Layer;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.optimizers.Adam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Galaxy morphology by transfer learning, as Keras' guide "Transfer learning &amp; fine-tuning" does it: simulated
 * galaxies ({@link GalaxySimulator}: four classes, PSF and noise; grey images repeated to three channels) classified
 * by a MobileNetV2 convolutional base with a new head ({@link GlobalAveragePooling2D} + {@link Dense} softmax), in
 * three ways:
 * <ol>
 *   <li>{@code frozen}: the base pretrained on nsfwjs' images, frozen ({@code trainable(false)}), only the head
 *   trained;</li>
 *   <li>{@code fine-tuned}: then the top {@link #FINE_TUNE_LAYERS} layers of that base unfrozen (BatchNormalization
 *   layers stay frozen, in inference mode, as the guide advises) and trained on with a 10 times lower learning
 *   rate;</li>
 *   <li>{@code scratch}: the same architecture ({@link MobileNetV2} with {@code weights=null}) trained from random
 *   initial weights.</li>
 * </ol>
 * The pretrained weights are nsfwjs' MobileNetV2 (a TensorFlow.js model, 224 x 224 inputs scaled to [0, 1]); they are
 * copied layer by layer, by Keras' layer names, into a {@link MobileNetV2} base built for the smaller input size,
 * which the convolutional base accepts as it has no dense layer. Each is trained on 100, 300 and 1,000 images and
 * scored on the same held-out images; it writes {@code galaxy_transfer_learning.png} (held-out accuracy against the
 * number of training images) and {@code galaxy_transfer_learning.md} (accuracy and seconds per epoch).
 * Run: {@code mvn -q -pl examples exec:java -Dexec.mainClass=io.keras4j.examples.GalaxyTransferLearning}.
 */
public final class GalaxyTransferLearning {
  /** Where the nsfwjs MobileNetV2 lies, relative to the repository root. */
  public static final Path NSFWJS = Path.of("..", "shared", "data", "pretrained", "nsfwjs-mobilenet_v2");
  static final int FINE_TUNE_LAYERS = 54;
  static final double LEARNING_RATE = 1e-3;
  static final List<String> METHODS = List.of("frozen", "fine-tuned", "scratch");

  private GalaxyTransferLearning() {}

  /** One method's result at one training-set size; {@code secondsPerEpoch} is the fit's wall time over its epochs. */
  public record Result(String method, int nTrain, double accuracy, double secondsPerEpoch, History history) {}

  /**
   * The nsfwjs directory, looked for from the repository root, from a module directory and at /work/shared/data;
   * null when absent.
   */
  public static Path findNsfwjs() {
    for (Path p : List.of(NSFWJS, Path.of("..").resolve(NSFWJS), Path.of("/work/shared/data/pretrained",
        "nsfwjs-mobilenet_v2"))) {
      if (Files.isRegularFile(p.resolve("model.json"))) {
        return p;
      }
    }
    return null;
  }

  /** The MobileNetV2 convolutional base (up to {@code out_relu}) for {@code size} x {@code size} x 3 inputs. */
  static Model base(int size) {
    return new MobileNetV2().inputShape(size, size, 3).includeTop(false).weights((String) null).build();
  }

  /** {@link #base} with the weights of the nsfwjs model in {@code dir}, copied by layer name. */
  static Model pretrainedBase(Path dir, int size) {
    Model base = base(size);
    try (Model nsfwjs = Models.loadModel(dir)) {
      for (Layer layer : base.layers()) {
        if (!layer.getWeights().isEmpty()) {
          layer.setWeights(nsfwjs.getLayer(layer.name()).getWeights());
        }
      }
    }
    return base;
  }

  /** {@code base} with a new head: global average pooling and a softmax over the galaxy classes. */
  static Model classifier(Model base) {
    int size = (int) base.inputs().get(0).shape().get(1);
    KerasTensor in = Input.of(size, size, 3);
    KerasTensor x = new GlobalAveragePooling2D().apply(base.apply(in));
    KerasTensor out = new Dense(GalaxySimulator.CLASSES.size()).activation("softmax").apply(x);
    return new Model(in, out).name("galaxy_" + base.name());
  }

  /** Unfreezes the top {@code n} layers of {@code base}, keeping BatchNormalization frozen. */
  static void unfreezeTop(Model base, int n) {
    List<Layer> layers = base.layers();
    base.trainable(true);
    for (int i = 0; i < layers.size(); i++) {
      if (i < layers.size() - n || layers.get(i) instanceof BatchNormalization) {
        layers.get(i).trainable(false);
      }
    }
  }

  /** Compiles {@code model} with Adam at {@code learningRate}, fits it and scores it on the held-out images. */
  static Result train(String method, Model model, Labelled train, Labelled test, int epochs, double learningRate,
      int verbose) {
    model.compile(new CompileOptions().optimizer(new Adam(learningRate)).loss("sparse_categorical_crossentropy")
        .metrics("accuracy"));
    long start = System.nanoTime();
    History h = model.fit(train.x(), train.y(), new FitOptions().epochs(epochs).batchSize(32).verbose(verbose));
    double seconds = (System.nanoTime() - start) / 1e9 / epochs;
    double accuracy = model.evaluate(test.x(), test.y(), 64).get("accuracy");
    return new Result(method, train.y().length, accuracy, seconds, h);
  }

  /** Images of shape (n, size, size, 3) and their labels. */
  public record Labelled(NDArray x, int[] y) {}

  /** {@code n} simulated galaxies, their grey level repeated in three channels. */
  static Labelled images(GalaxySimulator sim, int n, Random r) {
    GalaxySimulator.Sample s = sim.sample(n, r);
    float[] grey = s.x().toFloatArray();
    float[] rgb = new float[grey.length * 3];
    for (int i = 0; i < grey.length; i++) {
      rgb[3 * i] = grey[i];
      rgb[3 * i + 1] = grey[i];
      rgb[3 * i + 2] = grey[i];
    }
    return new Labelled(NDArray.of(rgb, n, sim.size(), sim.size(), 3), s.labels());
  }

  /**
   * Trains the three methods at each of {@code sizes} training images of {@code size} pixels for {@code epochs}
   * epochs (the fine-tuned one: that many more, after the frozen one), scores them on {@code nTest} images and, when
   * {@code out} is not null, writes the PNG and the markdown table there.
   */
  public static List<Result> run(Path nsfwjs, int size, int[] sizes, int nTest, int epochs, int verbose, Path out)
      throws IOException {
    Backend.setRandomSeed(11);
    GalaxySimulator sim = new GalaxySimulator(size);
    Random r = new Random(11);
    Labelled test = images(sim, nTest, r);
    List<Result> results = new ArrayList<>();
    for (int n : sizes) {
      Labelled train = images(sim, n, r);
      try (Model base = pretrainedBase(nsfwjs, size); Model model = classifier(base)) {
        base.trainable(false);
        results.add(train("frozen", model, train, test, epochs, LEARNING_RATE, verbose));
        unfreezeTop(base, FINE_TUNE_LAYERS);
        results.add(train("fine-tuned", model, train, test, epochs, LEARNING_RATE / 10, verbose));
      }
      try (Model base = base(size); Model model = classifier(base)) {
        results.add(train("scratch", model, train, test, epochs, LEARNING_RATE, verbose));
      }
    }
    if (out != null) {
      Files.createDirectories(out);
      plot(results, sizes, out.resolve("galaxy_transfer_learning.png"));
      writeAtomically(out.resolve("galaxy_transfer_learning.md"), table(results));
    }
    return results;
  }

  /** Held-out accuracy against the number of training images, one line per method. */
  static void plot(List<Result> results, int[] sizes, Path png) throws IOException {
    XYChart c = new XYChartBuilder().width(700).height(450).title("Galaxy morphology: MobileNetV2 transfer learning")
        .xAxisTitle("training images").yAxisTitle("held-out accuracy").build();
    c.getStyler().setXAxisLogarithmic(sizes.length > 1);
    for (String method : METHODS) {
      List<Integer> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (Result res : results) {
        if (res.method().equals(method)) {
          x.add(res.nTrain());
          y.add(res.accuracy());
        }
      }
      c.addSeries(method, x, y);
    }
    BitmapEncoder.saveBitmap(c, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  /** A markdown table: method, training images, held-out accuracy, seconds per epoch. */
  static String table(List<Result> results) {
    StringBuilder sb = new StringBuilder("| method | training images | held-out accuracy | s / epoch |\n"
        + "|---|---:|---:|---:|\n");
    for (Result res : results) {
      sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.2f |%n", res.method(), res.nTrain(), res.accuracy(),
          res.secondsPerEpoch()));
    }
    return sb.toString();
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Arguments: [output directory] [image size, default 96] [epochs, default 5]. */
  public static void main(String[] args) throws Exception {
    Path out = args.length > 0 ? Path.of(args[0]) : Plots.defaultOutput();
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 96;
    int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Path nsfwjs = findNsfwjs();
    if (nsfwjs == null) {
      System.err.println("The nsfwjs MobileNetV2 is absent: expected " + NSFWJS.toAbsolutePath());
      return;
    }
    List<Result> results = run(nsfwjs, size, new int[] {100, 300, 1000}, 400, epochs, 0, out);
    System.out.println(table(results));
    System.out.println("Wrote galaxy_transfer_learning.png and .md to " + out.toAbsolutePath());
  }
}
