package io.keras4j.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Graphviz graph of a model: layer nodes, edges, and a dashed cluster per expanded nested model.
 *
 * <p>Keras equivalent: the {@code pydot.Dot} that {@code keras.utils.model_to_dot} returns (a {@code pydot.Cluster}
 * for a nested model); {@link #toDotString()} is pydot's {@code to_string()}.
 * <pre>{@code
 * DotGraph dot = ModelVisualization.modelToDot(model, new PlotModelOptions().showShapes(true));
 * Files.writeString(Path.of("model.dot"), dot.toDotString());
 * }</pre>
 */
public final class DotGraph {
  /** A layer's box: its Graphviz node id and label. */
  public record DotNode(String id, LayerLabel label) {}

  /** An arrow from the layer {@code source} to the layer {@code target} (node ids). */
  public record DotEdge(String source, String target) {}

  private final String clusterName;
  private final Map<String, String> attributes = new LinkedHashMap<>();
  private final List<Object> body = new ArrayList<>();
  private final Set<DotEdge> edges = new LinkedHashSet<>();

  private DotGraph(String clusterName) {
    this.clusterName = clusterName;
  }

  /** The top graph, with Keras' graph attributes. */
  static DotGraph root(String rankdir, int dpi, String splines) {
    DotGraph g = new DotGraph(null);
    g.attributes.put("rankdir", rankdir);
    g.attributes.put("concentrate", "true");
    g.attributes.put("dpi", Integer.toString(dpi));
    g.attributes.put("splines", splines);
    return g;
  }

  /** The dashed cluster of the nested model {@code modelName}. */
  static DotGraph cluster(String modelName) {
    DotGraph g = new DotGraph(modelName);
    g.attributes.put("style", "dashed");
    g.attributes.put("label", quote(modelName));
    g.attributes.put("labeljust", "l");
    return g;
  }

  void addNode(DotNode node) {
    body.add(node);
  }

  void addSubgraph(DotGraph cluster) {
    body.add(cluster);
  }

  /** Adds the edge unless this graph has it already (Keras' {@code add_edge}). */
  void addEdge(String source, String target) {
    edges.add(new DotEdge(source, target));
  }

  /** The nested model's name for a cluster, null for the top graph. */
  public String clusterName() {
    return clusterName;
  }

  /** Graph attributes, in the order written ({@code rankdir}, {@code dpi}, ... or a cluster's). */
  public Map<String, String> attributes() {
    return java.util.Collections.unmodifiableMap(attributes);
  }

  /** This graph's own nodes, without those of its clusters. */
  public List<DotNode> ownNodes() {
    return body.stream().filter(DotNode.class::isInstance).map(DotNode.class::cast).toList();
  }

  /** The clusters directly inside this graph. */
  public List<DotGraph> clusters() {
    return body.stream().filter(DotGraph.class::isInstance).map(DotGraph.class::cast).toList();
  }

  /** This graph's own edges. */
  public List<DotEdge> ownEdges() {
    return List.copyOf(edges);
  }

  /** Every node, those of the clusters included. */
  public List<DotNode> nodes() {
    List<DotNode> all = new ArrayList<>();
    for (Object o : body) {
      if (o instanceof DotNode n) {
        all.add(n);
      } else {
        all.addAll(((DotGraph) o).nodes());
      }
    }
    return all;
  }

  /** Every edge, those of the clusters included. */
  public List<DotEdge> edges() {
    List<DotEdge> all = new ArrayList<>();
    for (DotGraph c : clusters()) {
      all.addAll(c.edges());
    }
    all.addAll(edges);
    return all;
  }

  /** The DOT text, laid out as pydot writes it (Keras' {@code model_to_dot(...).to_string()}). */
  public String toDotString() {
    StringBuilder b = new StringBuilder();
    write(b);
    return b.toString();
  }

  @Override
  public String toString() {
    return toDotString();
  }

  private void write(StringBuilder b) {
    b.append(clusterName == null ? "digraph G {\n" : "subgraph " + id("cluster_" + clusterName) + " {\n");
    attributes.forEach((k, v) -> b.append(k).append('=').append(v).append(";\n"));
    if (clusterName == null) {
      b.append("node [shape=record];\n");
    }
    for (Object o : body) {
      if (o instanceof DotNode n) {
        b.append(n.id()).append(" [label=").append(n.label().toHtml())
            .append(", fontname=Helvetica, border=0, margin=0];\n");
      } else {
        ((DotGraph) o).write(b);
      }
    }
    for (DotEdge e : edges) {
      b.append(e.source()).append(" -> ").append(e.target()).append(" [penwidth=2];\n");
    }
    b.append("}\n");
  }

  /** A DOT identifier: as it is when plain, else quoted. */
  private static String id(String s) {
    return s.matches("[A-Za-z_][A-Za-z0-9_]*") ? s : quote(s);
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
