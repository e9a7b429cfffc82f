package io.keras4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.callbacks.History;
import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/tools.md: the Java snippets of its plots section compile and run, writing the files they name, and every
 * keras4j class and static method its Java (tables and code, all sections but the tuner's) names exists.
 */
class ToolsDocTest {
  static final Path DOC = Path.of("..", "docs", "tools.md");
  static final List<String> PACKAGES = List.of("io.keras4j.plot", "io.keras4j.callbacks", "io.keras4j.models",
      "io.keras4j.layers", "io.keras4j.backend", "java.lang", "java.util", "java.nio.file");

  private static String section(String doc, String heading) {
    int start = doc.indexOf("\n## " + heading);
    assertTrue(start >= 0, "docs/tools.md has no section " + heading);
    int end = doc.indexOf("\n## ", start + 1);
    return doc.substring(start, end < 0 ? doc.length() : end);
  }

  private static List<String> javaBlocks(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void plotSnippetsCompileRunAndWriteTheirFiles(@TempDir Path dir) throws Exception {
    String plots = section(Files.readString(DOC), "Plots");
    List<String> snippets = javaBlocks(plots);
    assertEquals(4, snippets.size(), "Java snippets in the plots section");
    StringBuilder body = new StringBuilder();
    Set<String> files = new LinkedHashSet<>();
    for (String s : snippets) {
      Matcher m = Pattern.compile("Path\\.of\\(\"([^\"]+)\"\\)").matcher(s);
      while (m.find()) {
        files.add(m.group(1));
      }
      // each snippet in its own block; file names resolve in the temporary directory
      body.append("{\n").append(s.replace("Path.of(", "out(")).append("}\n");
    }
    String source = "package snippets;\n"
        + "import io.keras4j.plot.*;\nimport io.keras4j.callbacks.History;\nimport java.nio.file.Path;\n"
        + "import java.util.*;\n"
        + "public class PlotSnippets {\n  static Path dir;\n"
        + "  static Path out(String name) { return dir.resolve(name); }\n"
        + "  public static void run(Path d, int[] yTest, float[] scores, int[] yClasses, float[][] probabilities,"
        + " History history, float[][][] images) throws Exception {\n    dir = d;\n" + body + "  }\n}\n";
    Path src = dir.resolve("src/snippets/PlotSnippets.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "a JDK is needed to compile the doc's snippets");
    int rc = javac.run(null, null, null, "-classpath", classpath(), "-d", classes.toString(), src.toString());
    assertEquals(0, rc, "the snippets of docs/tools.md do not compile:\n" + source);

    Path outDir = Files.createDirectories(dir.resolve("out"));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ToolsDocTest.class.getClassLoader())) {
      Method run = loader.loadClass("snippets.PlotSnippets").getMethod("run", Path.class, int[].class,
          float[].class, int[].class, float[][].class, History.class, float[][][].class);
      Inputs in = new Inputs(7);
      run.invoke(null, outDir, in.yTest, in.scores, in.yClasses, in.probabilities, in.history, in.images);
    }
    assertEquals(Set.of("curves.png", "confusion.png", "ovr.svg", "curves_per_epoch.png", "images.png",
        "scores.png"), files);
    for (String f : files) {
      Path p = outDir.resolve(f);
      assertTrue(Files.exists(p), "the snippet should have written " + f);
      if (f.endsWith(".png")) {
        BufferedImage im = ImageIO.read(p.toFile());
        assertTrue(im.getWidth() >= 300 && im.getHeight() >= 200, f + " is " + im.getWidth() + "x" + im.getHeight());
        assertTrue(Golden.distinctColours(im) > 20, f + " looks blank");
      } else {
        assertTrue(Files.readString(p).contains("<svg"), f);
      }
    }
  }

  /** The test classpath, expanded from surefire's manifest-only jar when it uses one. */
  private static String classpath() throws Exception {
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      entries.add(e);
      if (e.endsWith(".jar")) {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(e)) {
          String cp = jar.getManifest() == null ? null
              : jar.getManifest().getMainAttributes().getValue("Class-Path");
          if (cp != null) {
            for (String u : cp.trim().split("\\s+")) {
              entries.add(Path.of(new URL(new URL("file:" + e), u).toURI()).toString());
            }
          }
        }
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** What the snippets assume: a binary and a three-class test set, a History and 28 x 28 images. */
  static final class Inputs {
    final int[] yTest = new int[300];
    final float[] scores = new float[300];
    final int[] yClasses = new int[300];
    final float[][] probabilities = new float[300][3];
    final History history = new History();
    final float[][][] images = new float[12][28][28];

    Inputs(long seed) {
      Random r = new Random(seed);
      for (int i = 0; i < 300; i++) {
        yTest[i] = r.nextInt(2);
        scores[i] = (float) (1 / (1 + Math.exp(-(2 * yTest[i] - 1 + r.nextGaussian()))));
        yClasses[i] = r.nextInt(3);
        double[] logits = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
        logits[yClasses[i]] += 2;
        double z = Arrays.stream(logits).map(Math::exp).sum();
        for (int k = 0; k < 3; k++) {
          probabilities[i][k] = (float) (Math.exp(logits[k]) / z);
        }
      }
      for (int e = 0; e < 5; e++) {
        history.onEpochEnd(e, Map.of("loss", 1.0 / (e + 1), "accuracy", 0.5 + 0.08 * e, "val_loss", 1.2 / (e + 1),
            "val_accuracy", 0.45 + 0.07 * e));
      }
      for (int k = 0; k < images.length; k++) {
        for (int i = 0; i < 28; i++) {
          for (int j = 0; j < 28; j++) {
            images[k][i][j] = (float) Math.sin((i + k) / 4.0) * (float) Math.cos(j / 5.0);
          }
        }
      }
    }
  }

  @Test
  void everyClassAndStaticMethodTheJavaNamesExists() throws Exception {
    String doc = Files.readString(DOC);
    StringBuilder java = new StringBuilder();
    for (String heading : new String[] {"TensorBoard", "plot_model", "Plots"}) {
      String s = section(doc, heading);
      javaBlocks(s).forEach(java::append);
      for (String line : s.split("\n")) {
        String[] cells = line.split("\\|");
        if (line.startsWith("| `") && cells.length >= 3) {
          java.append(cells[2]).append('\n'); // the Java column
        }
      }
    }
    Matcher m = Pattern.compile("\\b([A-Z][a-z][A-Za-z0-9]*)(?:\\.([a-z][A-Za-z0-9]*)\\(|\\()").matcher(java);
    Set<String> checked = new LinkedHashSet<>();
    while (m.find()) {
      Class<?> c = resolve(m.group(1));
      assertNotNull(c, "docs/tools.md names a class " + m.group(1) + " that keras4j does not have");
      if (m.group(2) != null) {
        String method = m.group(2);
        assertTrue(Arrays.stream(c.getMethods()).anyMatch(x -> x.getName().equals(method)),
            "docs/tools.md calls " + c.getSimpleName() + "." + method + ", which does not exist");
      }
      checked.add(c.getName());
    }
    for (String expected : new String[] {"io.keras4j.callbacks.TensorBoard", "io.keras4j.plot.ModelVisualization",
        "io.keras4j.plot.PlotModelOptions", "io.keras4j.plot.RocCurve", "io.keras4j.plot.PrecisionRecallCurve",
        "io.keras4j.plot.ConfusionMatrix", "io.keras4j.plot.ConfusionMatrixDisplay", "io.keras4j.plot.TrainingCurves",
        "io.keras4j.plot.Histogram", "io.keras4j.plot.ScatterPlot", "io.keras4j.plot.ImageGrid",
        "io.keras4j.plot.Colormap", "io.keras4j.plot.Figure"}) {
      assertTrue(checked.contains(expected), "docs/tools.md's Java should use " + expected + "; it uses " + checked);
    }
  }

  private static Class<?> resolve(String simpleName) {
    for (String p : PACKAGES) {
      try {
        return Class.forName(p + "." + simpleName);
      } catch (ClassNotFoundException e) {
        // try the next package
      }
    }
    return null;
  }
}
