package io.keras4j.activations;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras' activation functions, and their lookup by name.
 *
 * <p>Keras equivalent: {@code keras.activations} ({@code relu}, {@code sigmoid}, ..., {@code get}). Each takes
 * Keras' keyword arguments with Keras' defaults.
 * <pre>{@code ActivationFunction f = Activations.get("gelu"); Tensor y = Activations.relu(x, 0.0, 6.0, 0.0);}</pre>
 */
public final class Activations {
  private static final Map<String, ActivationFunction> BY_NAME = new LinkedHashMap<>();

  static {
    register("linear", x -> x);
    register("sigmoid", Activations::sigmoid);
    register("tanh", Activations::tanh);
    register("relu", Activations::relu);
    register("relu6", x -> relu(x, 0.0, 6.0, 0.0));
    register("leaky_relu", x -> leakyRelu(x, 0.2));
    register("elu", x -> elu(x, 1.0));
    register("selu", Activations::selu);
    register("softplus", Activations::softplus);
    register("softsign", Activations::softsign);
    register("softmax", x -> softmax(x, -1));
    register("log_softmax", x -> logSoftmax(x, -1));
    register("swish", Activations::silu);
    register("silu", Activations::silu);
    register("gelu", x -> gelu(x, false));
    register("hard_sigmoid", Activations::hardSigmoid);
    register("hard_swish", Activations::hardSilu);
    register("hard_silu", Activations::hardSilu);
    register("exponential", Activations::exponential);
    register("mish", Activations::mish);
  }

  private Activations() {}

  private static void register(String name, java.util.function.UnaryOperator<Tensor> fn) {
    BY_NAME.put(name, ActivationFunction.of(name, fn));
  }

  /** The registered names ("linear", "sigmoid", ...), for tests and tools. */
  public static java.util.List<String> names() {
    return java.util.List.copyOf(BY_NAME.keySet());
  }

  /**
   * The activation named {@code identifier} ("relu", "softmax", ...), the function itself, or linear for null.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static ActivationFunction get(Object identifier) {
    if (identifier == null) {
      return BY_NAME.get("linear");
    }
    if (identifier instanceof ActivationFunction f) {
      return f;
    }
    if (identifier instanceof String s) {
      ActivationFunction f = BY_NAME.containsKey(s) ? BY_NAME.get(s) : custom(s);
      if (f == null) {
        throw new IllegalArgumentException("Could not interpret activation function identifier: '" + s
            + "'. Expected one of " + BY_NAME.keySet());
      }
      return f;
    }
    throw new IllegalArgumentException("Could not interpret activation function identifier. Expected a String or "
        + "an ActivationFunction. Received: " + identifier);
  }

  /**
   * The custom activation {@code name} ("package>name" or a bare name) from a scope, the registered functions or
   * the running load's custom objects ({@code io.keras4j.saving.KerasObjects}), or null.
   */
  private static ActivationFunction custom(String name) {
    Object o = io.keras4j.saving.KerasObjects.custom(name, Map.of());
    if (o != null && !(o instanceof ActivationFunction)) {
      throw new IllegalArgumentException("The custom object '" + name + "' is a " + o.getClass().getName()
          + ", not an ActivationFunction");
    }
    return (ActivationFunction) o;
  }

  private static Ops ops() {
    return Backend.ops();
  }

  public static Tensor linear(Tensor x) {
    return x;
  }

  public static Tensor sigmoid(Tensor x) {
    return ops().sigmoid(x);
  }

  public static Tensor tanh(Tensor x) {
    return ops().tanh(x);
  }

  /** {@code max(x, 0)}. */
  public static Tensor relu(Tensor x) {
    return ops().relu(x);
  }

