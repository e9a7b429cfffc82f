package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.optimizers.Optimizers;
import org.junit.jupiter.api.Test;

/** Unknown names: the error lists the known ones and suggests the closest. */
class RegistryTest {
  @Test
  void aTypoSuggestsTheClosestName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.get("adma"));
    assertTrue(e.getMessage().contains("Did you mean 'adam'?"), e.getMessage());
    IllegalArgumentException far = assertThrows(IllegalArgumentException.class, () -> Optimizers.get("gradient"));
    assertTrue(!far.getMessage().contains("Did you mean"), far.getMessage());
  }

  @Test
  void editDistanceCountsSingleCharacterEdits() {
    assertEquals(3, Registry.editDistance("kitten", "sitting")); // k->s, e->i, +g
    assertEquals(2, Registry.editDistance("adma", "adam"));
    assertEquals(0, Registry.editDistance("sgd", "sgd"));
    assertEquals(3, Registry.editDistance("", "sgd"));
  }
}
