package io.keras4j.backend;

import java.util.List;
import java.util.function.UnaryOperator;

/** An {@link RnnStep} of a forward step, a vector-Jacobian product, a projection and its rowwise mark given apart. */
final class ComposedRnnStep implements RnnStep {
  private final RnnStep forward;
  private final VjpFunction vjp;
  private final UnaryOperator<List<Tensor>> projection;
  private final boolean rowwise;

  ComposedRnnStep(RnnStep forward, VjpFunction vjp, UnaryOperator<List<Tensor>> projection, boolean rowwise) {
    this.forward = forward;
    this.vjp = vjp;
    this.projection = projection;
    this.rowwise = rowwise;
  }

  @Override
  public boolean rowwise() {
    return rowwise;
  }

  @Override
  public Output apply(List<Tensor> inputs, List<Tensor> states) {
    return forward.apply(inputs, states);
  }

  @Override
  public Vjp vjp(List<Tensor> inputs, List<Tensor> states, Tensor dOutput, List<Tensor> dStates) {
    return vjp.vjp(inputs, states, List.of(), dOutput, dStates);
  }

  @Override
  public Vjp vjp(List<Tensor> inputs, List<Tensor> states, List<Tensor> saved, Tensor dOutput,
      List<Tensor> dStates) {
    return vjp.vjp(inputs, states, saved, dOutput, dStates);
  }

  @Override
  public List<Tensor> project(List<Tensor> sequences) {
    return projection.apply(sequences);
  }
}