  /**
   * Keras' {@code relu(x, negative_slope=0.0, max_value=None, threshold=0.0)}: {@code x} above {@code threshold}
   * (capped at {@code maxValue} when not null), {@code negativeSlope * (x - threshold)} below it.
   */
  public static Tensor relu(Tensor x, double negativeSlope, Double maxValue, double threshold) {
    Ops ops = ops();
    if (negativeSlope == 0 && maxValue == null && threshold == 0) {
      return ops.relu(x);
    }
    if (negativeSlope != 0 && maxValue == null && threshold == 0) {
      return ops.leakyRelu(x, (float) negativeSlope);
    }
    Tensor negativePart = negativeSlope != 0 ? ops.relu(ops.add(ops.negative(x), (float) threshold)) : null;
    Tensor y;
    boolean clipMax = maxValue != null;
    if (threshold != 0) {
      y = ops.multiply(x, ops.cast(ops.greater(x, ops.constant((float) threshold)), x.dtype()));
    } else if (clipMax && maxValue == 6) {
      y = ops.relu6(x); // Keras: the native relu6 op, for performance
      clipMax = false;
    } else {
      y = ops.relu(x);
    }
    if (clipMax) {
      y = ops.clip(y, 0f, maxValue.floatValue());
    }
    if (negativePart != null) {
      y = ops.subtract(y, ops.multiply(negativePart, (float) negativeSlope));
    }
    return y;
  }

  /** {@code x} for x >= 0, {@code negativeSlope * x} otherwise (Keras' default slope 0.2). */
  public static Tensor leakyRelu(Tensor x, double negativeSlope) {
    return ops().leakyRelu(x, (float) negativeSlope);
  }

  /** {@code x} for x > 0, {@code alpha * (exp(x) - 1)} otherwise (Keras' default alpha 1.0). */
  public static Tensor elu(Tensor x, double alpha) {
    Ops ops = ops();
    if (alpha == 1.0) {
      return ops.elu(x);
    }
    return ops.where(ops.greater(x, ops.constant(0f)), x, ops.multiply(ops.expm1(x), (float) alpha));
  }

  /** Scaled ELU: scale 1.05070098, alpha 1.67326324. */
  public static Tensor selu(Tensor x) {
    return ops().selu(x);
  }

  /** {@code log(exp(x) + 1)}. */
  public static Tensor softplus(Tensor x) {
    return ops().softplus(x);
  }

  /** {@code x / (|x| + 1)}. */
  public static Tensor softsign(Tensor x) {
    return ops().softsign(x);
  }

  /** {@code exp(x) / sum(exp(x))} along {@code axis} (Keras' default -1). */
  public static Tensor softmax(Tensor x, int axis) {
    return ops().softmax(x, axis);
  }

  /** {@code x - log(sum(exp(x)))} along {@code axis} (Keras' default -1). */
  public static Tensor logSoftmax(Tensor x, int axis) {
    return ops().logSoftmax(x, axis);
  }

  /** {@code x * sigmoid(x)} (swish). */
  public static Tensor silu(Tensor x) {
    Ops ops = ops();
    return ops.multiply(x, ops.sigmoid(x));
  }

  /**
   * Gaussian error linear unit: {@code 0.5 x (1 + erf(x / sqrt 2))}, or with {@code approximate} the tanh form
   * {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}. Keras' default approximate=False.
   */
  public static Tensor gelu(Tensor x, boolean approximate) {
    Ops ops = ops();
    if (approximate) {
      Tensor inner = ops.multiply(ops.add(x, ops.multiply(ops.pow(x, 3f), 0.044715f)), (float) Math.sqrt(2 / Math.PI));
      return ops.multiply(ops.multiply(x, 0.5f), ops.add(ops.tanh(inner), 1f));
    }
    return ops.multiply(ops.multiply(x, 0.5f), ops.add(ops.erf(ops.multiply(x, (float) (1 / Math.sqrt(2)))), 1f));
  }

  /** Keras 3's {@code relu6(x + 3) / 6}: 0 below -3, 1 above 3, {@code x/6 + 0.5} between. */
  public static Tensor hardSigmoid(Tensor x) {
    Ops ops = ops();
    return ops.clip(ops.add(ops.multiply(x, 1f / 6f), 0.5f), 0f, 1f);
  }

  /** {@code x * hard_sigmoid(x)} (hard swish). */
  public static Tensor hardSilu(Tensor x) {
    return ops().multiply(x, hardSigmoid(x));
  }

  public static Tensor exponential(Tensor x) {
    return ops().exp(x);
  }

  /** {@code x * tanh(softplus(x))}. */
  public static Tensor mish(Tensor x) {
    Ops ops = ops();
    return ops.multiply(x, ops.tanh(ops.softplus(x)));
  }
}
