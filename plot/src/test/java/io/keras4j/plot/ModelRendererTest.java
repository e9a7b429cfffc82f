package io.keras4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keras4j.models.Model;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/** The Java layout and drawing of plotModel: geometry of the layout, the PNG's pixels, the SVG's content. */
class ModelRendererTest {
  @TempDir
  Path dir;

  static Stream<Arguments> layouts() {
    Supplier<Model> seq = ModelVisualizationTest::sequential;
    Supplier<Model> heads = ModelVisualizationTest::twoHeads;
    Supplier<Model> outer = ModelVisualizationTest::nested;
    return Stream.of("TB", "LR", "BT", "RL").flatMap(r -> Stream.of(
        Arguments.of("seq", seq, r, false), Arguments.of("two_heads", heads, r, false),
        Arguments.of("outer", outer, r, true)));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("layouts")
  void boxesDoNotOverlapAndEdgesFlowInRankdirsDirection(String name, Supplier<Model> make, String rankdir,
      boolean expand) {
    try (Model model = make.get()) {
      DotGraph dot = ModelVisualization.modelToDot(model,
          ModelVisualizationTest.all().expandNested(expand).rankdir(rankdir));
      GraphLayout layout = GraphLayout.of(dot, rankdir, "ortho");
      assertEquals(dot.nodes().size(), layout.boxes().size());
      Map<String, Rectangle2D> boxes = new HashMap<>();
      for (GraphLayout.Box b : layout.boxes()) {
        Rectangle2D r = b.bounds();
        assertTrue(r.getMinX() >= 0 && r.getMinY() >= 0 && r.getMaxX() <= layout.width()
            && r.getMaxY() <= layout.height(), b.id() + " inside the picture");
        for (Rectangle2D other : boxes.values()) {
          assertFalse(r.intersects(other), "box of " + b.label().name() + " overlaps another");
        }
        boxes.put(b.id(), r);
      }
      for (GraphLayout.Edge e : layout.edges()) {
        Rectangle2D from = boxes.get(e.source());
        Rectangle2D to = boxes.get(e.target());
        switch (rankdir) {
          case "TB" -> assertTrue(to.getMinY() >= from.getMaxY(), "target below source");
          case "BT" -> assertTrue(to.getMaxY() <= from.getMinY(), "target above source");
          case "LR" -> assertTrue(to.getMinX() >= from.getMaxX(), "target right of source");
          default -> assertTrue(to.getMaxX() <= from.getMinX(), "target left of source");
        }
        List<Point2D> p = e.points();
        assertTrue(onBorder(from, p.get(0)), "edge starts on the source's border: " + p.get(0) + " " + from);
        assertTrue(onBorder(to, p.get(p.size() - 1)), "edge ends on the target's border");
        Point2D end = p.get(p.size() - 1);
        Point2D before = p.get(p.size() - 2);
        double dx = end.getX() - before.getX();
        double dy = end.getY() - before.getY();
        dx = Math.abs(dx) < 1e-6 ? 0 : dx;
        dy = Math.abs(dy) < 1e-6 ? 0 : dy;
        switch (rankdir) {
          case "TB" -> assertTrue(dy > 0 && dx == 0, "arrow points down");
          case "BT" -> assertTrue(dy < 0 && dx == 0, "arrow points up");
          case "LR" -> assertTrue(dx > 0 && dy == 0, "arrow points right");
          default -> assertTrue(dx < 0 && dy == 0, "arrow points left");
        }
      }
      checkClusters(dot, layout, boxes);
    }
  }

  /** Each expanded model's frame holds its own boxes and no other. */
  private static void checkClusters(DotGraph dot, GraphLayout layout, Map<String, Rectangle2D> boxes) {
    assertEquals(dot.clusters().size(), layout.clusters().size());
    for (DotGraph c : dot.clusters()) {
      GraphLayout.Cluster frame = layout.clusters().stream().filter(f -> f.name().equals(c.clusterName()))
          .findFirst().orElseThrow();
      Rectangle2D r = new Rectangle2D.Double(frame.x(), frame.y(), frame.width(), frame.height());
      List<String> inside = c.ownNodes().stream().map(DotGraph.DotNode::id).toList();
      for (Map.Entry<String, Rectangle2D> b : boxes.entrySet()) {
        assertEquals(inside.contains(b.getKey()), r.contains(b.getValue()), "box " + b.getKey() + " vs frame "
            + c.clusterName());
      }
    }
  }

  private static boolean onBorder(Rectangle2D r, Point2D p) {
    double e = 1e-6;
    boolean inX = p.getX() >= r.getMinX() - e && p.getX() <= r.getMaxX() + e;
    boolean inY = p.getY() >= r.getMinY() - e && p.getY() <= r.getMaxY() + e;
    boolean onX = Math.abs(p.getX() - r.getMinX()) < e || Math.abs(p.getX() - r.getMaxX()) < e;
    boolean onY = Math.abs(p.getY() - r.getMinY()) < e || Math.abs(p.getY() - r.getMaxY()) < e;
    return inX && inY && (onX || onY);
  }

  @Test
  void pngIsDpiOver72PixelsToThePointWithKerasColours() throws IOException {
    try (Model model = ModelVisualizationTest.twoHeads()) {
      PlotModelOptions o = ModelVisualizationTest.all().showLayerNames(true);
      Path at72 = dir.resolve("m72.png");
      Path at144 = dir.resolve("m144.png");
      ModelVisualization.plotModel(model, at72, o.dpi(72));
      ModelVisualization.plotModel(model, at144, o.dpi(144));
      BufferedImage small = ImageIO.read(at72.toFile());
      BufferedImage big = ImageIO.read(at144.toFile());
      assertNotNull(small);
      assertNotNull(big);
      // 8 boxes of 2 to 4 cells in 4 ranks: between a few hundred and a few thousand points each way
      assertTrue(small.getWidth() > 300 && small.getWidth() < 3000, "width " + small.getWidth());
      assertTrue(small.getHeight() > 200 && small.getHeight() < 2000, "height " + small.getHeight());
      assertEquals(2.0 * small.getWidth(), big.getWidth(), 1.0);
      assertEquals(2.0 * small.getHeight(), big.getHeight(), 1.0);
      GraphLayout layout = GraphLayout.of(ModelVisualization.modelToDot(model, o), "TB", "ortho");
      assertEquals(Math.ceil(layout.width()), small.getWidth());
      assertEquals(0xFFFFFF, small.getRGB(1, 1) & 0xFFFFFF, "white background");
      GraphLayout.Box frozen = layout.boxes().stream().filter(b -> b.label().name().equals("dense_b"))
          .findFirst().orElseThrow();
      LabelTable.Cell flag = frozen.table().cells().get(frozen.table().cells().size() - 1);
      // a corner of the "Non-trainable" cell, clear of its text: Graphviz's firebrick
      int x = (int) (frozen.x() + flag.x() + 3);
      int y = (int) (frozen.y() + flag.y() + 3);
      assertEquals(0xB22222, small.getRGB(x, y) & 0xFFFFFF, "firebrick");
      int hx = (int) (frozen.x() + 4);
      int hy = (int) (frozen.y() + 4);
      assertEquals(0x000000, small.getRGB(hx, hy) & 0xFFFFFF, "black header");
    }
  }

  @Test
  void svgIsWellFormedAndNamesEveryLayer() throws Exception {
    try (Model model = ModelVisualizationTest.nested()) {
      Path svg = dir.resolve("model.svg");
      PlotModelOptions o = new PlotModelOptions().showLayerNames(true).expandNested(true).showShapes(true);
      ModelVisualization.plotModel(model, svg, o);
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
      assertEquals("svg", doc.getDocumentElement().getTagName());
      String text = doc.getDocumentElement().getTextContent();
      for (String layer : List.of("outer_in", "inner_dense1", "inner_dense2", "inner_in", "inner_fn_dense",
          "outer_concat", "outer_out", "inner_seq", "inner_fn")) {
        assertTrue(text.contains(layer), layer + " in the SVG");
      }
      assertEquals(7, doc.getElementsByTagName("polygon").getLength(), "one arrowhead per edge");
    }
  }

  @Test
  void extensionChoosesTheFormat() throws IOException {
    try (Model model = ModelVisualizationTest.sequential()) {
      Path noExtension = dir.resolve("model");
      ModelVisualization.plotModel(model, noExtension);
      assertNotNull(ImageIO.read(noExtension.toFile()), "PNG when the name has no extension, as Keras");
      Path dotFile = dir.resolve("model.dot");
      ModelVisualization.plotModel(model, dotFile);
      String expected = ModelVisualization.modelToDot(model, new PlotModelOptions().showLayerNames(false))
          .toDotString();
      assertEquals(expected, Files.readString(dotFile));
      assertTrue(expected.contains("<b>Dense</b>") && !expected.contains("hidden"),
          "plot_model hides layer names by default");
    }
  }

  @Test
  void graphvizRendersTheSameDotWhenInstalled() throws IOException {
    assumeTrue(Graphviz.available(), "Graphviz's dot is not on the PATH");
    try (Model model = ModelVisualizationTest.twoHeads()) {
      Path png = dir.resolve("graphviz.png");
      ModelVisualization.plotModel(model, png, ModelVisualizationTest.all().useGraphviz(true).dpi(72));
      BufferedImage image = ImageIO.read(png.toFile());
      assertNotNull(image);
      assertTrue(image.getWidth() > 300 && image.getHeight() > 200, image.getWidth() + "x" + image.getHeight());
      Path pdf = dir.resolve("model.pdf");
      ModelVisualization.plotModel(model, pdf);
      assertTrue(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF"));
    }
  }
}
