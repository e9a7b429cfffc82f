package io.keras4j.models;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain stack of layers, each with one input and one output.
 *
 * <p>Keras equivalent: {@code keras.Sequential(layers=None, name=None)}. The input shape comes from the first
 * layer's {@code inputShape}/{@code inputDim}, an {@link InputLayer}, or the first data seen.
 * <pre>{@code
 * Sequential model = new Sequential();
 * model.add(new Dense(32).inputDim(784));
 * model.add(new Activation("relu"));
 * model.add(new Dense(1).activation("sigmoid"));
 * }</pre>
 */
public class Sequential extends Model {
  private final List<Layer> stack = new ArrayList<>();
  private InputLayer inputLayer;
  private KerasTensor current;

  public Sequential() {}

  /** A model of the given layers, in order; the graph is connected once, after the last layer. */
  public Sequential(Layer... layers) {
    for (Layer l : layers) {
      add(l, false);
    }
    if (current != null && !stack.isEmpty()) {
      setGraph(List.of(inputLayer.output()), List.of(current));
    }
  }

  @Override
  public Sequential name(String name) {
    super.name(name);
    return this;
  }

  /** Adds a layer on top (Keras' {@code add}); the shapes are checked now when the input shape is known. */
  public void add(Layer layer) {
    add(layer, true);
  }

  /** Adds a layer; {@code connect} sets the model's graph at once (else the caller sets it after the last one). */
  private void add(Layer layer, boolean connect) {
    if (layer == null) {
      throw new IllegalArgumentException("Only instances of `keras.Layer` can be added to a Sequential model. "
          + "Received: null");
    }
    if (layer instanceof InputLayer in) {
      if (!stack.isEmpty() || inputLayer != null) {
        throw new IllegalArgumentException("Sequential model '" + name() + "' has already been configured to use "
            + "an input; an InputLayer can only be the first layer.");
      }
      inputLayer = in;
      current = in.output();
      return;
    }
    for (Layer l : stack) {
      if (l.name().equals(layer.name())) {
        throw new IllegalArgumentException("All layers added to a Sequential model should have unique names. Name '"
            + layer.name() + "' is already the name of a layer in this model.");
      }
    }
    if (current == null && stack.isEmpty() && layer.declaredInputShape() != null) {
      inputLayer = new InputLayer(layer.declaredInputShape(), null);
      current = inputLayer.output();
    }
    if (current != null) {
      current = layer.apply(current); // throws, naming the layer, when the shapes do not fit
      stack.add(layer);
      if (connect) {
        setGraph(List.of(inputLayer.output()), List.of(current));
      }
    } else {
      stack.add(layer);
    }
  }

  /** Removes the last layer (Keras' {@code pop}). */
  public void pop() {
    if (stack.isEmpty()) {
      throw new IllegalStateException("There are no layers in the model.");
    }
    stack.remove(stack.size() - 1);
    if (inputLayer != null) {
      rebuild();
    }
  }

  private void rebuild() {
    current = inputLayer.output();
    for (Layer l : stack) {
      current = l.apply(current);
    }
    setGraph(List.of(inputLayer.output()), List.of(current));
  }

  /** The layers, without the input layer (Keras' {@code Sequential.layers}). */
  @Override
  public List<Layer> layers() {
    return List.copyOf(stack);
  }

  @Override
  public void buildFor(Shape inputShape) {
    if (inputLayer != null) {
      return;
    }
    if (stack.isEmpty()) {
      throw new IllegalStateException("Sequential model '" + name() + "' has no layers to build");
    }
    inputLayer = new InputLayer(inputShape.with(0, Shape.UNKNOWN), null);
    rebuild();
  }

  @Override
  protected void ensureGraph(List<Tensor> in) {
    if (inputLayer == null) {
      buildFor(in.get(0).shape());
    }
  }

  /** True once the input shape is known and the layers are connected. */
  public boolean hasInput() {
    return inputLayer != null;
  }
}
