package io.keras4j.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import io.keras4j.backend.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.PointerScope;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.internal.c_api.TF_Buffer;
import org.tensorflow.internal.c_api.TF_Output;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.TF_Tensor;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;

/** A traced function's runs through TensorFlow's C API, as they run through {@code Session.Runner}. */
class DirectRunTest {
  private static final String DIRECT = "keras4j.tensorflow.directRuns";

  /** y = 2x + 1 and z = x * x, over 3 values: a function of two outputs. */
  private static TracedFunction twoOutputs(ComputeGraph g) {
    return g.trace(() -> {
      Ops o = Backend.ops();
      Tensor x = o.placeholder("float32", Shape.of(3));
      return List.of(o.add(o.multiply(x, 2f), o.constant(1f)), o.multiply(x, x));
    });
  }

  private static float[] values(NativeArray a) {
    float[] v = new float[(int) a.shape().size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.getFloat(i);
    }
    return v;
  }

  /** The values of each fetched output, fetched in turn as {@code fetches} lists. */
  private static List<float[]> run(TracedFunction fn, float[] x, int[]... fetches) {
    List<float[]> out = new ArrayList<>();
    for (int[] fetch : fetches) {
      try (NativeArray feed = Backend.array(x, Shape.of(x.length))) {
        for (NativeArray a : fn.call(List.of(feed), fetch)) {
          out.add(values(a));
          a.close();
        }
      }
    }
    return out;
  }

  @Test
  void thisJvmGivesTheHandlesSoFunctionsRunDirectly() {
    try (TFComputeGraph g = new TFComputeGraph()) {
      twoOutputs(g);
      Output<?> any = g.graph().operations().next().output(0);
      try (DirectRun run = DirectRun.create(g.liveSession(), new Output<?>[0], new Output<?>[] {any},
          new GraphOperation[0], RunOptions.getDefaultInstance())) {
        assertNotNull(run, "TensorFlow Java's session and tensor handles were not found");
      }
    }
  }

