package io.keras4j.backend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The entry point to the engine: the operations of the graph being traced, native arrays, and random seeds.
 *
 * <p>Keras equivalent: {@code keras.backend} and {@code keras.utils.set_random_seed}. The engine is chosen once, at
 * first use, by {@link Engines} ({@code -Dkeras4j.backend} or {@code KERAS_BACKEND}, default "tensorflow").
 * <pre>{@code Backend.setRandomSeed(42);   // same weights, same dropout masks, same shuffles}</pre>
 */
public final class Backend {
  private static final ThreadLocal<Deque<TraceScope>> SCOPES = ThreadLocal.withInitial(ArrayDeque::new);
  private static Random seeds = new Random();
  private static volatile Engine engine;

  private Backend() {}

  /**
   * The engine behind this backend, found by {@link Engines} at its first use; an engine started here also starts
   * preparing training ({@link Engine#prepareTraining}).
   */
  public static Engine engine() {
    Engine e = engine;
    return e != null ? e : start(true);
  }

  /**
   * The engine, as {@link #engine()}, for loading a model: an engine started by this call prepares only inference
   * (TensorFlow: its native library and a first session), and training when a model is compiled. A fresh JVM that
   * loads a file and predicts then spends none of its two or so cores on what only training needs.
   */
  public static Engine engineForInference() {
    Engine e = engine;
    return e != null ? e : start(false);
  }

  /**
   * Starts the engine for inference ({@link #engineForInference()}) and returns once its native runtime is loaded
   * (TensorFlow: its native library, one to two seconds of CPU in a fresh JVM), as Python's {@code import keras}
   * does. A service can call it at start-up, so that its first {@code Models.loadModel} and {@code predict} do not
   * pay for it; without it the first use loads the runtime, overlapped with reading the model. Repeated calls return
   * at once; a later {@code compile} still prepares training.
   * <pre>{@code Backend.loadRuntime();   // at start-up, before the first request
   * Model m = Models.loadModel(Path.of("mobilenet_v2.keras"));}</pre>
   *
   * @return the engine
   */
  public static Engine loadRuntime() {
    Engine e = engineForInference();
    e.loadRuntime();
    return e;
  }

  private static synchronized Engine start(boolean training) {
    if (engine == null) {
      Engine e = Engines.load(Engines.requested());
      if (training) {
        e.prepareTraining();
      }
      engine = e;
    }
    return engine;
  }

  /** The engine's name ("tensorflow"), as {@code keras.backend.backend()}. */
  public static String backend() {
    return engine().name();
  }

  /** Keras' default float type, "float32". */
  public static String floatx() {
    return "float32";
  }

  /** Whether {@code dtype} is a floating dtype (Keras' {@code backend.is_float_dtype}). */
  public static boolean isFloat(String dtype) {
    return dtype != null && (dtype.startsWith("float") || dtype.equals("bfloat16"));
  }

  /** Keras' fuzz factor, 1e-7. */
  public static float epsilon() {
    return 1e-7f;
  }

  /** The operations of the graph being traced; only valid inside {@link ComputeGraph#trace}. */
  public static Ops ops() {
    TraceScope scope = SCOPES.get().peek();
    if (scope == null) {
      throw new IllegalStateException("No graph is being traced: Backend.ops() is only available inside a layer's "
          + "call, a loss, a metric or an optimizer update while a model runs");
    }
    return scope.ops;
  }

  /** A new graph with its session. */
  public static ComputeGraph newGraph() {
    return engine().newGraph();
  }

  /** Copies {@code data} (row-major) into a native float32 array of {@code shape}. */
  public static NativeArray array(float[] data, Shape shape) {
    return engine().array(data, shape);
  }

  /** Copies {@code data} (row-major) into a native int32 array of {@code shape}. */
  public static NativeArray array(int[] data, Shape shape) {
    return engine().array(data, shape);
  }

  /**
   * Copies {@code array}'s values, cast to float32, into a native float32 array of its shape; a deferred array
   * ({@link HostArray#deferred}) goes straight from its Java array, without a flat Java copy.
   */
  public static NativeArray array(HostArray array) {
    return engine().array(array);
  }

  /** Writes a SavedModel of {@code fn} (see {@link Engine#exportSavedModel}). */
  public static void exportSavedModel(java.nio.file.Path dir, List<String> inputNames, List<Shape> inputShapes,
      Function<List<Tensor>, List<Tensor>> fn) {
    engine().exportSavedModel(dir, inputNames, inputShapes, fn);
  }

  /** Loads a SavedModel for inference. */
  public static SavedModelRunner loadSavedModel(java.nio.file.Path dir, String tag) {
    return engine().loadSavedModel(dir, tag);
  }

  /** A SavedModel signature to copy into traced graphs (see {@link ImportedFunction}). */
  public static ImportedFunction importSavedModel(java.nio.file.Path dir, String tag, String signature) {
    return engine().importSavedModel(dir, tag, signature);
  }

  /** The engine's own host array (a TensorFlow Java NdArray) as a HostArray, or null when it is not one. */
  public static HostArray hostArray(Object engineArray) {
    return engine().hostArray(engineArray);
  }

  /** A copy of {@code array} as the engine's own host array (a TensorFlow Java NdArray). */
  public static Object engineArray(HostArray array) {
    return engine().engineArray(array);
  }

  /** A native int32 scalar. */
  public static NativeArray scalar(int value) {
    return engine().array(new int[] {value}, Shape.scalar());
  }

  /**
   * The output shapes of {@code fn} on inputs of {@code inputShapes}, found by tracing it in a scratch graph.
   *
   * <p>Keras equivalent: {@code compute_output_spec}, which runs {@code call} on symbolic tensors.
   */
  public static List<Shape> traceShapes(List<Shape> inputShapes, List<String> dtypes,
      Function<List<Tensor>, List<Tensor>> fn) {
    try (ComputeGraph g = newGraph()) {
      List<Shape> out = new ArrayList<>();
      g.trace(() -> {
        Ops ops = ops();
        List<Tensor> in = new ArrayList<>();
        for (int i = 0; i < inputShapes.size(); i++) {
          in.add(ops.placeholder(dtypes.get(i), inputShapes.get(i)));
        }
        for (Tensor t : fn.apply(in)) {
          out.add(t.shape());
        }
        return List.of();
      });
      return out;
    }
  }

  // ---- names ----
  private static final java.util.Map<String, Integer> NAMES = new java.util.HashMap<>();

  /**
   * A unique name from {@code prefix}: {@code dense}, then {@code dense_1}, {@code dense_2}, as Keras names layers.
   */
  public static synchronized String uniqueName(String prefix) {
    Integer n = NAMES.get(prefix);
    NAMES.put(prefix, n == null ? 1 : n + 1);
    return n == null ? prefix : prefix + "_" + n;
  }

  /**
   * Resets automatic names and frees the data arrays kept from the last fit ({@link SpareArrays}) (Keras'
   * {@code keras.backend.clear_session()}).
   */
  public static synchronized void clearSession() {
    NAMES.clear();
    SpareArrays.clear();
  }

  // ---- random seeds ----

  /** Seeds every random choice keras4j makes: initializers, dropout, noise, shuffling (Keras' set_random_seed). */
  public static synchronized void setRandomSeed(long seed) {
    seeds = new Random(seed);
  }

  /** The next seed from the global seed generator. */
  public static synchronized long nextSeed() {
    return seeds.nextLong() & 0x7fffffffL;
  }

  /** A host-side random generator seeded from {@code seed}, or from the global generator when null. */
  public static Random random(Long seed) {
    return new Random(seed != null ? seed : nextSeed());
  }

  // ---- trace scopes, for Engine implementations ----

  /**
   * Runs {@code body} with {@code ops} as the current operations ({@link #ops()}), then restores the previous ones.
   *
   * <p>For {@link Engine} implementations: an engine's {@link ComputeGraph#trace} calls it around the traced body.
   */
  public static <T> T withOps(Ops ops, java.util.function.Supplier<T> body) {
    Deque<TraceScope> scopes = SCOPES.get();
    scopes.push(new TraceScope(ops));
    try {
      return body.get();
    } finally {
      scopes.pop();
    }
  }

  /** Records a loss added during the trace (Keras' {@code layer.add_loss}); summed into the training loss. */
  public static void addLoss(Tensor loss) {
    TraceScope scope = SCOPES.get().peek();
    if (scope == null) {
      throw new IllegalStateException("add_loss is only available while a model is traced");
    }
    scope.losses.add(loss);
  }

  /** The losses added in the current trace since the last {@link #takeLosses}, left in place. */
  public static List<Tensor> currentLosses() {
    TraceScope scope = SCOPES.get().peek();
    return scope == null ? List.of() : List.copyOf(scope.losses);
  }

  /** The losses added since the last call, removing them from the current trace. */
  public static List<Tensor> takeLosses() {
    TraceScope scope = SCOPES.get().peek();
    if (scope == null) {
      return List.of();
    }
    List<Tensor> l = new ArrayList<>(scope.losses);
    scope.losses.clear();
    return l;
  }

  /**
   * The mask attached to {@code x} by the layer that produced it, or null (Keras' {@code backend.get_keras_mask},
   * the tensor's {@code _keras_mask}): a boolean tensor of x's leading shape, false at the steps to skip.
   */
  public static Tensor getKerasMask(Tensor x) {
    TraceScope scope = SCOPES.get().peek();
    return scope == null || x == null ? null : scope.masks.get(x);
  }

  /** Attaches {@code mask} to {@code x} for the rest of this trace (Keras' {@code backend.set_keras_mask}). */
  public static void setKerasMask(Tensor x, Tensor mask) {
    TraceScope scope = SCOPES.get().peek();
    if (scope == null) {
      throw new IllegalStateException("set_keras_mask is only available while a model is traced");
    }
    if (mask == null) {
      scope.masks.remove(x);
    } else {
      scope.masks.put(x, mask);
    }
  }

  private static final class TraceScope {
    final Ops ops;
    final List<Tensor> losses = new ArrayList<>();
    final java.util.Map<Tensor, Tensor> masks = new java.util.IdentityHashMap<>();

    TraceScope(Ops ops) {
      this.ops = ops;
    }
  }
}
