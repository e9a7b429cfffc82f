package io.keras4j.backend;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name of an {@link Engine} implementation, read by {@link Engines} from the provider's class without creating
 * it, so that only the requested engine is instantiated. It must equal what the engine's {@link Engine#name()}
 * returns.
 * <pre>{@code @EngineName("tensorflow") public final class TensorFlowEngine implements Engine { ... }}</pre>
 *
 * <p>Keras equivalent: none (Keras imports the one backend module {@code KERAS_BACKEND} names). An engine without
 * this annotation is still found, by creating it once the annotated engines did not match.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EngineName {
  /** The engine's name, such as "tensorflow". */
  String value();
}
