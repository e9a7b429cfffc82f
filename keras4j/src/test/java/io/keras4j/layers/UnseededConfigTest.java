package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A random layer built without a seed writes {@code "seed": null}, as Keras 3.15.1's {@code get_config} does (its
 * {@code self.seed} stays None; the seed drawn for the generator is internal), and a given seed is written as given.
 * Keras' RandomCrop is the exception: it draws its seed at construction and writes it.
 */
class UnseededConfigTest {
  static final List<Supplier<Layer>> UNSEEDED = List.of(() -> new Dropout(0.5), () -> new SpatialDropout1D(0.2),
      () -> new SpatialDropout2D(0.2), () -> new SpatialDropout3D(0.2), () -> new AlphaDropout(0.1),
      () -> new GaussianNoise(0.1), () -> new GaussianDropout(0.1), () -> new RandomFlip(),
      () -> new RandomRotation(0.1), () -> new RandomZoom(0.1), () -> new RandomContrast(0.1),
      () -> new RandomTranslation(0.1, 0.1));

  @Test
  void anUnseededRandomLayerWritesNullAsKeras() {
    for (Supplier<Layer> make : UNSEEDED) {
      Map<String, Object> c = make.get().getConfig();
      String what = c.get("name").toString();
      assertTrue(c.containsKey("seed"), what);
      assertNull(c.get("seed"), what);
      Layer again = Layers.fromConfig(make.get().getClass().getSimpleName(), c);
      assertNull(again.getConfig().get("seed"), what + " read back");
    }
  }

  @Test
  void aGivenSeedIsWrittenAsGiven() {
    assertEquals(7L, ((Number) new Dropout(0.5).seed(7).getConfig().get("seed")).longValue());
    assertEquals(7L, ((Number) new GaussianNoise(0.1).seed(7).getConfig().get("seed")).longValue());
    assertEquals(7L, ((Number) new GaussianDropout(0.1).seed(7).getConfig().get("seed")).longValue());
    assertEquals(7L, ((Number) new RandomFlip().seed(7).getConfig().get("seed")).longValue());
    Layer read = Layers.fromConfig("Dropout", Map.of("rate", 0.5, "seed", 9));
    assertEquals(9L, ((Number) read.getConfig().get("seed")).longValue());
  }

  @Test
  void randomCropWritesTheSeedItDrew() {
    assertTrue(new RandomCrop(2, 2).getConfig().get("seed") instanceof Long);
  }
}
