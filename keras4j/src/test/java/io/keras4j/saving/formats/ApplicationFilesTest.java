package io.keras4j.saving.formats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keras 3.15.1's application networks (random weights), saved by Keras in the three formats, load and predict as
 * Keras predicted. The files are large and not committed: a Keras script writes {@code <Name>.keras},
 * {@code <Name>.h5}, {@code <Name>.weights.h5}, the input {@code <Name>.x.bin}, Keras' output {@code <Name>.y.bin}
 * (little-endian float32) and their shapes {@code <Name>.json} into the folder named by the system property
 * {@code keras4j.applicationFiles} (default {@code /tmp/loadfix-apps}); the test is skipped where they are absent.
 */
class ApplicationFilesTest {
  private static final Path DIR = Path.of(System.getProperty("keras4j.applicationFiles", "/tmp/loadfix-apps"));

  @ParameterizedTest(name = "{0}{1}")
  @CsvSource({"ResNet50,.keras", "ResNet50,.h5", "ResNet50,.weights.h5", "InceptionV3,.keras", "InceptionV3,.h5",
      "InceptionV3,.weights.h5", "NASNetMobile,.keras", "NASNetMobile,.h5", "NASNetMobile,.weights.h5",
      "MobileNetV3Small,.keras", "MobileNetV3Small,.h5", "MobileNetV3Small,.weights.h5", "EfficientNetB0,.keras",
      "EfficientNetB0,.h5", "EfficientNetB0,.weights.h5", "DenseNet121,.keras", "DenseNet121,.h5",
      "DenseNet121,.weights.h5", "MobileNetV2Nested,.keras", "MobileNetV2Nested,.h5",
      "MobileNetV2Nested,.weights.h5", "ConvNeXtTiny,.keras", "ConvNeXtTiny,.h5", "ConvNeXtTiny,.weights.h5",
      "EfficientNetV2B0,.keras", "EfficientNetV2B0,.h5", "EfficientNetV2B0,.weights.h5", "InceptionResNetV2,.keras",
      "InceptionResNetV2,.h5", "InceptionResNetV2,.weights.h5", "Xception,.keras", "Xception,.h5",
      "Xception,.weights.h5", "ResNet50V2,.keras", "ResNet50V2,.h5", "ResNet50V2,.weights.h5"})
  void applicationFileLoadsAndPredictsAsKeras(String name, String extension) throws IOException {
    Path file = DIR.resolve(name + extension);
    Assumptions.assumeTrue(Files.isRegularFile(file) && Files.isRegularFile(DIR.resolve(name + ".y.bin")),
        "no Keras application files in " + DIR);
    JsonNode shapes = new ObjectMapper().readTree(DIR.resolve(name + ".json").toFile());
    NDArray x = NDArray.of(new HostArray(floats(DIR.resolve(name + ".x.bin")), shape(shapes.get("x"))));
    float[] want = floats(DIR.resolve(name + ".y.bin"));
    long start = System.nanoTime();
    try (Model m = load(name, extension, file)) {
      long loaded = System.nanoTime();
      float[] got = m.predict(x).toFloatArray();
      long predicted = System.nanoTime();
      double maxDiff = 0;
      double maxAbs = 0;
      for (int i = 0; i < want.length; i++) {
        maxDiff = Math.max(maxDiff, Math.abs(got[i] - want[i]));
        maxAbs = Math.max(maxAbs, Math.abs(want[i]));
      }
      System.out.printf("APPLICATION %s%s: load %.1f s, first predict %.1f s, max |diff| %.3g (max |y| %.3g)%n",
          name, extension, (loaded - start) / 1e9, (predicted - loaded) / 1e9, maxDiff, maxAbs);
      assertTrue(maxDiff <= 1e-5 * Math.max(1, maxAbs), name + extension + ": max |diff| " + maxDiff);
      String out = System.getProperty("keras4j.applicationFilesOut"); // keras4j's own file, for a check in Keras
      if (out != null && extension.equals(".keras")) {
        Files.createDirectories(Path.of(out));
        m.save(Path.of(out, name + ".keras"));
      }
    }
  }

  private static Model load(String name, String extension, Path file) throws IOException {
    if (!extension.equals(".weights.h5")) {
      return Models.loadModel(file);
    }
    String config;
    try (ZipFile zip = new ZipFile(DIR.resolve(name + ".keras").toFile())) {
      config = new String(zip.getInputStream(zip.getEntry("config.json")).readAllBytes(), StandardCharsets.UTF_8);
    }
    Model m = Models.modelFromJson(config);
    m.loadWeights(file);
    return m;
  }

  private static Shape shape(JsonNode dims) {
    long[] d = new long[dims.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = dims.get(i).asLong();
    }
    return Shape.of(d);
  }

  private static float[] floats(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    float[] f = new float[b.remaining() / 4];
    b.asFloatBuffer().get(f);
    return f;
  }
}
