package io.keras4j.backend.tensorflow;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_GetCode;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OK;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SessionRun;

import io.keras4j.backend.NativeArray;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.bytedeco.javacpp.PointerPointer;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.RawTensor;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.internal.c_api.TF_Buffer;
import org.tensorflow.internal.c_api.TF_Operation;
import org.tensorflow.internal.c_api.TF_Output;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.TF_Tensor;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.family.TType;

/**
 * One {@link TFFunction}'s {@code Session.run} through TensorFlow's C API ({@code TF_SessionRun}), with the native
 * arrays of its fed and fetched outputs, its targets, its run options and its status made once rather than at every
 * run.
 *
 * <p>TensorFlow Java's {@code Session.Runner} makes all of these at each run: about ten JavaCPP pointers, each
 * registered for deallocation and freed at the run's end, and the run options serialized anew. That took 6 us of a
 * run that this path does in 3 (a one-op graph, docs/performance.md, 12-07), and its many small methods were still
 * being compiled by the JIT during the benchmark suite's timed W2 fit. What a run does in TensorFlow is the same:
 * the same feeds, fetches, targets and options, in the same session.
 *
 * <p>The handles this needs are package-private in TensorFlow Java 1.0 (the session's, a tensor's, and a tensor
 * made from a fetched handle); they are looked up once, and where the JVM refuses that (TensorFlow Java on the module
 * path without {@code --add-opens}), or with {@code -Dkeras4j.tensorflow.directRuns=false}, {@link #create} returns
 * null and the function runs through {@code Session.Runner}. A run that finds another thread's run of the same
 * function in progress returns null too, so that calls from several threads share no native arrays.
 */
final class DirectRun implements AutoCloseable {
  private static final MethodHandle SESSION_HANDLE;
  private static final MethodHandle TENSOR_HANDLE;
  private static final MethodHandle FROM_HANDLE;
  private static final MethodHandle TYPED;

