package io.keras4j.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import io.keras4j.layers.Dropout;
import io.keras4j.layers.GaussianDropout;
import io.keras4j.layers.GaussianNoise;
import io.keras4j.layers.RandomFlip;
import io.keras4j.layers.RandomTranslation;
import io.keras4j.layers.SpatialDropout1D;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The random streams of random layers: seeded, advanced per draw, independent of the graph that draws. */
class SeedGeneratorTest {
  private static final Shape S = Shape.of(4, 50);
  private static final float[] ONES = ones(200);

  private static float[] ones(int n) {
    float[] a = new float[n];
    Arrays.fill(a, 1f);
    return a;
  }

  private static float[] train(Dropout d) {
    return GraphFixture.eval1(ONES, S, t -> d.apply(t, true));
  }

  @Test
  void stateStartsAtSeedZeroAndIsNotAWeight() {
    Dropout d = new Dropout(0.5).seed(42);
    assertArrayEquals(new long[] {42, 0}, d.seedGenerators().get(0).state().longValue());
    assertEquals("seed_generator_state", d.seedGenerators().get(0).state().name());
    assertEquals("int64", d.seedGenerators().get(0).state().dtype());
    d.apply(io.keras4j.layers.Input.of(50));
    assertTrue(d.weights().isEmpty());
    assertEquals(0, d.countParams());
    assertTrue(new Dropout(0).seedGenerators().isEmpty(), "Keras makes no generator for rate 0");
    assertTrue(new GaussianNoise(0).seedGenerators().isEmpty());
    assertEquals(1, new GaussianDropout(0.1).seedGenerators().size());
  }

  @Test
  void sameSeedSameMasksAndEachCallAdvances() {
    Dropout a = new Dropout(0.5).seed(5);
    Dropout b = new Dropout(0.5).seed(5);
    float[] a1 = train(a);
    float[] a2 = train(a);
    float[] b1 = train(b);
    float[] b2 = train(b);
    assertArrayEquals(a1, b1, "a fresh layer of one seed draws the same first mask");
    assertArrayEquals(a2, b2, "and the same second mask");
    assertFalse(Arrays.equals(a1, a2), "consecutive calls draw different masks");
    assertArrayEquals(new long[] {5, 2}, a.seedGenerators().get(0).state().longValue());
    assertFalse(Arrays.equals(a1, train(new Dropout(0.5).seed(6))), "another seed, another mask");
  }

  @Test
  void settingTheStateReplaysTheStream() {
    Dropout d = new Dropout(0.3).seed(9);
    train(d);
    float[] second = train(d);
    d.seedGenerators().get(0).state().assign(new long[] {9, 1});
    assertArrayEquals(second, train(d));
    d.seedGenerators().get(0).reset();
    assertArrayEquals(new long[] {9, 0}, d.seedGenerators().get(0).state().longValue());
  }

  @Test
  void twoDrawsInOneTraceDifferAndAdvanceTwice() {
    Dropout d = new Dropout(0.5).seed(3);
    List<float[]> out = GraphFixture.eval(List.of(ONES), List.of(S),
        in -> List.of(d.apply(in.get(0), true), d.apply(in.get(0), true)));
    assertFalse(Arrays.equals(out.get(0), out.get(1)));
    assertArrayEquals(new long[] {3, 2}, d.seedGenerators().get(0).state().longValue());
    // the same masks as two separate calls: draw k of a trace uses state + [0, k]
    Dropout e = new Dropout(0.5).seed(3);
    assertArrayEquals(out.get(0), train(e));
    assertArrayEquals(out.get(1), train(e));
  }

  @Test
  void everyRandomLayerAdvancesItsState() {
    float[] img = new float[2 * 4 * 4];
    for (int i = 0; i < img.length; i++) {
      img[i] = i;
    }
    Shape s = Shape.of(2, 4, 4, 1);
    RandomFlip flip = new RandomFlip().seed(1);
    RandomTranslation shift = new RandomTranslation(0.3, 0.3).seed(2);
    GraphFixture.eval1(img, s, t -> flip.apply(t, true));
    GraphFixture.eval1(img, s, t -> shift.apply(t, true));
    assertArrayEquals(new long[] {1, 2}, flip.seedGenerators().get(0).state().longValue(), "two draws: h and v");
    assertArrayEquals(new long[] {2, 2}, shift.seedGenerators().get(0).state().longValue(), "two draws: dy and dx");
    GraphFixture.eval1(img, s, t -> flip.apply(t, false));
    assertArrayEquals(new long[] {1, 2}, flip.seedGenerators().get(0).state().longValue(), "no draw at inference");
    SpatialDropout1D sd = new SpatialDropout1D(0.5).seed(4);
    GaussianNoise gn = new GaussianNoise(0.1).seed(4);
    float[] x = new float[2 * 3 * 5];
    GraphFixture.eval1(x, Shape.of(2, 3, 5), t -> sd.apply(t, true));
    GraphFixture.eval1(x, Shape.of(2, 3, 5), t -> gn.apply(t, true));
    assertArrayEquals(new long[] {4, 1}, sd.seedGenerators().get(0).state().longValue());
    assertArrayEquals(new long[] {4, 1}, gn.seedGenerators().get(0).state().longValue());
  }

  @Test
  void aCompositeLayersPartsDrawFromItsGenerator() {
    io.keras4j.layers.RandomColorJitter jitter = new io.keras4j.layers.RandomColorJitter().brightnessFactor(0.2)
        .contrastFactor(0.3).seed(5);
    float[] img = new float[2 * 3 * 3 * 3];
    for (int i = 0; i < img.length; i++) {
      img[i] = i * 4;
    }
    Shape s = Shape.of(2, 3, 3, 3);
    float[] first = GraphFixture.eval1(img, s, t -> jitter.apply(t, true));
    assertArrayEquals(new long[] {5, 2}, jitter.seedGenerators().get(0).state().longValue(), "brightness, contrast");
    assertFalse(Arrays.equals(first, GraphFixture.eval1(img, s, t -> jitter.apply(t, true))), "the stream advanced");
  }

  @Test
  void aModelListsItsLayersGenerators() {
    Dropout d = new Dropout(0.2).seed(1);
    GaussianNoise g = new GaussianNoise(0.2).seed(2);
    try (io.keras4j.models.Sequential m = new io.keras4j.models.Sequential()) {
      m.add(new io.keras4j.layers.Dense(3).inputShape(4));
      m.add(d);
      m.add(g);
      assertEquals(List.of(d.seedGenerators().get(0), g.seedGenerators().get(0)), m.seedGenerators());
    }
  }

  @Test
  void configFollowsKeras() {
    SeedGenerator g = new SeedGenerator(17);
    assertEquals(Map.of("seed", 17L, "name", "seed_generator"), g.getConfig());
    assertArrayEquals(new long[] {17, 0}, SeedGenerator.fromConfig(g.getConfig()).state().longValue());
    assertNull(new SeedGenerator().seed());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SeedGenerator.fromConfig(Map.of("seed", "x")))
        .getMessage().contains("Received: seed=x"));
  }
}
