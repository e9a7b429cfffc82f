package io.keras4j.backend.tensorflow;

import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.Engine;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Shape;

/** The TensorFlow Java engine: graph mode, one session per {@link ComputeGraph}. */
public final class TensorFlowEngine implements Engine {
  static {
    NativeLogging.configure(); // before TensorFlow's native library loads
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
  public void exportSavedModel(java.nio.file.Path dir, java.util.List<String> inputNames,
      java.util.List<Shape> inputShapes,
      java.util.function.Function<java.util.List<io.keras4j.backend.Tensor>, java.util.List<io.keras4j.backend.Tensor>> fn) {
    TFSavedModels.export(dir, inputNames, inputShapes, fn);
  }

  @Override
  public io.keras4j.backend.SavedModelRunner loadSavedModel(java.nio.file.Path dir, String tag) {
    return TFSavedModels.load(dir, tag);
  }

  @Override
  public io.keras4j.backend.HostArray hostArray(Object engineArray) {
    return engineArray instanceof org.tensorflow.ndarray.NdArray<?> nd ? NdArrays.toHost(nd) : null;
  }
}
