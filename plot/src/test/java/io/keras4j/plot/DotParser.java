package io.keras4j.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small reader of the DOT that pydot and {@link DotGraph} write, for comparing graphs without their layout:
 * graph and cluster attributes, nodes with their attributes and enclosing cluster, and edges. Whitespace and
 * statement order do not matter. Handles identifiers, quoted strings, HTML strings ({@code <...>}, nested), attribute
 * lists, {@code node [...]} defaults, {@code a -> b} edges and {@code subgraph cluster_x {...}}.
 */
final class DotParser {
  /** A node: its attributes (HTML label included, without its outer angle brackets) and its cluster (or ""). */
  record ParsedNode(String id, Map<String, String> attributes, String cluster) {}

  record ParsedEdge(String source, String target, Map<String, String> attributes) {}

  /** The parsed graph: attributes by graph ("" for the top graph, else the cluster's name). */
  record ParsedDot(Map<String, Map<String, String>> graphAttributes, Map<String, ParsedNode> nodes,
      List<ParsedEdge> edges) {}

  /** The fields of Keras' layer label: null where the label has none. */
  record Fields(String name, String className, String activation, String inputShape, String outputShape,
      String dtype, String trainable, String colspan) {}

  private static final Pattern HEADER = Pattern.compile(
      "<td colspan=\"(\\d+)\" bgcolor=\"black\"><font point-size=\"16\" color=\"white\">(.*?)</font></td>");

  private final List<String> tokens;
  private int pos;

  private DotParser(String text) {
    this.tokens = tokenize(text);
  }

  static ParsedDot parse(String text) {
    DotParser p = new DotParser(text);
    ParsedDot dot = new ParsedDot(new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>());
    p.expect("digraph");
    if (!p.peek().equals("{")) {
      p.next();
    }
    p.block(dot, "");
    return dot;
  }

  /** Reads the fields out of a Keras layer label (the node's {@code label} attribute). */
  static Fields fields(String label) {
    Matcher h = HEADER.matcher(label);
    if (!h.find()) {
      throw new IllegalArgumentException("No header cell in label " + label);
    }
    String header = h.group(2);
    Matcher named = Pattern.compile("<b>(.*?)</b> \\((.*?)\\)").matcher(header);
    String name = null;
    String cls;
    if (named.matches()) {
      name = named.group(1);
      cls = named.group(2);
    } else {
      cls = header.replaceAll("</?b>", "");
    }
    String trainable = label.contains("<b>Trainable</b>") ? "Trainable"
        : label.contains("<b>Non-trainable</b>") ? "Non-trainable" : null;
    return new Fields(name, cls, bold(label, "Activation: "), bold(label, "Input shape: "),
        bold(label, "Output shape: "), bold(label, "Output dtype: "), trainable, h.group(1));
  }

  private static String bold(String label, String caption) {
    Matcher m = Pattern.compile(Pattern.quote(caption) + "<b>(.*?)</b>").matcher(label);
    return m.find() ? m.group(1) : null;
  }

  private void block(ParsedDot dot, String cluster) {
    expect("{");
    dot.graphAttributes().putIfAbsent(cluster, new LinkedHashMap<>());
    while (!peek().equals("}")) {
      String first = next();
      if (first.equals(";")) {
        continue;
      }
      if (first.equals("subgraph")) {
        String name = unquote(next());
        block(dot, name.startsWith("cluster_") ? name.substring("cluster_".length()) : name);
      } else if (first.equals("node") || first.equals("edge") || first.equals("graph")) {
        attributes();
      } else if (peek().equals("=")) {
        next();
        dot.graphAttributes().get(cluster).put(first, unquote(next()));
      } else if (peek().equals("->")) {
        next();
        String target = next();
        dot.edges().add(new ParsedEdge(first, target, peek().equals("[") ? attributes() : Map.of()));
      } else {
        dot.nodes().put(first, new ParsedNode(first, peek().equals("[") ? attributes() : Map.of(), cluster));
      }
    }
    expect("}");
  }

  private Map<String, String> attributes() {
    Map<String, String> a = new LinkedHashMap<>();
    expect("[");
    while (!peek().equals("]")) {
      String key = next();
      if (key.equals(",") || key.equals(";")) {
        continue;
      }
      expect("=");
      a.put(key, unquote(next()));
    }
    expect("]");
    return a;
  }

  private static String unquote(String t) {
    if (t.startsWith("\"")) {
      return t.substring(1, t.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if (t.startsWith("<")) {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }

  private String peek() {
    return tokens.get(pos);
  }

  private String next() {
    return tokens.get(pos++);
  }

  private void expect(String t) {
    String got = next();
    if (!got.equals(t)) {
      throw new IllegalArgumentException("Expected '" + t + "' at token " + (pos - 1) + ", found '" + got + "'");
    }
  }

  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        int j = i + 1;
        while (s.charAt(j) != '"') {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        out.add(s.substring(i, j + 1));
        i = j + 1;
      } else if (c == '<') {
        int depth = 0;
        int j = i;
        do {
          depth += s.charAt(j) == '<' ? 1 : s.charAt(j) == '>' ? -1 : 0;
          j++;
        } while (depth > 0);
        out.add(s.substring(i, j));
        i = j;
      } else if (s.startsWith("->", i)) {
        out.add("->");
        i += 2;
      } else if ("{}[]=;,".indexOf(c) >= 0) {
        out.add(String.valueOf(c));
        i++;
      } else {
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || "_.-".indexOf(s.charAt(j)) >= 0)
            && !s.startsWith("->", j)) {
          j++;
        }
        j = Math.max(j, i + 1);
        out.add(s.substring(i, j));
        i = j;
      }
    }
    return out;
  }
}
