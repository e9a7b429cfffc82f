package io.keras4j.applications;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.data.NDArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** preprocess_input of each mode and decode_predictions, checked by hand arithmetic. */
class PreprocessingTest {
  static final NDArray PIXEL = NDArray.of(new float[] {255f, 127.5f, 0f}, 1, 1, 1, 3);

  @Test
  void tfModeScalesToMinusOneOne() {
    assertArrayEquals(new float[] {1f, 0f, -1f}, MobileNetV2.preprocessInput(PIXEL).toFloatArray(), 1e-6f);
  }

  @Test
  void caffeModeSwapsToBgrAndSubtractsTheMean() {
    // BGR = (0, 127.5, 255) minus (103.939, 116.779, 123.68)
    assertArrayEquals(new float[] {-103.939f, 10.721f, 131.32f}, VGG16.preprocessInput(PIXEL).toFloatArray(),
        1e-4f);
    assertArrayEquals(new float[] {-103.939f, 10.721f, 131.32f}, new ResNet50().preprocess(PIXEL).toFloatArray(),
        1e-4f);
  }

  @Test
  void torchModeNormalizesByImagenetMeanAndStd() {
    float[] want = {(1f - 0.485f) / 0.229f, (0.5f - 0.456f) / 0.224f, (0f - 0.406f) / 0.225f};
    assertArrayEquals(want, Preprocessing.preprocessInput(PIXEL, "torch").toFloatArray(), 1e-5f);
  }

  @Test
  void badInputsAreRefusedWithTheReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Preprocessing.preprocessInput(PIXEL, "keras"));
    assertTrue(e.getMessage().contains("Received: mode=keras"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Preprocessing.preprocessInput(NDArray.of(new float[4], 1, 4), "tf"));
    assertTrue(e.getMessage().contains("3 channels"), e.getMessage());
  }

  @Test
  void decodePredictionsSortsTheTopClasses(@TempDir Path dir) throws Exception {
    StringBuilder index = new StringBuilder("{");
    for (int i = 0; i < 1000; i++) {
      index.append(i == 0 ? "" : ",").append("\"").append(i).append("\": [\"n").append(i).append("\", \"class")
          .append(i).append("\"]");
    }
    Path file = Files.writeString(dir.resolve("imagenet_class_index.json"), index.append("}").toString());
    float[] p = new float[2000];
    p[7] = 0.5f;
    p[3] = 0.3f;
    p[999] = 0.2f;
    p[1000 + 42] = 0.9f;
    List<List<ImagenetClasses.Prediction>> top = ImagenetClasses.decodePredictions(NDArray.of(p, 2, 1000), 3, file);
    assertEquals(List.of(new ImagenetClasses.Prediction("n7", "class7", 0.5f),
        new ImagenetClasses.Prediction("n3", "class3", 0.3f),
        new ImagenetClasses.Prediction("n999", "class999", 0.2f)), top.get(0));
    assertEquals("n42", top.get(1).get(0).classId());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImagenetClasses.decodePredictions(NDArray.of(new float[10], 1, 10), 5, file));
    assertTrue(e.getMessage().contains("(samples, 1000)"), e.getMessage());
  }

  @Test
  void argumentsAreCheckedAsKerasChecksThem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new VGG16().classes(10).build());
    assertTrue(e.getMessage().contains("`classes` should be 1000. Received: classes=10"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new MobileNetV2().alpha(0.6).build());
    assertTrue(e.getMessage().contains("Received `alpha=0.6`"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new ResNet50().weights((String) null).inputShape(16, 16, 3).includeTop(false).build());
    assertTrue(e.getMessage().contains("at least 32x32"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new VGG19().weights("/no/such/file.h5"));
    assertTrue(e.getMessage().contains("Received: weights=/no/such/file.h5"), e.getMessage());
    assertEquals(1, MobileNetV2.makeDivisible(0.35 * 16, 8) / 8); // 5.6 -> 8
    assertEquals(16, MobileNetV2.makeDivisible(0.35 * 32, 8)); // 11.2 -> 8 is < 0.9 * 11.2, so 16
  }
}
