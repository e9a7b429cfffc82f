/**
 * keras4j: the Keras 3 API in Java, on TensorFlow Java.
 *
 * <p>Exports the API packages, which mirror Keras' public modules. The TensorFlow engine
 * ({@code io.keras4j.backend.tensorflow}) and internal helpers ({@code io.keras4j.utils}) are not exported; the engine
 * is found through {@link java.util.ServiceLoader} ({@link io.keras4j.backend.Engines}).
 */
module io.keras4j {
  requires tensorflow; // tensorflow-core-api; its protos come with tensorflow.nativelib, which it requires transitively
  requires org.tensorflow.ndarray;
  requires com.fasterxml.jackson.databind;
  requires io.jhdf;
  requires org.slf4j;
  requires com.sun.jna; // backend.tensorflow: NativeLogging sets the log level, DenormalFlush MXCSR, natively

  exports io.keras4j.activations;
  exports io.keras4j.backend;
  exports io.keras4j.callbacks;
  exports io.keras4j.constraints;
  exports io.keras4j.data;
  exports io.keras4j.initializers;
  exports io.keras4j.layers;
  exports io.keras4j.losses;
  exports io.keras4j.metrics;
  exports io.keras4j.models;
  exports io.keras4j.optimizers;
  exports io.keras4j.optimizers.schedules;
  exports io.keras4j.regularizers;
  exports io.keras4j.saving;

  uses io.keras4j.backend.Engine;

  provides io.keras4j.backend.Engine with io.keras4j.backend.tensorflow.TensorFlowEngine;
}
