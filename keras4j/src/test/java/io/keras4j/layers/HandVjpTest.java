package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.RnnStep;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.models.Model;
import io.keras4j.optimizers.SGD;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LSTMCell's and GRUCell's hand vector-Jacobian products (the symbolic loop's backward step): used by default, their
 * gradients against central finite differences with masks, {@code go_backwards} and {@code zero_output_for_mask},
 * and equal to TensorFlow's gradients of the re-traced step ({@code -Dkeras4j.rnn.handVjp=false}). The finite
 * differences use the last output: with {@code return_sequences} the mask reaches the loss, which the check's plain
 * mean squared error does not skip.
 */
class HandVjpTest {
  private static final String OFF = "keras4j.rnn.handVjp";
  /** The hand products given by the counting cells (tests run one at a time). */
  private static final AtomicInteger HAND = new AtomicInteger();

  @BeforeEach
  void resetCount() {
    HAND.set(0);
  }

  @Test
  void lstmMaskedBackwardsAgainstFiniteDifferences() {
    RecurrentGradientTest.check("LSTM, hand product, masked, go_backwards",
        () -> new RNN(countingLstm(2)).goBackwards(true), 0, true);
    assertTrue(HAND.get() > 0, "the backward loop used LSTMCell's hand product");
  }

  @Test
  void lastOutputFoldedIntoTheStateGradientAgainstFiniteDifferences() {
    // no mask and the last output only: the output is the state h, whose gradient takes the output's before the
    // backward loop, and every backward step gets a null dOutput
    AtomicInteger nullOutputGradients = new AtomicInteger();
    for (BaseGatedRNNCell<?> cell : List.of(foldedLstm(nullOutputGradients), countingGru(2, true))) {
      HAND.set(0);
      RecurrentGradientTest.check("last output, no mask: " + cell.getClass().getSuperclass().getSimpleName(),
          () -> new RNN(cell), 0, false);
      assertTrue(HAND.get() > 0, "the backward loop used the hand product");
    }
    assertTrue(nullOutputGradients.get() > 0, "the LSTM's backward step had its output's gradient folded into h's");
  }

  /** A counting LSTMCell that also counts the products it gives for a null {@code dOutput}. */
  private static LSTMCell foldedLstm(AtomicInteger nullOutputGradients) {
    return new LSTMCell(2) {
      @Override
      protected RnnStep.Vjp callProjectedVjp(Tensor p, List<Tensor> s, List<Tensor> saved, Tensor dOut,
          List<Tensor> dS, boolean train) {
        if (dOut == null) {
          nullOutputGradients.incrementAndGet();
        }
        return counted(super.callProjectedVjp(p, s, saved, dOut, dS, train));
      }
    };
  }

  @Test
  void lstmSavedGatesMaskedBackwardsAgainstFiniteDifferences() {
    // the backward step reads the gates and tanh(c) the training step saved; inference steps save nothing
    AtomicInteger savedRead = new AtomicInteger();
    AtomicInteger savedTraining = new AtomicInteger();
    AtomicInteger savedInference = new AtomicInteger();
    LSTMCell cell = new LSTMCell(2) {
      @Override
      protected RnnStep.Output callProjected(Tensor p, List<Tensor> s, boolean train) {
        RnnStep.Output out = super.callProjected(p, s, train);
        (train ? savedTraining : savedInference).addAndGet(out.saved().size());
        return out;
      }

      @Override
      protected RnnStep.Vjp callProjectedVjp(Tensor p, List<Tensor> s, List<Tensor> saved, Tensor dOut,
          List<Tensor> dS, boolean train) {
        readSaved(savedRead, saved, 10); // i, f, g, o and tanh(c) of 2 units
        return super.callProjectedVjp(p, s, saved, dOut, dS, train);
      }
    };
    RecurrentGradientTest.check("LSTM, saved gates, masked, go_backwards",
        () -> new RNN(cell).goBackwards(true), 0, true);
    assertTrue(savedRead.get() > 0, "the backward step read the saved gates");
    assertTrue(savedTraining.get() > 0, "the training step saved its gates");
    assertEquals(0, savedInference.get(), "an inference step saves nothing");
  }

  @Test
  void gruSavedGatesMaskedAgainstFiniteDifferences() {
    AtomicInteger savedRead = new AtomicInteger();
    GRUCell cell = new GRUCell(2) {
      @Override
      protected RnnStep.Vjp callProjectedVjp(Tensor p, List<Tensor> s, List<Tensor> saved, Tensor dOut,
          List<Tensor> dS, boolean train) { // the GRU's saved path
        readSaved(savedRead, saved, 8); // z, r, n and u_h of 2 units
        return super.callProjectedVjp(p, s, saved, dOut, dS, train);
      }
    };
    RecurrentGradientTest.check("GRU, saved gates, masked, go_backwards",
        () -> new RNN(cell).goBackwards(true), 0, true);
    assertTrue(savedRead.get() > 0, "the backward step read the saved gates");
  }

  @Test
  void gruMaskedZeroOutputAgainstFiniteDifferences() {
    RecurrentGradientTest.check("GRU, hand product, masked, zero_output_for_mask",
        () -> new RNN(countingGru(2, true)).zeroOutputForMask(true), 0, true);
    assertTrue(HAND.get() > 0, "the backward loop used GRUCell's hand product");
  }

  @Test
  void gruLastOutputBackwardsAgainstFiniteDifferences() {
    RecurrentGradientTest.check("GRU, hand product, go_backwards",
        () -> new RNN(countingGru(2, true)).goBackwards(true), 0, true);
    assertTrue(HAND.get() > 0, "the backward loop used GRUCell's hand product");
  }

  @Test
  void lstmProductOfAnotherTensorSummedPerStepAgainstFiniteDifferences() {
    // the recurrent kernel's product given with a copy of h', which is no state row: the backward loop sums it per
    // step instead of after the loop
    LSTMCell cell = new LSTMCell(2) {
      @Override
      protected RnnStep.Vjp callProjectedVjp(Tensor p, List<Tensor> s, List<Tensor> saved, Tensor dOut,
          List<Tensor> dS, boolean train) {
        RnnStep.Vjp v = counted(super.callProjectedVjp(p, s, saved, dOut, dS, train));
        java.util.Map<Tensor, List<Tensor>> products = new java.util.LinkedHashMap<>();
        v.capturedProducts().forEach((w, ab) -> products.put(w, List.of(ops().identity(ab.get(0)), ab.get(1))));
        return new RnnStep.Vjp(v.inputs(), v.states(), v.captured(), products);
      }
    };
    RecurrentGradientTest.check("LSTM, product summed per step, masked", () -> new RNN(cell), 0, true);
    assertTrue(HAND.get() > 0, "the backward loop used the hand product");
  }

  @Test
  void noHandProductForOtherActivationsOrResetBefore() {
    RecurrentGradientTest.check("LSTM tanh gates",
        () -> new RNN(countingLstm(2).recurrentActivation("tanh")), 0, true);
    RecurrentGradientTest.check("GRU reset_before", () -> new RNN(countingGru(2, false)), 0, false);
    assertEquals(0, HAND.get());
  }

  @Test
  void handProductsEqualTensorFlowsGradients() {
    for (boolean lstm : new boolean[] {true, false}) {
      Supplier<BaseRNN<?>> make = () -> new RNN(lstm ? new LSTMCell(3) : new GRUCell(3)).goBackwards(true)
          .returnSequences(true);
      List<float[]> hand = sgdStep(make);
      List<float[]> generic;
      System.setProperty(OFF, "false");
      try {
        generic = sgdStep(make);
      } finally {
        System.clearProperty(OFF);
      }
      for (int w = 0; w < hand.size(); w++) {
        for (int i = 0; i < hand.get(w).length; i++) {
          assertEquals(generic.get(w)[i], hand.get(w)[i], 1e-5, (lstm ? "LSTM" : "GRU") + " weight " + w + "[" + i
              + "]");
        }
      }
    }
  }

  /** The change of each weight in one SGD(1) step of mse through Masking -> the layer, from fixed data. */
  private static List<float[]> sgdStep(Supplier<BaseRNN<?>> make) {
    BaseRNN<?> layer = make.get();
    KerasTensor x = Input.of(5, 2);
    KerasTensor out = layer.apply(new Masking().apply(x));
    try (Model model = new Model(x, out)) {
      model.compile(new SGD(1.0), "mse");
      Random r = new Random(5);
      for (Variable v : layer.weights()) {
        v.assign(gaussians(r, (int) v.shape().size(), 0.5));
      }
      float[] seq = gaussians(r, 3 * 5 * 2, 1);
      for (int[] sampleStep : new int[][] {{0, 0}, {2, 4}, {1, 2}}) { // masked: all features 0
        int from = (sampleStep[0] * 5 + sampleStep[1]) * 2;
        java.util.Arrays.fill(seq, from, from + 2, 0f);
      }
      Shape outShape = out.shape().with(0, 3);
      HostArray y = new HostArray(gaussians(r, (int) outShape.size(), 0.5), outShape);
      List<float[]> before = layer.weights().stream().map(Variable::floatValue).toList();
      model.trainOnBatch(new HostArray(seq, Shape.of(3, 5, 2)), y);
      List<float[]> delta = new ArrayList<>();
      for (int w = 0; w < before.size(); w++) {
        float[] after = layer.weights().get(w).floatValue();
        float[] d = new float[after.length];
        for (int i = 0; i < d.length; i++) {
          d[i] = after[i] - before.get(w)[i];
        }
        delta.add(d);
      }
      return delta;
    }
  }

  private static float[] gaussians(Random r, int n, double scale) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (r.nextGaussian() * scale);
    }
    return v;
  }

  /** An LSTMCell that counts the hand products it gives in {@link #HAND}. */
  private static LSTMCell countingLstm(int units) {
    return new LSTMCell(units) {
      @Override
      protected RnnStep.Vjp callProjectedVjp(Tensor p, List<Tensor> s, List<Tensor> saved, Tensor dOut,
          List<Tensor> dS, boolean train) {
        return counted(super.callProjectedVjp(p, s, saved, dOut, dS, train));
      }
    };
  }

  /** A GRUCell of {@code reset_after=resetAfter} that counts the hand products it gives in {@link #HAND}. */
  private static GRUCell countingGru(int units, boolean resetAfter) {
    GRUCell cell = new GRUCell(units) {
      @Override
      protected RnnStep.Vjp callProjectedVjp(Tensor p, List<Tensor> s, List<Tensor> saved, Tensor dOut,
          List<Tensor> dS, boolean train) {
        return counted(super.callProjectedVjp(p, s, saved, dOut, dS, train));
      }
    };
    return cell.resetAfter(resetAfter);
  }

  /** Counts the saved tensors a backward step reads in {@code read}, each checked to be (batch, width). */
  private static void readSaved(AtomicInteger read, List<Tensor> saved, int width) {
    read.addAndGet(saved.size());
    saved.forEach(t -> assertEquals(width, t.shape().get(1), "the width of the saved tensor"));
  }

  private static RnnStep.Vjp counted(RnnStep.Vjp vjp) {
    HAND.addAndGet(vjp == null ? 0 : 1);
    return vjp;
  }
}