  @Test
  void everyFetchPatternGivesThePlainJavaValues() {
    float[] x = {1.5f, -2f, 0.25f};
    float[] y = new float[3];
    float[] z = new float[3];
    for (int i = 0; i < 3; i++) {
      y[i] = 2 * x[i] + 1;
      z[i] = x[i] * x[i];
    }
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction fn = twoOutputs(g);
      List<float[]> out = run(fn, x, new int[] {0, 1}, new int[] {1}, new int[] {1, 0}, new int[] {0},
          new int[] {0, 0}, new int[] {1});
      assertEquals(6, ((TFFunction) fn).directRuns(), "calls that ran directly");
      List<float[]> expected = List.of(y, z, z, z, y, y, y, y, z);
      assertEquals(expected.size(), out.size());
      for (int i = 0; i < out.size(); i++) {
        assertArrayEquals(expected.get(i), out.get(i), 1e-6f, "fetched array " + i);
      }
    }
  }

  @Test
  void directAndRunnerRunsGiveTheSameTrainingSteps() {
    float[] direct = descend(null);
    float[] runner = descend("false");
    assertEquals(3f, direct[1], "steps that ran directly");
    assertEquals(0f, runner[1], "steps that ran directly under directRuns=false");
    assertEquals(runner[0], direct[0]);
    // by hand: w <- w - 0.1 * 2 (w x - 1) x, x = 2, from w = 0.3, three times
    double w = 0.3;
    for (int i = 0; i < 3; i++) {
      w -= 0.1 * 2 * (w * 2 - 1) * 2;
    }
    assertEquals(w, direct[0], 1e-6);
  }

  /**
   * w after three updates of a traced step (a target and no fetch), and how many ran directly: with the default, or
   * {@code property} as {@code keras4j.tensorflow.directRuns}.
   */
  private static float[] descend(String property) {
    String saved = System.getProperty(DIRECT);
    setProperty(property);
    try (ComputeGraph g = Backend.newGraph()) {
      Variable w = new Variable("w", Shape.scalar(), "float32", true, new float[] {0.3f});
      TracedFunction step = g.trace(() -> {
        Ops o = Backend.ops();
        Tensor x = o.placeholder("float32", Shape.scalar());
        Tensor err = o.subtract(o.multiply(o.read(w), x), o.constant(1f));
        Tensor grad = o.gradients(o.square(err), List.of(o.read(w))).get(0);
        o.assign(w, o.subtract(o.read(w), o.multiply(grad, 0.1f)));
        return List.of();
      });
      for (int i = 0; i < 3; i++) {
        try (NativeArray x = Backend.array(new float[] {2f}, Shape.scalar())) {
          assertEquals(0, step.call(List.of(x)).size());
        }
      }
      return new float[] {w.floatValue()[0], ((TFFunction) step).directRuns()};
    } finally {
      setProperty(saved);
    }
  }

  private static void setProperty(String value) {
    if (value == null) {
      System.clearProperty(DIRECT);
    } else {
      System.setProperty(DIRECT, value);
    }
  }

  @Test
  void callsFromSeveralThreadsEachGetTheirOwnValues() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction fn = twoOutputs(g);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        float base = t;
        Callable<Boolean> task = () -> {
          for (int i = 0; i < 200; i++) {
            float[] x = {base, i, base + i};
            float[] y = run(fn, x, new int[] {0}).get(0);
            for (int k = 0; k < 3; k++) {
              if (y[k] != 2 * x[k] + 1) {
                return false;
              }
            }
          }
          return true;
        };
        results.add(pool.submit(task));
      }
      for (Future<Boolean> f : results) {
        assertTrue(f.get(), "a thread read another's values");
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aFailedRunThrowsTensorFlowsErrorAndTheNextRunWorks() {
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction fn = g.trace(() -> {
        Ops o = Backend.ops();
        Tensor x = o.placeholder("float32", Shape.of(3));
        Tensor i = o.placeholder("int32", Shape.of());
        return List.of(o.take(x, i, 0));
      });
      float[] x = {4f, 5f, 6f};
      try (NativeArray xs = Backend.array(x, Shape.of(3)); NativeArray bad = Backend.array(new int[] {7}, Shape.of());
          NativeArray good = Backend.array(new int[] {2}, Shape.of())) {
        // the exception Session.Runner throws for it
        TFInvalidArgumentException e = assertThrows(TFInvalidArgumentException.class,
            () -> fn.call(List.of(xs, bad)));
        assertTrue(e.getMessage().contains("7"), e.getMessage());
        List<NativeArray> out = fn.call(List.of(xs, good));
        assertEquals(6f, out.get(0).getFloat(0));
        out.forEach(NativeArray::close);
      }
    }
  }

  @Test
  void aFetchIndexOutsideTheOutputsIsRefusedAndTheNextRunWorks() {
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction fn = twoOutputs(g);
      assertEquals(2, run(fn, new float[] {1, 2, 3}, new int[] {0, 1}).size());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> run(fn, new float[] {1, 2, 3}, new int[] {1, 2}));
      assertEquals("Expected fetch indices from 0 to 1. Received: 2", e.getMessage());
      assertArrayEquals(new float[] {9, 16, 1}, run(fn, new float[] {3, 4, -1}, new int[] {1}).get(0));
      Variable w = new Variable("w", Shape.scalar(), "float32", true, new float[] {1f});
      TracedFunction update = g.trace(() -> {
        Ops o = Backend.ops();
        o.assign(w, o.add(o.read(w), o.constant(1f)));
        return List.of();
      });
      e = assertThrows(IllegalArgumentException.class, () -> update.call(List.of(), 0));
      assertEquals("The function has no outputs to fetch. Received: fetch index 0", e.getMessage());
    }
  }

  @Test
  void aFunctionOnTheInterOpPoolRunsDirectlyWithNoRunOptions() {
    try (TFComputeGraph g = new TFComputeGraph()) {
      TFFunction fn = (TFFunction) twoOutputs(g);
      fn.inline(false); // as a large training step is traced: the pool's options are the empty message
      assertFalse(fn.inline());
      assertArrayEquals(new float[] {3, -1, 1.5f}, run(fn, new float[] {1, -1, 0.25f}, new int[] {0}).get(0));
      assertEquals(1, fn.directRuns());
    }
  }

  @Test
  void aClosedDirectRunRunsNothingAndANewOneIsMadeForNewOptions() {
    try (TFComputeGraph g = new TFComputeGraph()) {
      TFFunction fn = (TFFunction) twoOutputs(g);
      Output<?> any = g.graph().operations().next().output(0);
      DirectRun run = DirectRun.create(g.liveSession(), new Output<?>[0], new Output<?>[] {any},
          new GraphOperation[0], RunOptions.getDefaultInstance());
      run.close();
      run.close(); // closing twice is allowed
      assertFalse(run.live());
      assertNull(run.run(List.of(), new int[] {0}));
      // a change of a function's options closes its direct run, and the next call makes one with the new options
      assertArrayEquals(new float[] {3, 5, 7}, run(fn, new float[] {1, 2, 3}, new int[] {0}).get(0));
      fn.inline(false);
      assertEquals(0, fn.directRuns());
      assertArrayEquals(new float[] {1, 4, 9}, run(fn, new float[] {1, 2, 3}, new int[] {1}).get(0));
      assertEquals(1, fn.directRuns());
    }
  }

  /** A direct run of x * x and x + x over 3 fed values, made on its own (not by a traced function). */
  private static DirectRun squaresAndDoubles(TFComputeGraph g) {
    org.tensorflow.op.Ops tf = g.tf();
    Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(org.tensorflow.ndarray.Shape.of(3)));
    Output<?>[] fetchable = {tf.math.mul(x, x).asOutput(), tf.math.add(x, x).asOutput()};
    return DirectRun.create(g.liveSession(), new Output<?>[] {x.asOutput()}, fetchable, new GraphOperation[0],
        RunOptions.getDefaultInstance());
  }

  private static float[] first(List<NativeArray> fetched) {
    float[] v = values(fetched.get(0));
    fetched.forEach(NativeArray::close);
    return v;
  }

  @Test
  void aFailedChangeOfFetchesLeavesTheLastOnesWorking() {
    try (TFComputeGraph g = new TFComputeGraph(); DirectRun d = squaresAndDoubles(g);
        NativeArray x = Backend.array(new float[] {1, 2, 3}, Shape.of(3))) {
      assertArrayEquals(new float[] {2, 4, 6}, first(d.run(List.of(x), new int[] {1})));
      assertThrows(ArrayIndexOutOfBoundsException.class, () -> d.run(List.of(x), new int[] {1, 2}));
      assertTrue(d.live(), "the failed change freed the last fetches' arrays");
      assertArrayEquals(new float[] {2, 4, 6}, first(d.run(List.of(x), new int[] {1})));
      assertArrayEquals(new float[] {1, 4, 9}, first(d.run(List.of(x), new int[] {0, 1})));
      assertEquals(3, d.runs());
    }
  }

  /** A caller's scope that records what is attached to it. */
  private static final class RecordingScope extends PointerScope {
    final List<Pointer> attached = new ArrayList<>();

    @Override
    public PointerScope attach(Pointer p) {
      attached.add(p);
      return super.attach(p);
    }
  }

  @Test
  void aCallersPointerScopeNeitherHoldsNorFreesTheNativeArrays() {
    try (TFComputeGraph g = new TFComputeGraph();
        NativeArray x = Backend.array(new float[] {1, -2, 0.5f}, Shape.of(3))) {
      DirectRun d;
      List<Pointer> attached;
      try (RecordingScope caller = new RecordingScope()) {
        d = squaresAndDoubles(g);
        assertArrayEquals(new float[] {1, 4, 0.25f}, first(d.run(List.of(x), new int[] {0, 1})));
        assertArrayEquals(new float[] {2, -4, 1}, first(d.run(List.of(x), new int[] {1})));
        attached = List.copyOf(caller.attached);
        caller.deallocate(); // frees whatever is attached to it, whatever its count
      }
      // neither the arrays nor the fetched tensors (the graph's building attaches nothing that lasts)
      for (Pointer p : attached) {
        assertFalse(p instanceof TF_Tensor || p instanceof TF_Output || p instanceof PointerPointer
            || p instanceof TF_Status || p instanceof TF_Buffer, "attached to the caller's scope: " + p);
      }
      assertTrue(d.live(), "the caller's scope freed the direct run's arrays");
      assertArrayEquals(new float[] {2, -4, 1}, first(d.run(List.of(x), new int[] {1})));
      d.close();
      assertFalse(d.live());
    }
  }


  @Test
  void aClosedGraphsFunctionRefusesToRun() {
    ComputeGraph g = Backend.newGraph();
    TracedFunction fn = twoOutputs(g);
    assertEquals(1, run(fn, new float[] {1, 2, 3}, new int[] {0}).size()); // made its direct run
    g.close();
    try (NativeArray x = Backend.array(new float[] {1, 2, 3}, Shape.of(3))) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> fn.call(List.of(x), 0));
      assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }
  }
}
