package io.keras4j.backend;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A model or optimizer state value: a layer weight, a metric accumulator, an optimizer slot.
 *
 * <p>Keras equivalent: {@code keras.Variable}. Its value lives on the host until a compiled graph uses it; the engine
 * then keeps the newest value in that graph's session and hands it back when it is read on the host or needed by
 * another graph, so one layer can be shared by several models. {@code float32} and {@code int64} are supported.
 * <pre>{@code Variable v = new Variable("kernel", Shape.of(3, 2), "float32", true, new float[6]);}</pre>
 */
public final class Variable {
  private final String name;
  private final Shape shape;
  private final String dtype;
  private final boolean trainable;
  private String path;
  private UnaryOperator<Tensor> constraint;
  private boolean autocast = true;

  // host copy and the engine's bookkeeping
  private float[] floats;
  /** The initial float32 value not computed yet (a random initializer's draw): made at first use, never when assigned. */
  private java.util.function.Supplier<float[]> initial;
  private long[] longs;
  private long version;
  private VariableHolder live;

  /** A float32 variable with the given initial value (row-major, copied). */
  public Variable(String name, Shape shape, String dtype, boolean trainable, float[] initial) {
    this(name, shape, dtype, trainable);
    if (!"float32".equals(dtype)) {
      throw new IllegalArgumentException("Variable '" + name + "': a float[] value needs dtype float32. Received: dtype=" + dtype);
    }
    checkSize(initial.length);
    this.floats = initial.clone();
  }

  /**
   * A float32 variable whose initial value {@code initial} makes at the value's first use, so that a value assigned
   * first (weights loaded from a file) is never drawn. Porting note: Keras draws every initial value when a layer is
   * built; the values seen are the same.
   */
  public Variable(String name, Shape shape, boolean trainable, java.util.function.Supplier<float[]> initial) {
    this(name, shape, "float32", trainable);
    this.initial = java.util.Objects.requireNonNull(initial, "initial");
  }

  /** An int64 variable with the given initial value (row-major, copied). */
  public Variable(String name, Shape shape, boolean trainable, long[] initial) {
    this(name, shape, "int64", trainable);
    checkSize(initial.length);
    this.longs = initial.clone();
  }

  private Variable(String name, Shape shape, String dtype, boolean trainable) {
    if (!shape.isFullyDefined()) {
      throw new IllegalArgumentException("Variable '" + name + "' needs a fully defined shape. Received: shape=" + shape);
    }
    this.name = name;
    this.path = name;
    this.shape = shape;
    this.dtype = dtype;
    this.trainable = trainable;
  }

  private void checkSize(int n) {
    if (n != shape.size()) {
      throw new IllegalArgumentException("Variable '" + name + "' of shape " + shape + " needs " + shape.size()
          + " values. Received: " + n + " values");
    }
  }

  public String name() {
    return name;
  }

  /** The variable's path, such as {@code "dense/kernel"}. */
  public String path() {
    return path;
  }

  /** Sets the path (the owner's name plus the variable's name). */
  public void path(String path) {
    this.path = path;
  }

  public Shape shape() {
    return shape;
  }

  public String dtype() {
    return dtype;
  }

  /** Whether a layer's call reads it in the compute dtype of a mixed policy (Keras' {@code autocast=}). Default true. */
  public boolean autocast() {
    return autocast;
  }

  /** Sets whether reads in a layer's call are cast to its compute dtype (Keras' {@code autocast=}). Default true. */
  public void autocast(boolean autocast) {
    this.autocast = autocast;
  }

  public boolean trainable() {
    return trainable;
  }

  /** The constraint applied after each optimizer update, or null. */
  public UnaryOperator<Tensor> constraint() {
    return constraint;
  }

  /** Sets the constraint applied after each optimizer update (Keras' {@code constraint=}). */
  public void constraint(UnaryOperator<Tensor> constraint) {
    this.constraint = constraint;
  }

  /** Computes the deferred initial value, if any. */
  private synchronized void initialize() {
    if (initial != null) {
      float[] v = initial.get();
      checkSize(v.length);
      floats = v;
      initial = null;
    }
  }

