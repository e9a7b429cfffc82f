package io.keras4j.plot;

import java.util.Locale;
import java.util.Set;

/**
 * The keyword arguments of Keras' {@code plot_model} and {@code model_to_dot}, as fluent setters.
 *
 * <p>Follows {@code keras/src/utils/model_visualization.py} (Keras 3.15.1). Each setter states Keras' default.
 * <pre>{@code
 * ModelVisualization.plotModel(model, Path.of("model.png"),
 *     new PlotModelOptions().showShapes(true).showLayerActivations(true).rankdir("LR"));
 * }</pre>
 *
 * <p>Porting note: Keras' {@code show_layer_names} defaults to {@code True} in {@code model_to_dot} but to
 * {@code False} in {@code plot_model}; an options object on which {@link #showLayerNames(boolean)} was not called
 * takes the default of the function it is given to. {@link #useGraphviz(boolean)} has no Keras equivalent (Keras
 * always renders through Graphviz; keras4j lays out and draws in Java unless told otherwise).
 */
public final class PlotModelOptions {
  private static final Set<String> RANKDIRS = Set.of("TB", "LR", "BT", "RL");
  private static final Set<String> SPLINES = Set.of("ortho", "curved", "polyline", "spline", "line");

  private boolean showShapes;
  private boolean showDtype;
  private Boolean showLayerNames;
  private String rankdir = "TB";
  private boolean expandNested;
  private int dpi = 200;
  private boolean showLayerActivations;
  private boolean showTrainable;
  private String splines = "ortho";
  private boolean useGraphviz;

  /** Whether to display shape information (Keras' {@code show_shapes}). Default: false. */
  public PlotModelOptions showShapes(boolean showShapes) {
    this.showShapes = showShapes;
    return this;
  }

  /** Whether to display the output dtypes (Keras' {@code show_dtype}). Default: false. */
  public PlotModelOptions showDtype(boolean showDtype) {
    this.showDtype = showDtype;
    return this;
  }

  /**
   * Whether to display layer names (Keras' {@code show_layer_names}). Default: true for
   * {@link ModelVisualization#modelToDot}, false for {@link ModelVisualization#plotModel}, as in Keras.
   */
  public PlotModelOptions showLayerNames(boolean showLayerNames) {
    this.showLayerNames = showLayerNames;
    return this;
  }

  /**
   * The direction of the plot (Keras' {@code rankdir}, Graphviz's attribute): "TB" (top to bottom), "LR" (left to
   * right), "BT" or "RL". Default: "TB".
   */
  public PlotModelOptions rankdir(String rankdir) {
    String r = rankdir == null ? "" : rankdir.toUpperCase(Locale.ROOT);
    if (!RANKDIRS.contains(r)) {
      throw new IllegalArgumentException("Invalid rankdir: expected one of TB, LR, BT, RL. Received: rankdir="
          + rankdir);
    }
    this.rankdir = r;
    return this;
  }

  /** Whether to expand nested Functional and Sequential models into clusters (Keras' {@code expand_nested}). Default: false. */
  public PlotModelOptions expandNested(boolean expandNested) {
    this.expandNested = expandNested;
    return this;
  }

  /** Image resolution in dots per inch (Keras' {@code dpi}); the image is 72 points to the inch. Default: 200. */
  public PlotModelOptions dpi(int dpi) {
    if (dpi <= 0 || dpi > 2400) {
      throw new IllegalArgumentException("Invalid dpi: expected 1 to 2400 dots per inch. Received: dpi=" + dpi);
    }
    this.dpi = dpi;
    return this;
  }

  /** Whether to display the activation of layers that have one (Keras' {@code show_layer_activations}). Default: false. */
  public PlotModelOptions showLayerActivations(boolean showLayerActivations) {
    this.showLayerActivations = showLayerActivations;
    return this;
  }

  /** Whether to display if a layer with weights is trainable (Keras' {@code show_trainable}). Default: false. */
  public PlotModelOptions showTrainable(boolean showTrainable) {
    this.showTrainable = showTrainable;
    return this;
  }

  /**
   * How edges are drawn (Keras' {@code splines}): "ortho" (right angles), "polyline", "line", "spline" or "curved".
   * The Java renderer draws "ortho" with right angles and the others as straight segments through the layout's
   * bend points; Graphviz draws each as named. Default: "ortho".
   */
  public PlotModelOptions splines(String splines) {
    if (!SPLINES.contains(splines)) {
      throw new IllegalArgumentException("Invalid splines: expected one of " + SPLINES + ". Received: splines="
          + splines);
    }
    this.splines = splines;
    return this;
  }

  /**
   * Keras' {@code layer_range}, which Keras 3 no longer supports: it raises, and so does this.
   *
   * @throws IllegalArgumentException always, with Keras' message
   */
  public PlotModelOptions layerRange(String first, String last) {
    throw new IllegalArgumentException("Argument `layer_range` is no longer supported. Received: layer_range=["
        + first + ", " + last + "]");
  }

  /**
   * Renders with Graphviz's {@code dot} program (as Keras does) instead of keras4j's Java layout and drawing; it must
   * be on the PATH. Not a Keras argument. Default: false (the Java renderer; {@code dot} is still used, when on the
   * PATH, for a file format the Java renderer does not write, such as PDF).
   */
  public PlotModelOptions useGraphviz(boolean useGraphviz) {
    this.useGraphviz = useGraphviz;
    return this;
  }

  public boolean showShapes() {
    return showShapes;
  }

  public boolean showDtype() {
    return showDtype;
  }

  /** The value set, or {@code whenUnset} (the default of the function called) when none was. */
  public boolean showLayerNamesOr(boolean whenUnset) {
    return showLayerNames != null ? showLayerNames : whenUnset;
  }

  public String rankdir() {
    return rankdir;
  }

  public boolean expandNested() {
    return expandNested;
  }

  public int dpi() {
    return dpi;
  }

  public boolean showLayerActivations() {
    return showLayerActivations;
  }

  public boolean showTrainable() {
    return showTrainable;
  }

  public String splines() {
    return splines;
  }

  public boolean useGraphviz() {
    return useGraphviz;
  }
}
