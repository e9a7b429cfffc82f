package io.keras4j.examples;

import io.keras4j.adversarial.KerasClassifier;
import io.keras4j.adversarial.Utils;
import io.keras4j.backend.Backend;
import io.keras4j.data.NDArray;
import io.keras4j.data.StandardScaler;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Adversarial attacks and defences, as in the lecture's demo: a CNN telling empty sky from point and extended
 * sources on simulated 16x16 images, and the star/quasar/galaxy MLP on simulated SDSS colours
 * ({@link ColourSimulator}); accuracy at no / low / medium / high attack strength for FGSM and PGD, without and
 * with each defence ({@link RobustnessTable}), as markdown tables, and a PNG of clean, perturbed and difference
 * images.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java -Dexec.mainClass=io.keras4j.examples.AdversarialRobustness}
 * (options {@code --train N}, {@code --test N}, {@code --epochs N}, {@code --out DIR}, default
 * {@code examples/output}, which receives {@code adversarial_images.png} and {@code adversarial_robustness.md}).
 */
public final class AdversarialRobustness {
  static final int SIZE = 16;
  static final String[] SHAPES = {"sky", "point", "extended"};

  private AdversarialRobustness() {}

  /** Both tables. */
  public record Result(List<RobustnessTable.Row> images, List<RobustnessTable.Row> colours, String markdown) {}

