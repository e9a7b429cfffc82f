package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.keras4j.callbacks.History;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FitOptionsTest {

  private static FitOptions nonDefault() {
    return new FitOptions().batchSize(7).epochs(9).verbose(2).callbacks(new History()).validationSplit(0.25)
        .validationData(new float[] {1}, new float[] {2}, new float[] {3}).shuffle(false)
        .classWeight(Map.of(0, 2.0)).sampleWeight(new float[] {4}).initialEpoch(3).stepsPerEpoch(11)
        .validationFreq(2).validationSteps(5).validationBatchSize(6);
  }

  @Test
  void copyCarriesEveryField() throws IllegalAccessException {
    FitOptions o = nonDefault();
    FitOptions c = o.copy();
    for (Field f : FitOptions.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      f.setAccessible(true);
      assertEquals(f.get(o), f.get(c), f.getName());
    }
  }

  @Test
  void copyIsIndependent() {
    FitOptions o = nonDefault();
    FitOptions c = o.copy().epochs(2).initialEpoch(1).callbacks();
    assertEquals(9, o.epochs());
    assertEquals(3, o.initialEpoch());
    assertEquals(1, o.callbackList().size());
    assertEquals(2, c.epochs());
    assertEquals(1, c.initialEpoch());
    assertEquals(List.of(), c.callbackList());
  }

  @Test
  void callbackListIsACopyOfTheCallbacksInOrder() {
    History a = new History();
    History b = new History();
    FitOptions o = new FitOptions().callbacks(a, b);
    List<io.keras4j.callbacks.Callback> l = o.callbackList();
    assertSame(a, l.get(0));
    assertSame(b, l.get(1));
    l.clear();
    assertEquals(2, o.callbackList().size());
    assertNotSame(o.callbackList(), o.callbackList());
  }

  @Test
  void stepsPerEpochOfZeroIsOnePassAndANegativeOneIsRefused() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new FitOptions().stepsPerEpoch(-1));
    assertEquals("steps_per_epoch must be a positive integer, 0 or null. Received: steps_per_epoch=-1",
        e.getMessage());
    assertEquals(null, new FitOptions().stepsPerEpoch(0).stepsPerEpoch, "0 reads as None, as in Keras");
    assertEquals(null, new FitOptions().stepsPerEpoch(5).stepsPerEpoch(null).copy().stepsPerEpoch);
  }

  @Test
  void defaults() {
    FitOptions o = new FitOptions();
    assertEquals(1, o.epochs());
    assertEquals(0, o.initialEpoch());
    assertEquals(1, o.verbose());
    assertEquals(List.of(), o.callbackList());
  }
}
