package io.keras4j.layers;

import io.keras4j.backend.Variable;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.regularizers.Regularizer;
import java.util.Map;

/**
 * The base of the convolutions with {@code filters} and one {@code kernel}: Conv1D/2D/3D and the transposed
 * convolutions.
 *
 * <p>Keras equivalent: the {@code filters} and {@code kernel_initializer="glorot_uniform"},
 * {@code kernel_regularizer=None}, {@code kernel_constraint=None} arguments of
 * {@code keras.src.layers.convolutional.base_conv.BaseConv} and {@code BaseConvTranspose}.
 * <pre>{@code new Conv2D(32, 3).kernelInitializer("he_normal").kernelRegularizer(new L2(1e-4))}</pre>
 *
 * @param <T> the concrete layer class
 */
public abstract class BaseKernelConv<T extends BaseKernelConv<T>> extends BaseConv<T> {
  private final int filters;
  private Variable kernel;

  protected BaseKernelConv(int rank, int filters, int... kernelSize) {
    super(rank, kernelSize, "kernel");
    if (filters <= 0) {
      throw new IllegalArgumentException("Invalid value for argument `filters`. Expected a strictly positive value. "
          + "Received filters=" + filters);
    }
    this.filters = filters;
  }

  /** The number of output channels (Keras' {@code filters}). */
  public int filters() {
    return filters;
  }

  /** Sets the kernel's initializer (Keras' {@code kernel_initializer=}). Default {@code GlorotUniform}. */
  public T kernelInitializer(Initializer initializer) {
    return setInitializer("kernel", initializer);
  }

  /** Sets the kernel's initializer by name, such as "he_normal". Default "glorot_uniform". */
  public T kernelInitializer(String initializer) {
    return kernelInitializer(Initializers.get(initializer));
  }

  /** Sets the kernel's regularizer (Keras' {@code kernel_regularizer=}); null for none. Default none. */
  public T kernelRegularizer(Regularizer regularizer) {
    return setRegularizer("kernel", regularizer);
  }

  /** Sets the kernel's regularizer by name ("l1", "l2", "l1_l2"). Default none. */
  public T kernelRegularizer(String regularizer) {
    return kernelRegularizer(Regularizer.get(regularizer));
  }

  /** Sets the kernel's constraint (Keras' {@code kernel_constraint=}); null for none. Default none. */
  public T kernelConstraint(Constraint constraint) {
    return setConstraint("kernel", constraint);
  }

  /** Sets the kernel's constraint by name ("max_norm", "non_neg", "unit_norm", "min_max_norm"). Default none. */
  public T kernelConstraint(String constraint) {
    return kernelConstraint(Constraint.get(constraint));
  }

  /** Adds the kernel weight of {@code shape}. */
  protected final Variable addKernel(io.keras4j.backend.Shape shape) {
    kernel = addKernel("kernel", "kernel", shape);
    return kernel;
  }

  /** The kernel, or null before building. */
  public Variable kernel() {
    return kernel;
  }

  @Override
  protected void addOwnConfig(Map<String, Object> config) {
    config.put("filters", filters);
  }
}