  /**
   * {@code n} images in [0, 1] of class i % 3: sky (level 0.2, noise 0.05), plus a point source (Gaussian, sigma
   * 0.8 px) or an extended one (sigma 2.5 px) of peak 0.4 to 0.7 at a random position.
   */
  static NDArray shapes(int n, long seed, int[] labels) {
    Random r = new Random(seed);
    float[] v = new float[n * SIZE * SIZE];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      double cx = 4 + 8 * r.nextDouble();
      double cy = 4 + 8 * r.nextDouble();
      double sigma = labels[i] == 1 ? 0.8 : 2.5;
      double peak = labels[i] == 0 ? 0 : 0.4 + 0.3 * r.nextDouble();
      for (int y = 0; y < SIZE; y++) {
        for (int x = 0; x < SIZE; x++) {
          double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
          double value = 0.2 + 0.05 * r.nextGaussian() + peak * Math.exp(-d2 / (2 * sigma * sigma));
          v[(i * SIZE + y) * SIZE + x] = (float) Math.max(0, Math.min(1, value));
        }
      }
    }
    return NDArray.of(v, n, SIZE, SIZE, 1);
  }

  static Sequential cnn() {
    Sequential m = new Sequential();
    m.add(new Conv2D(8, 3).activation("relu").padding("same").inputShape(SIZE, SIZE, 1));
    m.add(new MaxPooling2D(2));
    m.add(new Conv2D(16, 3).activation("relu").padding("same"));
    m.add(new MaxPooling2D(2));
    m.add(new Flatten());
    m.add(new Dense(32).activation("relu"));
    m.add(new Dense(3).activation("softmax"));
    m.compile(new Adam(3e-3), "categorical_crossentropy", "accuracy");
    return m;
  }

  static Sequential mlp() {
    Sequential m = new Sequential();
    m.add(new Dense(64).activation("relu").inputDim(4));
    m.add(new Dense(64).activation("relu"));
    m.add(new Dense(3).activation("softmax"));
    m.compile(new Adam(3e-3), "categorical_crossentropy", "accuracy");
    return m;
  }

  /** The image table; writes the PNG of clean, PGD (medium) and difference images when {@code out} is set. */
  public static List<RobustnessTable.Row> images(int nTrain, int nTest, int epochs, Path out) throws Exception {
    Backend.setRandomSeed(21);
    int[] yTrain = new int[nTrain];
    int[] yTest = new int[nTest];
    NDArray xTrain = shapes(nTrain, 1, yTrain);
    NDArray xTest = shapes(nTest, 2, yTest);
    double[] eps = {0.02, 0.05, 0.1};
    List<RobustnessTable.Row> rows = RobustnessTable.compute(new RobustnessTable.Setup(
        AdversarialRobustness::cnn, xTrain, Utils.toCategorical(yTrain, 3), xTest, Utils.toCategorical(yTest, 3),
        new float[] {0, 1}, eps, 0.05, 4, true, epochs));
    if (out != null) {
      panels(xTrain, Utils.toCategorical(yTrain, 3), xTest, Utils.toCategorical(yTest, 3), eps[1], epochs,
          out.resolve("adversarial_images.png"));
    }
    return rows;
  }

  /** Clean, perturbed (PGD, medium) and difference images of three test images, with the predicted classes. */
  static void panels(NDArray xTrain, float[][] yTrain, NDArray xTest, float[][] yTest, double eps, int epochs,
      Path png) throws Exception {
    try (Sequential m = cnn(); KerasClassifier c = new KerasClassifier(m).clipValues(0, 1)) {
      c.fit(xTrain, yTrain, RobustnessTable.BATCH, epochs);
      NDArray x = Utils.rows(xTest, 0, 3);
      NDArray adv = RobustnessTable.attack("PGD", c, eps).generate(x, Arrays.copyOfRange(yTest, 0, 3));
      int[] before = Utils.argmax(c.predict(x));
      int[] after = Utils.argmax(c.predict(adv));
      List<float[][]> images = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      float[] a = x.toFloatArray();
      float[] b = adv.toFloatArray();
      for (int i = 0; i < 3; i++) {
        float[][] clean = new float[SIZE][SIZE];
        float[][] perturbed = new float[SIZE][SIZE];
        float[][] diff = new float[SIZE][SIZE];
        for (int k = 0; k < SIZE * SIZE; k++) {
          clean[k / SIZE][k % SIZE] = a[i * SIZE * SIZE + k];
          perturbed[k / SIZE][k % SIZE] = b[i * SIZE * SIZE + k];
          diff[k / SIZE][k % SIZE] = b[i * SIZE * SIZE + k] - a[i * SIZE * SIZE + k];
        }
        images.addAll(List.of(clean, perturbed, diff));
        labels.addAll(List.of("clean: " + SHAPES[before[i]], "PGD: " + SHAPES[after[i]], "diff (red +, blue -)"));
      }
      Files.createDirectories(png.getParent());
      draw(images, labels, String.format("PGD, L-inf eps = %.2f (pixels 0-1)", eps), eps, png);
    }
  }

  /**
   * Images in rows of three (clean, perturbed: grey from 0 to 1; difference: red for positive, blue for negative,
   * full colour at +-eps), each labelled below, scaled 8 times.
   */
  static void draw(List<float[][]> images, List<String> labels, String title, double eps, Path png)
      throws java.io.IOException {
    int scale = 8;
    int cell = SIZE * scale;
    int gap = 10;
    int rowHeight = cell + 22;
    int rows = images.size() / 3;
    BufferedImage out = new BufferedImage(3 * (cell + gap) + gap, 30 + rows * rowHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString(title, gap, 18);
    for (int k = 0; k < images.size(); k++) {
      int ox = gap + (k % 3) * (cell + gap);
      int oy = 30 + (k / 3) * rowHeight;
      float[][] img = images.get(k);
      for (int y = 0; y < SIZE; y++) {
        for (int x = 0; x < SIZE; x++) {
          g.setColor(k % 3 == 2 ? diverging(img[y][x] / eps) : grey(img[y][x]));
          g.fillRect(ox + x * scale, oy + y * scale, scale, scale);
        }
      }
      g.setColor(Color.BLACK);
      g.drawString(labels.get(k), ox, oy + cell + 15);
    }
    g.dispose();
    ImageIO.write(out, "png", png.toFile());
  }

  private static Color grey(double v) {
    int c = (int) Math.round(255 * Math.max(0, Math.min(1, v)));
    return new Color(c, c, c);
  }

  private static Color diverging(double v) {
    int fade = (int) Math.round(255 * (1 - Math.min(1, Math.abs(v))));
    return v >= 0 ? new Color(255, fade, fade) : new Color(fade, fade, 255);
  }

  /** The colour table: MLP on standardized simulated colours (eps in standard deviations). */
  public static List<RobustnessTable.Row> colours(int nTrain, int nTest, int epochs) {
    Backend.setRandomSeed(22);
    float[][] x = new float[nTrain + nTest][];
    int[] y = new int[nTrain + nTest];
    ColourSimulator.draw(nTrain + nTest, 7, x, y);
    float[][] train = Arrays.copyOfRange(x, 0, nTrain);
    StandardScaler scaler = new StandardScaler().fit(train);
    float[][] xTrain = scaler.transform(train);
    float[][] xTest = scaler.transform(Arrays.copyOfRange(x, nTrain, nTrain + nTest));
    float[] clip = {Float.MAX_VALUE, -Float.MAX_VALUE};
    for (float[] row : xTrain) {
      for (float v : row) {
        clip[0] = Math.min(clip[0], v);
        clip[1] = Math.max(clip[1], v);
      }
    }
    return RobustnessTable.compute(new RobustnessTable.Setup(AdversarialRobustness::mlp, NDArray.of((Object) xTrain),
        Utils.toCategorical(Arrays.copyOfRange(y, 0, nTrain), 3), NDArray.of((Object) xTest),
        Utils.toCategorical(Arrays.copyOfRange(y, nTrain, nTrain + nTest), 3), clip, new double[] {0.1, 0.3, 0.6},
        0.1, 6, false, epochs));
  }

  /** Both experiments and their markdown. */
  public static Result run(int nTrain, int nTest, int epochs, Path out) throws Exception {
    List<RobustnessTable.Row> img = images(nTrain, nTest, epochs, out);
    List<RobustnessTable.Row> col = colours(2 * nTrain, nTest, epochs);
    String md = RobustnessTable.markdown("CNN, source shapes", img) + "\n"
        + RobustnessTable.markdown("MLP, star/quasar/galaxy colours", col);
    if (out != null) {
      Files.createDirectories(out);
      Files.writeString(out.resolve("adversarial_robustness.md"), md);
    }
    return new Result(img, col, md);
  }

  public static void main(String[] args) throws Exception {
    int nTrain = 1500;
    int nTest = 300;
    int epochs = 8;
    Path out = Plots.defaultOutput();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--train" -> nTrain = Integer.parseInt(args[++i]);
        case "--test" -> nTest = Integer.parseInt(args[++i]);
        case "--epochs" -> epochs = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]
            + ". Options: --train N, --test N, --epochs N, --out DIR");
      }
    }
    long t0 = System.nanoTime();
    Result r = run(nTrain, nTest, epochs, out);
    System.out.println(r.markdown());
    System.out.printf("%.0f s; wrote %s and adversarial_images.png%n", (System.nanoTime() - t0) / 1e9,
        out.toAbsolutePath().resolve("adversarial_robustness.md"));
  }
}
