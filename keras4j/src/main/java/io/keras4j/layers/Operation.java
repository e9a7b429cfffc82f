package io.keras4j.layers;

// Follows keras/src/ops/operation.py (Operation) and the op classes of keras/src/ops/numpy.py and nn.py.

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One call of a Keras operation on symbolic tensors in a functional model, such as {@code x + 3.0} or
 * {@code keras.ops.relu(x)}: Keras 3 records it in a model config as an operation node ({@code "module":
 * "keras.src.ops.numpy"}, {@code "class_name": "Add"}), not as the {@code Add} layer.
 *
 * <pre>{@code KerasTensor y = Operation.call("Add", x, 3.0); // Keras: y = x + 3.0}</pre>
 *
 * <p>Keras equivalent: {@code keras.src.ops.operation.Operation} and its subclasses ({@code numpy.Add},
 * {@code nn.Relu}, ...). Porting note: in Keras a Layer is an Operation; keras4j's functional graph holds layers, so
 * an operation is a Layer without weights, left out of {@code model.layers()} as Keras leaves it out, and listed by
 * {@code model.operations()}. Its constant arguments (the {@code 3.0}) belong to its single node, as in Keras, where
 * every call creates a new operation.
 */
public final class Operation extends BaseLayer<Operation> implements CallArguments {
  /** Operations of two arguments, tensors or numbers. */
  private static final Set<String> BINARY = Set.of("Add", "Subtract", "Multiply", "TrueDivide", "Divide", "Maximum",
      "Minimum", "Power");
  /** Operations of one tensor. */
  private static final Set<String> UNARY = Set.of("Negative", "Abs", "Sqrt", "Square", "Exp", "Log", "Tanh", "Relu",
      "Relu6", "Sigmoid", "HardSigmoid", "HardSilu", "HardSwish", "Silu", "Swish", "Softplus", "Sin", "Cos");
  /** The operations of {@code keras.src.ops.nn}; the others are {@code keras.src.ops.numpy}'s. */
  private static final Set<String> NN = Set.of("Relu", "Relu6", "Sigmoid", "HardSigmoid", "HardSilu", "HardSwish",
      "Silu", "Swish", "Softplus");

  private final String function;
  private final String module;
  private final Map<String, Object> config;
  private List<Object> arguments;
  private Map<String, Object> keywords = Map.of();

  /** A marker for the {@code index}-th tensor argument in the recorded arguments. */
  private record Slot(int index) {}

  private Operation(String function, String module, Map<String, Object> config) {
    if (!isKnown(function)) {
      throw new IllegalArgumentException("Unknown Keras operation " + function + " (module " + module
          + "). Expected one of " + new java.util.TreeSet<>(BINARY) + " or " + new java.util.TreeSet<>(UNARY));
    }
    this.function = function;
    this.module = module;
    this.config = new LinkedHashMap<>(config);
    if (config.get("name") instanceof String n) {
      name(n);
    } else {
      this.config.put("name", name());
    }
  }

  /**
   * The operation of a config entry: {@code {"module": ..., "class_name": "Add", "config": {"name": ...}}};
   * {@code module} null (a legacy {@code .h5} config) for Keras' module of {@code function}.
   */
  public static Operation fromConfig(String function, String module, Map<String, Object> config) {
    return new Operation(function, module == null ? moduleOf(function) : module, config);
  }

  /** Whether keras4j evaluates the Keras operation of class name {@code function}. */
  public static boolean isKnown(String function) {
    return BINARY.contains(function) || UNARY.contains(function);
  }

  private static String moduleOf(String function) {
    return NN.contains(function) ? "keras.src.ops.nn" : "keras.src.ops.numpy";
  }

  /**
   * Applies the operation {@code function} (Keras' class name: "Add", "Relu", ...) to {@code args}: symbolic
   * tensors and numbers, as Keras' {@code keras.ops} function of that name takes them.
   */
  public static KerasTensor call(String function, Object... args) {
    Operation op = new Operation(function, moduleOf(function), Map.of("name", io.keras4j.backend.Backend.uniqueName(
        io.keras4j.utils.Names.toSnakeCase(function))));
    List<KerasTensor> out = op.applyNode(List.of(args), Map.of());
    return out.get(0);
  }

  /** Keras' class name of the operation ("Add", "Relu", ...). */
  public String function() {
    return function;
  }

  /** Keras' module of the operation ("keras.src.ops.numpy", "keras.src.ops.nn"). */
  @Override
  public String kerasModule() {
    return module;
  }

  @Override
  public List<KerasTensor> applyNode(List<Object> args, Map<String, Object> kwargs) {
    if (arguments != null) {
      throw new IllegalArgumentException("Operation '" + name() + "' (" + function + ") is already called; Keras "
          + "records one node per operation");
    }
    int expected = BINARY.contains(function) ? 2 : 1;
    if (args.size() != expected || !kwargs.isEmpty()) {
      throw new IllegalArgumentException("Operation '" + name() + "' (" + function + ") takes " + expected
          + " positional argument(s) and no keyword arguments. Received: args=" + args + ", kwargs=" + kwargs);
    }
    List<Object> recorded = new ArrayList<>();
    List<KerasTensor> tensors = new ArrayList<>();
    for (Object a : args) {
      if (a instanceof KerasTensor t) {
        recorded.add(new Slot(tensors.size()));
        tensors.add(t);
      } else if (a instanceof Number) {
        recorded.add(a);
      } else {
        throw new IllegalArgumentException("Operation '" + name() + "' (" + function + "): expected tensors or "
            + "numbers as arguments. Received: " + a);
      }
    }
    if (tensors.isEmpty()) {
      throw new IllegalArgumentException("Operation '" + name() + "' (" + function + ") needs a tensor argument. "
          + "Received: " + args);
    }
    this.arguments = recorded;
    this.keywords = Map.copyOf(kwargs);
    return apply(tensors);
  }

  @Override
  public Map<String, Object> nodeArguments(List<Object> serializedInputs) {
    List<Object> args = new ArrayList<>();
    for (Object a : arguments) {
      args.add(a instanceof Slot s ? serializedInputs.get(s.index()) : a);
    }
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("args", args);
    node.put("kwargs", keywords);
    return node;
  }

  /** Keras writes no build config for an operation. */
  @Override
  public Map<String, Object> buildConfig(List<Object> inputShapes) {
    return null;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, boolean training) {
    List<Tensor> values = new ArrayList<>();
    for (Object a : arguments) {
      values.add(a instanceof Slot s ? inputs.get(s.index()) : ops().constant(((Number) a).floatValue()));
    }
    return List.of(values.size() == 2 ? binary(values.get(0), values.get(1)) : unary(values.get(0)));
  }

  private Tensor binary(Tensor a, Tensor b) {
    return switch (function) {
      case "Add" -> ops().add(a, b);
      case "Subtract" -> ops().subtract(a, b);
      case "Multiply" -> ops().multiply(a, b);
      case "TrueDivide", "Divide" -> ops().divide(a, b);
      case "Maximum" -> ops().maximum(a, b);
      case "Minimum" -> ops().minimum(a, b);
      default -> ops().pow(a, b);
    };
  }

  private Tensor unary(Tensor x) {
    return switch (function) {
      case "Negative" -> ops().negative(x);
      case "Abs" -> ops().abs(x);
      case "Sqrt" -> ops().sqrt(x);
      case "Square" -> ops().square(x);
      case "Exp" -> ops().exp(x);
      case "Log" -> ops().log(x);
      case "Tanh" -> ops().tanh(x);
      case "Relu" -> ops().relu(x);
      case "Relu6" -> ops().clip(x, 0f, 6f);
      case "Sigmoid" -> ops().sigmoid(x);
      case "HardSigmoid" -> hardSigmoid(x);
      case "HardSilu", "HardSwish" -> ops().multiply(x, hardSigmoid(x));
      case "Silu", "Swish" -> ops().multiply(x, ops().sigmoid(x));
      case "Softplus" -> ops().softplus(x);
      case "Sin" -> ops().sin(x);
      default -> ops().cos(x);
    };
  }

  /** Keras 3's hard_sigmoid: {@code relu6(x + 3) / 6}. */
  private static Tensor hardSigmoid(Tensor x) {
    return ops().multiply(ops().clip(ops().add(x, 3f), 0f, 6f), 1f / 6f);
  }

  /** Keras' config of the operation: its name (and any constructor arguments the file recorded). */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>(config);
    c.put("name", name());
    return c;
  }
}