  static {
    MethodHandle[] found = lookUp();
    SESSION_HANDLE = found[0];
    TENSOR_HANDLE = found[1];
    FROM_HANDLE = found[2];
    TYPED = found[3];
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final TF_Session session;
  private final int feeds;
  private final TF_Output inputs;
  private final PointerPointer<TF_Tensor> inputValues;
  private final Output<?>[] fetchable;
  private final PointerPointer<TF_Operation> targets;
  private final int targetCount;
  private final TF_Buffer options;
  private final TF_Status status;
  private int[] fetched = new int[0];
  private TF_Output outputs;
  private PointerPointer<TF_Tensor> outputValues;
  private boolean closed;

  private DirectRun(TF_Session session, Output<?>[] feeds, Output<?>[] fetchable, GraphOperation[] targets,
      RunOptions options) {
    this.session = session;
    this.feeds = feeds.length;
    this.inputs = outputs(feeds, allOf(feeds.length));
    this.inputValues = new PointerPointer<>(Math.max(1, feeds.length));
    this.fetchable = fetchable;
    this.targets = new PointerPointer<>(Math.max(1, targets.length));
    for (int i = 0; i < targets.length; i++) {
      this.targets.put(i, targets[i].getUnsafeNativeHandle());
    }
    this.targetCount = targets.length;
    // an empty message is no options (a null buffer), as Session.Runner passes it
    this.options = TF_Buffer.newBufferFromString(options);
    this.status = TF_Status.newStatus();
    refetch(allOf(fetchable.length));
  }

  /**
   * A direct run of a function of {@code session}: feeding {@code feeds}, able to fetch any of {@code fetchable},
   * running {@code targets}, with {@code options}; null where this JVM does not give the handles it needs.
   */
  static DirectRun create(Session session, Output<?>[] feeds, Output<?>[] fetchable, GraphOperation[] targets,
      RunOptions options) {
    if (SESSION_HANDLE == null || "false".equals(System.getProperty("keras4j.tensorflow.directRuns"))) {
      return null;
    }
    TF_Session handle;
    try {
      handle = (TF_Session) SESSION_HANDLE.invokeExact(session);
    } catch (Throwable e) {
      return null;
    }
    return handle == null || handle.isNull() ? null : new DirectRun(handle, feeds, fetchable, targets, options);
  }

  /**
   * Runs once, feeding {@code feeds} (tensors of {@link TFNativeArray}s) and fetching the outputs at {@code fetch};
   * the fetched tensors are the caller's to close. Returns null, having run nothing, where another thread's run of
   * this function is in progress.
   */
  List<NativeArray> run(List<NativeArray> feeds, int[] fetch) {
    if (!lock.tryLock()) {
      return null;
    }
    try {
      if (closed) {
        throw new IllegalStateException("This graph has been closed");
      }
      for (int i = 0; i < this.feeds; i++) {
        inputValues.put(i, tensorHandle(((TFNativeArray) feeds.get(i)).tensor()));
      }
      if (!Arrays.equals(fetch, fetched)) {
        refetch(fetch);
      }
      TF_SessionRun(session, options, inputs, inputValues, this.feeds, outputs, outputValues, fetch.length, targets,
          targetCount, null, status);
      if (TF_GetCode(status) != TF_OK) {
        status.throwExceptionIfNotOK();
      }
      return fetchedArrays(fetch.length);
    } finally {
      lock.unlock();
    }
  }

  /** The fetched tensors as arrays, each taking its handle; on a failure the rest are freed too. */
  private List<NativeArray> fetchedArrays(int n) {
    List<NativeArray> out = new ArrayList<>(n);
    int i = 0;
    try {
      for (; i < n; i++) {
        out.add(new TFNativeArray(typedTensor(outputValues.get(TF_Tensor.class, i).withDeallocator())));
      }
      return out;
    } catch (RuntimeException | Error e) {
      out.forEach(NativeArray::close);
      for (int j = i + 1; j < n; j++) {
        outputValues.get(TF_Tensor.class, j).withDeallocator().close();
      }
      throw e;
    }
  }

  private void refetch(int[] fetch) {
    if (outputs != null) {
      outputs.close();
      outputValues.close();
    }
    outputs = outputs(fetchable, fetch);
    outputValues = new PointerPointer<>(Math.max(1, fetch.length));
    fetched = fetch.clone();
  }

  private static TF_Output outputs(Output<?>[] from, int[] which) {
    TF_Output out = new TF_Output(Math.max(1, which.length));
    for (int i = 0; i < which.length; i++) {
      Output<?> o = from[which[i]];
      out.position(i).oper(((GraphOperation) o.op()).getUnsafeNativeHandle()).index(o.index());
    }
    return out.position(0);
  }

  private static int[] allOf(int n) {
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    return all;
  }

  /** Frees the native arrays; a run after this throws. Waits for a run in progress. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      inputs.close();
      inputValues.close();
      outputs.close();
      outputValues.close();
      targets.close();
      status.close();
      if (options != null) {
        options.close();
      }
    } finally {
      lock.unlock();
    }
  }

  private static TF_Tensor tensorHandle(Tensor t) {
    try {
      return (TF_Tensor) TENSOR_HANDLE.invokeExact(t.asRawTensor());
    } catch (Throwable e) {
      throw unchecked(e);
    }
  }

  /** The typed tensor of a fetched handle, which it takes; the handle is freed if that fails. */
  private static Tensor typedTensor(TF_Tensor handle) {
    RawTensor raw;
    try {
      raw = (RawTensor) FROM_HANDLE.invokeExact(handle);
    } catch (Throwable e) {
      handle.close();
      throw unchecked(e);
    }
    try {
      return (TType) TYPED.invokeExact(raw);
    } catch (Throwable e) {
      raw.close();
      throw unchecked(e);
    }
  }

  /** {@code e} to throw: an error is thrown here, a checked exception wrapped. */
  private static RuntimeException unchecked(Throwable e) {
    if (e instanceof Error error) {
      throw error;
    }
    return e instanceof RuntimeException r ? r : new IllegalStateException(e);
  }

  /** The four handles' accessors, or four nulls where the JVM refuses one. */
  private static MethodHandle[] lookUp() {
    try {
      MethodHandles.Lookup self = MethodHandles.lookup();
      MethodHandles.Lookup sessions = MethodHandles.privateLookupIn(Session.class, self);
      MethodHandles.Lookup tensors = MethodHandles.privateLookupIn(RawTensor.class, self);
      return new MethodHandle[] {
          sessions.findGetter(Session.class, "nativeHandle", TF_Session.class),
          tensors.findVirtual(RawTensor.class, "nativeHandle", MethodType.methodType(TF_Tensor.class)),
          tensors.findStatic(RawTensor.class, "fromHandle", MethodType.methodType(RawTensor.class, TF_Tensor.class)),
          tensors.findVirtual(RawTensor.class, "asTypedTensor",
              MethodType.methodType(TType.class))};
    } catch (ReflectiveOperationException | RuntimeException e) {
      return new MethodHandle[4];
    }
  }
}
