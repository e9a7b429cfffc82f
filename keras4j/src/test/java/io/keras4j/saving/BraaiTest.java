package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.Shape;
import io.keras4j.data.Fits;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * A real tf.keras 2.2.4 model file: braai's ZTF real/bogus CNN d6_m7 (Duev et al. 2019) on the alert triplet of
 * candidate 714287740515015072, prepared as the braai notebook prepares it; the notebook stores 0.9999416.
 */
class BraaiTest {
  static final Path BRAAI = Path.of("..", "..", "shared", "data", "ztf", "braai");

  /** Science, template and difference cutouts: NaN to 0, each row L2-normalised (tf.keras.utils.normalize), 63x63. */
  static HostArray triplet(Path alertJson) throws Exception {
    JsonNode alert = new ObjectMapper().readTree(alertJson.toFile());
    float[] v = new float[63 * 63 * 3];
    String[] cutouts = {"cutoutScience", "cutoutTemplate", "cutoutDifference"};
    for (int c = 0; c < 3; c++) {
      JsonNode bin = alert.get(cutouts[c]).get("stampData").get("$binary");
      String b64 = bin.isTextual() ? bin.asText() : bin.get("base64").asText();
      float[][] img = Fits.readImage(Base64.getDecoder().decode(b64));
      for (int y = 0; y < 63; y++) {
        double norm = 0;
        for (int x = 0; x < img[0].length && y < img.length; x++) {
          float p = Float.isNaN(img[y][x]) ? 0 : img[y][x];
          norm += p * p;
        }
        norm = norm == 0 ? 1 : Math.sqrt(norm);
        for (int x = 0; x < 63; x++) {
          float p = y < img.length && x < img[0].length ? (Float.isNaN(img[y][x]) ? 0 : (float) (img[y][x] / norm))
              : 1e-9f;
          v[(y * 63 + x) * 3 + c] = p;
        }
      }
    }
    return new HostArray(v, Shape.of(1, 63, 63, 3));
  }

  @Test
  void legacyH5ModelPredictsTheNotebookValue() throws Exception {
    assumeTrue(Files.isDirectory(BRAAI), "braai data not present: " + BRAAI);
    Model m = Models.loadModel(BRAAI.resolve("models/d6_m7.h5"));
    float p = m.predict(triplet(BRAAI.resolve("nb/714287740515015072.json"))).toFloat2D()[0][0];
    assertEquals(0.9999416, p, 1e-5);
    m.close();
  }

  @Test
  void architectureJsonPlusWeightsIsTheSameModel() throws Exception {
    assumeTrue(Files.isDirectory(BRAAI), "braai data not present: " + BRAAI);
    Model m = Models.modelFromJson(Files.readString(BRAAI.resolve("models/d6_m7.architecture.json")));
    m.loadWeights(BRAAI.resolve("models/d6_m7.weights.h5"));
    float p = m.predict(triplet(BRAAI.resolve("nb/714287740515015072.json"))).toFloat2D()[0][0];
    assertEquals(0.9999416, p, 1e-5);
    m.close();
  }
}
