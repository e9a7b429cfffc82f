package io.keras4j.plot;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * A model graph laid out in layers (Sugiyama) in points: where each layer's box, each nested model's cluster and
 * each edge go, flowing in {@code rankdir}'s direction.
 *
 * <p>Stands in for Graphviz's {@code dot} layout that Keras' {@code plot_model} uses: the Eclipse Layout Kernel's
 * layered algorithm, with Graphviz's default spacing (18 pt between boxes of a rank, 36 pt between ranks, 4 pt
 * around the picture), orthogonal edges for {@code splines="ortho"} (Keras' default) and polylines otherwise, and
 * clusters laid out with their contents ({@code hierarchyHandling} INCLUDE_CHILDREN).
 */
final class GraphLayout {
  static final double PAD = 4;
  static final double NODE_SPACING = 18;
  static final double RANK_SPACING = 36;
  static final double CLUSTER_PADDING = 8;
  static final double CLUSTER_LABEL = 22;

  /** A layer's box, its top-left corner at (x, y). */
  record Box(String id, LayerLabel label, LabelTable table, double x, double y) {
    Rectangle2D bounds() {
      return new Rectangle2D.Double(x, y, table.width(), table.height());
    }
  }

  /** A nested model's dashed frame. */
  record Cluster(String name, double x, double y, double width, double height) {}

  /** An edge as the points of its path, from the source box's border to the target box's border. */
  record Edge(String source, String target, List<Point2D> points) {}

  private final double width;
  private final double height;
  private final List<Box> boxes;
  private final List<Cluster> clusters;
  private final List<Edge> edges;

  private GraphLayout(double width, double height, List<Box> boxes, List<Cluster> clusters, List<Edge> edges) {
    this.width = width;
    this.height = height;
    this.boxes = boxes;
    this.clusters = clusters;
    this.edges = edges;
  }

  double width() {
    return width;
  }

  double height() {
    return height;
  }

  List<Box> boxes() {
    return boxes;
  }

  List<Cluster> clusters() {
    return clusters;
  }

  List<Edge> edges() {
    return edges;
  }

  /** Lays {@code dot} out in the direction of {@code rankdir} ("TB", "LR", "BT", "RL"). */
  static GraphLayout of(DotGraph dot, String rankdir, String splines) {
    ElkNode root = ElkGraphUtil.createGraph();
    configure(root, rankdir, splines, PAD, PAD);
    root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
    Map<String, ElkNode> nodes = new HashMap<>();
    Map<ElkNode, Object> origin = new HashMap<>();
    add(root, dot, rankdir, splines, nodes, origin);
    List<ElkEdge> elkEdges = new ArrayList<>();
    for (DotGraph.DotEdge e : dot.edges()) {
      ElkEdge edge = ElkGraphUtil.createSimpleEdge(nodes.get(e.source()), nodes.get(e.target()));
      ElkGraphUtil.updateContainment(edge);
      elkEdges.add(edge);
    }
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
    List<Box> boxes = new ArrayList<>();
    List<Cluster> clusters = new ArrayList<>();
    collect(root, origin, 0, 0, boxes, clusters);
    List<Edge> edges = new ArrayList<>();
    for (int i = 0; i < elkEdges.size(); i++) {
      edges.add(path(elkEdges.get(i), dot.edges().get(i)));
    }
    return new GraphLayout(root.getWidth(), root.getHeight(), List.copyOf(boxes), List.copyOf(clusters),
        List.copyOf(edges));
  }

  private static void configure(ElkNode n, String rankdir, String splines, double top, double side) {
    n.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    n.setProperty(CoreOptions.DIRECTION, switch (rankdir) {
      case "LR" -> Direction.RIGHT;
      case "BT" -> Direction.UP;
      case "RL" -> Direction.LEFT;
      default -> Direction.DOWN;
    });
    n.setProperty(CoreOptions.EDGE_ROUTING, "ortho".equals(splines) ? EdgeRouting.ORTHOGONAL : EdgeRouting.POLYLINE);
    n.setProperty(CoreOptions.SPACING_NODE_NODE, NODE_SPACING);
    n.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, RANK_SPACING);
    n.setProperty(CoreOptions.PADDING, new ElkPadding(top, side, side, side));
  }

  private static void add(ElkNode parent, DotGraph graph, String rankdir, String splines, Map<String, ElkNode> nodes,
      Map<ElkNode, Object> origin) {
    for (DotGraph.DotNode n : graph.ownNodes()) {
      ElkNode node = ElkGraphUtil.createNode(parent);
      LabelTable table = LabelTable.of(n.label());
      node.setDimensions(table.width(), table.height());
      nodes.put(n.id(), node);
      origin.put(node, new Box(n.id(), n.label(), table, 0, 0));
    }
    for (DotGraph c : graph.clusters()) {
      ElkNode cluster = ElkGraphUtil.createNode(parent);
      configure(cluster, rankdir, splines, CLUSTER_LABEL, CLUSTER_PADDING);
      origin.put(cluster, c.clusterName());
      add(cluster, c, rankdir, splines, nodes, origin);
    }
  }

  /** Boxes and clusters in absolute coordinates: ELK gives each node's position inside its parent. */
  private static void collect(ElkNode parent, Map<ElkNode, Object> origin, double dx, double dy, List<Box> boxes,
      List<Cluster> clusters) {
    for (ElkNode n : parent.getChildren()) {
      double x = dx + n.getX();
      double y = dy + n.getY();
      Object o = origin.get(n);
      if (o instanceof Box b) {
        boxes.add(new Box(b.id(), b.label(), b.table(), x, y));
      } else {
        clusters.add(new Cluster((String) o, x, y, n.getWidth(), n.getHeight()));
        collect(n, origin, x, y, boxes, clusters);
      }
    }
  }

  private static Edge path(ElkEdge edge, DotGraph.DotEdge dotEdge) {
    double dx = 0;
    double dy = 0;
    for (ElkNode c = edge.getContainingNode(); c != null && c.getParent() != null; c = c.getParent()) {
      dx += c.getX();
      dy += c.getY();
    }
    List<Point2D> points = new ArrayList<>();
    for (ElkEdgeSection s : edge.getSections()) {
      points.add(new Point2D.Double(dx + s.getStartX(), dy + s.getStartY()));
      for (ElkBendPoint p : s.getBendPoints()) {
        points.add(new Point2D.Double(dx + p.getX(), dy + p.getY()));
      }
      points.add(new Point2D.Double(dx + s.getEndX(), dy + s.getEndY()));
    }
    return new Edge(dotEdge.source(), dotEdge.target(), List.copyOf(points));
  }
}
