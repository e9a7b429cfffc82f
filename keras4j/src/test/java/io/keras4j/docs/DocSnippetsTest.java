package io.keras4j.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The Java in README.md and docs/porting.md compiles as written against the library: the README's code blocks and
 * the Java column of both files' tables (each code span that is a whole statement or expression).
 */
class DocSnippetsTest {
  /** The names the guides use, declared once with the types they stand for. */
  private static final String PREAMBLE = """
      Sequential model = null; Layer layer = null; Normalization norm = null; Optimizer optimizer = null;
      KerasTensor input = null, a = null, b = null; List<KerasTensor> inputs = null, outputs = null;
      float[][] x = null, data = null, labels = null, xTest = null, yTest = null, array = null;
      float[] y = null, w = null; int[] idx = null; int epochs = 1, batchSize = 32, n = 1, batch = 32, i = 0;
      long seed = 1, s = 1; boolean shuffle = true; FitOptions options = null; Dataset dataset = null;
      Path path = null; Map<String, Object> configMap = null; String className = null, name = null, json = null;
      java.util.function.Function<Map<String, Object>, Layer> factory = null; byte[] bytes = null;
      Tensor image = null, mask = null; Map<String, NDArray> map = null; NDArray p = null, arr = null, kernel = null,
      bias = null;
      org.tensorflow.ndarray.FloatNdArray nd = null;
      Tensor t = null, output = null; List<Tensor> newStates = null; Shape shape = null; LSTM lstm = null;
      KerasTensor h = null, c = null, hf = null, cf = null, hb = null, cb = null, q = null, v = null, k = null,
      m = null, qm = null, vm = null; MultiHeadAttention mha = null; Layer other = null;
      Ops ops = null; Tensor mean = null, logVar = null; io.keras4j.random.SeedGenerator seedGenerator = null;
      """;

  private static final String IMPORTS = """
      import io.keras4j.activations.*; import io.keras4j.backend.*; import io.keras4j.callbacks.*;
      import io.keras4j.constraints.*; import io.keras4j.data.*; import io.keras4j.initializers.*;
      import io.keras4j.layers.*; import io.keras4j.metrics.*; import io.keras4j.models.*;
      import io.keras4j.optimizers.*; import io.keras4j.optimizers.schedules.*; import io.keras4j.regularizers.*;
      import io.keras4j.saving.*; import io.keras4j.dtypepolicies.*; import io.keras4j.losses.Loss; import io.keras4j.losses.BinaryCrossentropy;
      import org.tensorflow.ndarray.FloatNdArray;
      import java.util.List; import java.util.Map; import java.nio.file.Path; import java.util.Arrays;
      """;

  private static Path repo() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("README.md"))) {
      p = p.getParent();
    }
    return p;
  }

  /** The README's ```java blocks, whole. */
  static List<String> codeBlocks(String markdown) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The code spans of the last column of each table row that read as a statement or an expression. */
  static List<String> tableSpans(String markdown) {
    List<String> out = new ArrayList<>();
    for (String line : markdown.split("\n")) {
      if (!line.startsWith("|")) {
        continue;
      }
      String[] cells = line.split("\\|");
      Matcher m = Pattern.compile("`([^`]+)`").matcher(cells[cells.length - 1]);
      while (m.find()) {
        String span = m.group(1).trim();
        boolean fragment = span.contains("..") || span.startsWith(".") || span.startsWith("(")
            || !span.contains("(") || span.matches("[a-z][A-Za-z]*\\(.*") && !span.contains(".");
        if (!fragment) {
          out.add(span);
        }
      }
    }
    return out;
  }

  /** {@code markdown} without the section whose heading starts with {@code heading} (up to the next "## "). */
  static String withoutSection(String markdown, String heading) {
    int start = markdown.indexOf("\n" + heading);
    if (start < 0) {
      throw new IllegalStateException("no section " + heading);
    }
    int end = markdown.indexOf("\n## ", start + 1);
    return markdown.substring(0, start) + (end < 0 ? "" : markdown.substring(end));
  }

  private static JavaFileObject source(String className, String body) {
    String code = IMPORTS + "class " + className + " {\n" + PREAMBLE
        + "\n  @SuppressWarnings(\"unused\")\n  void run() throws Exception {\n" + body + "\n  }\n}\n";
    return new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return code;
      }
    };
  }

  private static String statement(String span) {
    return span.endsWith(";") || span.endsWith("}") ? span : span + ";";
  }

  @Test
  void readmeAndPortingGuideCompile() throws IOException {
    Path repo = repo();
    String readme = Files.readString(repo.resolve("README.md"));
    String porting = Files.readString(repo.resolve("docs/porting.md"));
    List<String> snippets = new ArrayList<>();
    List<String> readmeSpans = tableSpans(readme);
    snippets.add(String.join("\n", readmeSpans.stream().map(DocSnippetsTest::statement).toList()));
    snippets.addAll(codeBlocks(readme));
    // these two sections name classes the reader writes (Scale, MyModel) or the examples define (Vae, Sampling, Gan):
    // their code compiles in the examples module and in SubclassedModelSavingTest/CustomObjectsFilesTest
    String own = withoutSection(withoutSection(porting, "## VAE and GAN"), "## Custom objects");
    tableSpans(own).forEach(span -> snippets.add(statement(span)));
    assertTrue(readmeSpans.size() >= 8 && snippets.size() > 40, "found " + snippets.size() + " snippets");

    List<JavaFileObject> sources = new ArrayList<>();
    for (int k = 0; k < snippets.size(); k++) {
      sources.add(source("Snippet" + k, snippets.get(k)));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String modulePath = System.getProperty("jdk.module.path"); // keras4j and its modules, when tests run in the module
    if (modulePath != null && !modulePath.isEmpty()) {
      classpath = classpath + java.io.File.pathSeparator + modulePath;
    }
    Path out = Files.createTempDirectory("snippets");
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      javac.getTask(null, files, diagnostics, List.of("-classpath", classpath, "-d", out.toString(), "-proc:none"),
          null, sources).call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        int k = Integer.parseInt(d.getSource().getName().replaceAll("\\D", ""));
        errors.add(snippets.get(k).strip() + "\n    -> " + d.getMessage(Locale.ROOT));
      }
    }
    assertEquals("", String.join("\n", errors), "snippets that do not compile");
  }
}
