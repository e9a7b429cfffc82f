package io.keras4j.layers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.constraints.Constraint;
import io.keras4j.data.NDArray;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.random.SeedGenerator;
import io.keras4j.regularizers.Regularizer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link Layer} tracks: its own weights with their regularizers, and the layers it is made of, whose weights
 * count as its own.
 *
 * <p>Keras equivalent: the tracking in {@code keras.layers.Layer} ({@code _trainable_variables},
 * {@code _non_trainable_variables}, {@code _layers}) behind its {@code weights}, {@code trainable_weights},
 * {@code get_weights}, {@code set_weights}, {@code count_params} and {@code losses}. Porting note: Keras tracks
 * attributes automatically; a keras4j layer registers each weight with {@code addWeight} and each inner layer with
 * {@code track}.
 */
final class LayerWeights {
  private final List<Variable> variables = new ArrayList<>();
  private final Map<Variable, Regularizer> regularizers = new IdentityHashMap<>();
  private final List<Layer> sublayers = new ArrayList<>();

  /** Tracks {@code v}, with {@code regularizer} on it unless that is null. */
  void add(Variable v, Regularizer regularizer) {
    if (regularizer != null) {
      regularizers.put(v, regularizer);
    }
    variables.add(v);
  }

  /**
   * A new weight of {@code layer}, tracked with its regularizer, as {@link Layer#addWeight} makes it: its size
   * checked before anything is allocated, its initializer bound (the values drawn at first use, so not for a weight
   * that is loaded), its path {@code layer/name} and its constraint set.
   */
  Variable addWeight(Layer layer, String name, Shape shape, Object initializer, Object regularizer,
      Object constraint, boolean trainable) {
    try {
      Initializer.checkedSize(shape); // before any allocation: a config may describe a huge layer
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Layer '" + layer.name() + "': weight '" + name + "': " + e.getMessage(), e);
    }
    Initializer init = Initializers.get(initializer == null ? "glorot_uniform" : initializer);
    Variable v = new Variable(name, shape, trainable, init.bind(shape)); // drawn at first use: not when loaded
    v.path(layer.name() + "/" + name);
    Constraint c = Constraint.get(constraint);
    if (c != null) {
      v.constraint(c);
    }
    add(v, Regularizer.get(regularizer));
    return v;
  }

  void track(Layer layer) {
    sublayers.add(layer);
  }

  List<Layer> sublayers() {
    return sublayers;
  }

  /** Own trainable, own non-trainable, then each tracked layer's weights not seen yet. */
  List<Variable> all() {
    List<Variable> w = own(true);
    w.addAll(own(false));
    for (Layer l : sublayers) {
      addNew(w, l.weights());
    }
    return w;
  }

  /** Own trainable weights, then each tracked layer's trainable weights not seen yet. */
  List<Variable> trainable() {
    List<Variable> w = own(true);
    for (Layer l : sublayers) {
      addNew(w, l.trainableWeights());
    }
    return w;
  }

  private List<Variable> own(boolean trainable) {
    List<Variable> w = new ArrayList<>();
    for (Variable v : variables) {
      if (v.trainable() == trainable) {
        w.add(v);
      }
    }
    return w;
  }

  private static void addNew(List<Variable> to, List<Variable> from) {
    for (Variable v : from) {
      if (!to.contains(v)) {
        to.add(v);
      }
    }
  }

  /** The weights of {@code all} not in {@code trainable}, in order (Keras' {@code non_trainable_weights}). */
  static List<Variable> without(List<Variable> all, List<Variable> trainable) {
    List<Variable> w = new ArrayList<>();
    for (Variable v : all) {
      if (!trainable.contains(v)) {
        w.add(v);
      }
    }
    return w;
  }

  /** The number of values of {@code weights} (Keras' {@code count_params}). */
  static long count(List<Variable> weights) {
    long n = 0;
    for (Variable v : weights) {
      n += v.shape().size();
    }
    return n;
  }

  /** The values of {@code weights} with their shapes, int64 weights as longs. */
  static List<NDArray> values(List<Variable> weights) {
    List<NDArray> out = new ArrayList<>();
    Variable.refreshAll(weights);
    for (Variable v : weights) {
      Object values = "int64".equals(v.dtype()) ? v.longValue() : v.floatValue();
      out.add(NDArray.of(new HostArray(values, v.shape())));
    }
    return out;
  }

  /**
   * Assigns {@code values} to {@code weights} of {@code layer}, after checking the count and every shape, so a
   * mismatch changes no weight; the error names the layer that made the weight.
   */
  void assign(Layer layer, List<Variable> weights, List<?> values) {
    if (values.size() != weights.size()) {
      throw new IllegalArgumentException("You called `set_weights(weights)` on layer '" + layer.name()
          + "' with a weight list of length " + values.size() + ", but the layer was expecting " + weights.size()
          + " weights.");
    }
    List<NDArray> arrays = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      NDArray a = NDArray.of(values.get(i));
      Shape expected = weights.get(i).shape();
      if (!expected.equals(Shape.of(a.shape()))) {
        Layer owner = Objects.requireNonNullElse(ownerOf(layer, weights.get(i)), layer);
        throw new IllegalArgumentException("Layer '" + owner.name() + "': weight '" + weights.get(i).name()
            + "' expects shape " + expected + ", received " + Shape.of(a.shape()));
      }
      arrays.add(a);
    }
    for (int i = 0; i < weights.size(); i++) {
      if ("int64".equals(weights.get(i).dtype())) {
        weights.get(i).assign(arrays.get(i).toLongArray());
      } else {
        weights.get(i).assign(arrays.get(i).toFloatArray());
      }
    }
  }

  /** The layer, {@code self} or one it tracks at any depth, that created {@code v}, or null. */
  Layer ownerOf(Layer self, Variable v) {
    if (variables.contains(v)) {
      return self;
    }
    for (Layer l : sublayers) {
      Layer owner = l.tracked().ownerOf(l, v);
      if (owner != null) {
        return owner;
      }
    }
    return null;
  }

  /**
   * The regularization losses of the own weights, then of each tracked layer's, in the graph being traced; none, and no
   * graph needed, when no weight has a regularizer.
   */
  List<Tensor> regularizationLosses() {
    List<Tensor> out = new ArrayList<>();
    for (Map.Entry<Variable, Regularizer> e : regularizers.entrySet()) {
      out.add(e.getValue().call(Backend.ops().read(e.getKey())));
    }
    for (Layer l : sublayers) {
      out.addAll(l.regularizationLosses());
    }
    return out;
  }

  /** The random generators of the tracked layers. */
  List<SeedGenerator> seedGenerators() {
    List<SeedGenerator> out = new ArrayList<>();
    for (Layer l : sublayers) {
      out.addAll(l.seedGenerators());
    }
    return out;
  }
}