  /** The current value, row-major (a copy). */
  public synchronized float[] floatValue() {
    initialize();
    refreshHost();
    if (floats == null) {
      throw new IllegalStateException("Variable '" + path + "' has dtype " + dtype + ", not float32");
    }
    return floats.clone();
  }

  /** The current value of an int64 variable, row-major (a copy). */
  public synchronized long[] longValue() {
    refreshHost();
    if (longs == null) {
      throw new IllegalStateException("Variable '" + path + "' has dtype " + dtype + ", not int64");
    }
    return longs.clone();
  }

  /** Assigns a new value from the host (Keras' {@code variable.assign(value)}). */
  public synchronized void assign(float[] value) {
    initial = null; // never drawn: replaced
    if (floats == null && !"float32".equals(dtype)) {
      throw new IllegalStateException("Variable '" + path + "' has dtype " + dtype + "; cannot assign float values");
    }
    checkSize(value.length);
    floats = value.clone();
    live = null;
    version++;
  }

  /** Assigns a new value to an int64 variable from the host. */
  public synchronized void assign(long[] value) {
    if (longs == null) {
      throw new IllegalStateException("Variable '" + path + "' has dtype " + dtype + "; cannot assign int64 values");
    }
    checkSize(value.length);
    longs = value.clone();
    live = null;
    version++;
  }

  /** Sets every element to zero. */
  public synchronized void reset() {
    if ("float32".equals(dtype)) {
      assign(new float[Math.toIntExact(shape.size())]);
    } else {
      assign(new long[longs.length]);
    }
  }

  private void refreshHost() {
    if (live != null) {
      VariableHolder holder = live;
      live = null;
      holder.pull(this);
      version++;
      holder.synced(this, version);
    }
  }

  // ---- for Engine implementations: a VariableHolder keeps the engine's copy in step with the host ----

  /**
   * For engines: makes sure {@code holder}'s copy is the newest, pulling from another holder or pushing the host
   * value as needed.
   */
  public synchronized void syncTo(VariableHolder holder) {
    if (live == holder) {
      return;
    }
    refreshHost();
    if (holder.syncedVersion(this) != version) {
      holder.push(this);
      holder.synced(this, version);
    }
  }

  /** For engines: {@code holder} changed the value, so it now holds the newest one. */
  public synchronized void changedIn(VariableHolder holder) {
    live = holder;
  }

  /** For engines: the host value, without copying; a holder writes it during {@link VariableHolder#pull}. */
  public Object hostBuffer() {
    initialize();
    return floats != null ? floats : longs;
  }

  /** For engines: replaces the host value during {@link VariableHolder#pull}. */
  public synchronized void hostBuffer(float[] value) {
    initial = null;
    floats = value;
  }

  /** For engines: replaces the host value during {@link VariableHolder#pull}. */
  public void hostBuffer(long[] value) {
    longs = value;
  }

  /**
   * Brings the newest values of {@code vars} home with one read per engine copy that holds some of them, rather than
   * one read per variable (what {@code getWeights} and saving do before reading many values).
   */
  public static void refreshAll(java.util.Collection<Variable> vars) {
    Map<VariableHolder, List<Variable>> byHolder = new java.util.IdentityHashMap<>();
    java.util.Set<Variable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Variable v : vars) {
      if (!seen.add(v)) {
        continue; // one variable under two names (a file's paths): read once
      }
      VariableHolder h;
      synchronized (v) {
        h = v.live;
      }
      if (h != null) {
        byHolder.computeIfAbsent(h, k -> new java.util.ArrayList<>()).add(v);
      }
    }
    byHolder.forEach((holder, list) -> {
      holder.prefetch(list);
      for (Variable v : list) {
        synchronized (v) {
          v.refreshHost();
        }
      }
    });
  }

  /** For engines: forgets a holder that is being closed, pulling the newest value home first. */
  public synchronized void release(VariableHolder holder) {
    if (live == holder) {
      refreshHost();
    }
  }

  @Override
  public String toString() {
    return "<Variable path=" + path + ", shape=" + shape + ", dtype=" + dtype + ", value="
        + (floats != null && live == null ? Arrays.toString(floats.length > 6 ? Arrays.copyOf(floats, 6) : floats) : "...")
        + ">";
  }
}
