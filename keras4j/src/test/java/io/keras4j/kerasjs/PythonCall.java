package io.keras4j.kerasjs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader of the Python expressions in keras-js' test notebooks: literals, tuples, lists, names and calls with
 * keyword arguments, e.g. {@code Conv2D(4, (3,3), strides=(1,1), padding='valid')(layer_0)}.
 */
final class PythonCall {
  /** A name in the source (a variable or a class). */
  record Name(String id) {}

  /** A call: {@code callee(args..., key=value...)}. */
  record Call(Object callee, List<Object> args, Map<String, Object> kwargs) {}

  private final String src;
  private int pos;

  private PythonCall(String src) {
    this.src = src;
  }

  /** Parses one expression. */
  static Object parse(String src) {
    PythonCall p = new PythonCall(src);
    Object e = p.expr();
    p.skip();
    if (p.pos != src.length()) {
      throw new IllegalArgumentException("Unexpected text at " + p.pos + " in: " + src);
    }
    return e;
  }

  private void skip() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private boolean eat(char c) {
    skip();
    if (pos < src.length() && src.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private Object expr() {
    Object e = atom();
    while (eat('(')) {
      List<Object> args = new ArrayList<>();
      Map<String, Object> kwargs = new LinkedHashMap<>();
      while (!eat(')')) {
        skip();
        int save = pos;
        String id = identifier();
        if (id != null && eat('=')) {
          kwargs.put(id, expr());
        } else {
          pos = save;
          args.add(expr());
        }
        eat(',');
      }
      e = new Call(e, args, kwargs);
    }
    return e;
  }

  private String identifier() {
    skip();
    int start = pos;
    while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
        || src.charAt(pos) == '.')) {
      pos++;
    }
    if (start == pos || Character.isDigit(src.charAt(start))) {
      pos = start;
      return null;
    }
    return src.substring(start, pos);
  }

  private Object atom() {
    skip();
    char c = src.charAt(pos);
    if (c == '(' || c == '[') {
      pos++;
      char close = c == '(' ? ')' : ']';
      List<Object> items = new ArrayList<>();
      while (!eat(close)) {
        items.add(expr());
        eat(',');
      }
      return items;
    }
    if (c == '\'' || c == '"') {
      int end = src.indexOf(c, pos + 1);
      String s = src.substring(pos + 1, end);
      pos = end + 1;
      return s;
    }
    if (Character.isDigit(c) || c == '-' || c == '.') {
      int start = pos;
      pos++;
      while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || "eE.+-".indexOf(src.charAt(pos)) >= 0
          && !(src.charAt(pos) == '-' && "eE".indexOf(src.charAt(pos - 1)) < 0))) {
        pos++;
      }
      String num = src.substring(start, pos);
      return num.matches("-?\\d+") ? (Object) Integer.parseInt(num) : (Object) Double.parseDouble(num);
    }
    String id = identifier();
    if (id == null) {
      throw new IllegalArgumentException("Unexpected '" + c + "' at " + pos + " in: " + src);
    }
    return switch (id) {
      case "None" -> null;
      case "True" -> Boolean.TRUE;
      case "False" -> Boolean.FALSE;
      default -> new Name(id);
    };
  }
}
