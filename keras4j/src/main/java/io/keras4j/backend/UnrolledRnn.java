package io.keras4j.backend;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link Ops#rnn} with {@code unroll}: one copy of the step per time step, written with any engine's {@link Ops}.
 *
 * <p>Keras equivalent: the {@code unroll=True} branch of {@code keras.src.backend.tensorflow.rnn.rnn}: masked steps
 * keep the previous states and repeat the previous output (zeros before the first step).
 */
public final class UnrolledRnn {
  private UnrolledRnn() {}

  /** {@link Ops#rnn} unrolled over the static number of time steps of {@code inputs}. */
  public static RnnResult run(Ops ops, RnnStep step, List<Tensor> inputs, List<Tensor> initialStates, Tensor mask,
      boolean goBackwards, boolean zeroOutputForMask, boolean returnAllOutputs) {
    int steps = timeSteps(inputs);
    inputs = step.project(inputs);
    Tensor boolMask = mask == null ? null : "bool".equals(mask.dtype()) ? mask : ops.cast(mask, "bool");
    List<Tensor> states = new ArrayList<>(initialStates);
    List<Tensor> outputs = new ArrayList<>();
    Tensor lastMask = null;
    for (int i = 0; i < steps; i++) {
      int t = goBackwards ? steps - 1 - i : i;
      List<Tensor> in = new ArrayList<>();
      for (Tensor x : inputs) {
        in.add(timeSlice(ops, x, t));
      }
      RnnStep.Output out = step.apply(in, states);
      checkStates(states, out.states());
      Tensor output = out.output();
      if (boolMask != null) {
        Tensor m = timeSlice(ops, boolMask, t);
        Tensor prev = outputs.isEmpty() ? ops.zerosLike(output) : outputs.get(outputs.size() - 1);
        output = ops.where(expandTo(ops, m, output), output, prev);
        List<Tensor> kept = new ArrayList<>();
        for (int s = 0; s < states.size(); s++) {
          kept.add(ops.where(expandTo(ops, m, states.get(s)), out.states().get(s), states.get(s)));
        }
        states = kept;
        lastMask = m;
      } else {
        states = new ArrayList<>(out.states());
      }
      if (!returnAllOutputs) {
        outputs.clear();
      }
      outputs.add(output);
    }
    Tensor last = outputs.get(outputs.size() - 1);
    Tensor stacked = ops.stack(outputs, 1);
    if (zeroOutputForMask && boolMask != null) {
      last = ops.where(expandTo(ops, lastMask, last), last, ops.zerosLike(last));
      stacked = zeroMasked(ops, stacked, boolMask, goBackwards, returnAllOutputs, lastMask);
    }
    return new RnnResult(last, stacked, states);
  }

  /** The static number of time steps (axis 1) of the inputs. */
  static int timeSteps(List<Tensor> inputs) {
    checkInputs(inputs);
    long steps = inputs.get(0).shape().get(1);
    if (steps < 0) {
      throw new IllegalArgumentException("Unrolling requires a fixed number of timesteps. Received: input with shape "
          + inputs.get(0).shape());
    }
    return (int) steps;
  }

  /** Checks that there is an input and that each is at least (batch, time, features). */
  public static void checkInputs(List<Tensor> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("rnn needs at least one input of shape (batch, time, ...)");
    }
    for (Tensor x : inputs) {
      if (x.rank() < 3) {
        throw new IllegalArgumentException("rnn inputs must be at least 3D (batch, time, features...). Received: "
            + "input with shape " + x.shape());
      }
    }
  }

  /** {@code x[:, t]}. */
  static Tensor timeSlice(Ops ops, Tensor x, int t) {
    int[] begin = new int[x.rank()];
    int[] size = new int[x.rank()];
    java.util.Arrays.fill(size, -1);
    begin[1] = t;
    size[1] = 1;
    return ops.squeeze(ops.slice(x, begin, size), 1);
  }

  /** The (batch,) mask {@code m} with trailing axes of size 1 up to {@code x}'s rank. */
  static Tensor expandTo(Ops ops, Tensor m, Tensor x) {
    for (int r = m.rank(); r < x.rank(); r++) {
      m = ops.expandDims(m, -1);
    }
    return m;
  }

  private static void checkStates(List<Tensor> states, List<Tensor> next) {
    if (next.size() != states.size()) {
      throw new IllegalArgumentException("An RNN step must return as many states as it receives: expected "
          + states.size() + ", received " + next.size());
    }
  }

  private static Tensor zeroMasked(Ops ops, Tensor outputs, Tensor mask, boolean goBackwards, boolean all,
      Tensor lastMask) {
    Tensor m = all ? (goBackwards ? ops.flip(mask, 1) : mask) : ops.expandDims(lastMask, 1);
    for (int r = m.rank(); r < outputs.rank(); r++) {
      m = ops.expandDims(m, -1);
    }
    return ops.where(ops.broadcastTo(m, ops.shapeOf(outputs)), outputs, ops.zerosLike(outputs));
  }
}
