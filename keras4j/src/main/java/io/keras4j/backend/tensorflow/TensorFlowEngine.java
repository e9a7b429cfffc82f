package io.keras4j.backend.tensorflow;

import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.Engine;
import io.keras4j.backend.EngineName;
import io.keras4j.backend.ImportedFunction;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.SavedModelRunner;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The TensorFlow Java engine, "tensorflow": graph mode, one session per {@link ComputeGraph}.
 *
 * <p>Found by {@link io.keras4j.backend.Engines} through {@code META-INF/services/io.keras4j.backend.Engine} and the
 * module's {@code provides} clause; user code reaches it through {@link io.keras4j.backend.Backend}.
 */
@EngineName("tensorflow")
public final class TensorFlowEngine implements Engine {
  static {
    NativeLogging.configure(); // before TensorFlow's native library loads
    JavaCppAccounting.configure(); // before JavaCPP's Pointer class initializes
  }

  /** The constructor {@link java.util.ServiceLoader} calls; starts loading the native library ({@link TFWarmUp}). */
  public TensorFlowEngine() {
    TFWarmUp.start();
  }

  /** Starts loading the step loop's function classes ({@link TFWarmUp#startFunctions}). */
  @Override
  public void prepareTraining() {
    TFWarmUp.startFunctions();
  }

  /**
   * Loads TensorFlow's native library on this thread, or waits for the warm-up thread that is loading it (the JVM
   * initializes its binding class once; a second thread waits for the first).
   */
  @Override
  public void loadRuntime() {
    org.tensorflow.TensorFlow.version();
  }

  @Override
  public String name() {
    return "tensorflow";
  }

  @Override
  public ComputeGraph newGraph() {
    return new TFComputeGraph();
  }

  @Override
  public NativeArray array(float[] data, Shape shape) {
    return TFNativeArray.of(data, shape);
  }

  @Override
  public NativeArray array(int[] data, Shape shape) {
    return TFNativeArray.of(data, shape);
  }

  @Override
  public NativeArray array(io.keras4j.backend.HostArray array) {
    return TFNativeArray.of(array);
  }

  @Override
  public void exportSavedModel(Path dir, List<String> inputNames, List<Shape> inputShapes,
      Function<List<Tensor>, List<Tensor>> fn) {
    TFSavedModels.export(dir, inputNames, inputShapes, fn);
  }

  @Override
  public SavedModelRunner loadSavedModel(Path dir, String tag) {
    return TFSavedModels.load(dir, tag);
  }

  @Override
  public ImportedFunction importSavedModel(Path dir, String tag, String signature) {
    return TFGraphImport.load(dir, tag, signature);
  }

  @Override
  public io.keras4j.backend.HostArray hostArray(Object engineArray) {
    return engineArray instanceof org.tensorflow.ndarray.NdArray<?> nd ? NdArrays.toHost(nd) : null;
  }

  @Override
  public Object engineArray(io.keras4j.backend.HostArray array) {
    return NdArrays.toNdArray(array);
  }

  @Override
  public io.keras4j.backend.ProfileTrace startProfile() {
    return TFProfiler.start();
  }
}
