package io.keras4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColormapTest {
  @Test
  void matchesMatplotlibWithinThreeUnits() {
    Iterator<Map.Entry<String, JsonNode>> maps = Golden.json().get("colormaps").fields();
    int checked = 0;
    while (maps.hasNext()) {
      Map.Entry<String, JsonNode> e = maps.next();
      Colormap map = Colormap.get(e.getKey());
      double[] t = Golden.doubles(e.getValue().get("t"));
      for (int i = 0; i < t.length; i++) {
        JsonNode rgb = e.getValue().get("rgb").get(i);
        Color expected = new Color(rgb.get(0).asInt(), rgb.get(1).asInt(), rgb.get(2).asInt());
        assertTrue(Golden.near(map.color(t[i]), expected, 3), e.getKey() + " at " + t[i] + ": " + map.color(t[i])
            + " against matplotlib's " + expected);
        checked++;
      }
    }
    assertEquals(7 * 13, checked);
  }

  @Test
  void endsClippingReversalAndNormalisation() {
    Colormap viridis = Colormap.get("viridis");
    assertEquals(new Color(0x440154), viridis.color(0));
    assertEquals(new Color(0xfde725), viridis.color(1));
    assertEquals(viridis.color(1), viridis.color(7.5));
    assertEquals(viridis.color(0), viridis.color(-1));
    assertEquals(viridis.color(0.25), Colormap.get("viridis_r").color(0.75));
    assertEquals(viridis.color(0.25), viridis.color(15, 10, 30));
    assertEquals(0, viridis.color(Double.NaN).getAlpha());
    Color[] five = Colormap.get("gray").colors(5);
    assertEquals(new Color(0x404040), five[1]);
    assertTrue(Colormap.names().contains("cividis"));
  }

  @Test
  void rejectsUnknownNames() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Colormap.get("jet"));
    assertTrue(e.getMessage().contains("viridis") && e.getMessage().contains("name=jet"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Colormap.get("gray").colors(1));
    assertTrue(e.getMessage().contains("n=1"), e.getMessage());
  }
}
