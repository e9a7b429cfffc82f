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
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.PointerScope;
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
 * registered for deallocation and freed at the run's end, and the run options serialized anew. Runs of a few tens of
 * microseconds feel that: W1's prediction in batches of 32 ran 1.31-1.60 times as fast this way, its training 1.10-1.23
 * times (bench {@code DirectRuns}, docs/performance.md, 12-07 15:12). What a run does in TensorFlow is the same: the
 * same feeds, fetches, targets and options, in the same session.
 *
 * <p>The handles this needs are package-private in TensorFlow Java 1.0 (the session's, a tensor's, and a tensor
 * made from a fetched handle); they are looked up once, and where the JVM refuses that (TensorFlow Java on the module
 * path without {@code --add-opens tensorflow/org.tensorflow=io.keras4j}), or with
 * {@code -Dkeras4j.tensorflow.directRuns=false}, {@link #create} returns null and the function runs through
 * {@code Session.Runner}. A run that finds another run of the same function in progress, or this closed, returns
 * null too, and its caller runs through {@code Session.Runner}: calls from several threads share no native arrays.
 *
 * <p>The native arrays live as long as the function's graph, which closes this before its session. Where a caller
 * has a JavaCPP {@code PointerScope} open, this is made and runs inside a scope of its own, as TensorFlow Java's
 * {@code Session.run} does: neither its arrays nor the fetched tensors are attached to the caller's scope, whose
 * close or {@code deallocate()} would otherwise keep the tensors alive until then, or free the arrays under later
 * runs. Each array also keeps a reference of its own, released by {@link #close()}.
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
  private final int feedCount;
  private final TF_Output inputs;
  private final PointerPointer<TF_Tensor> inputValues;
  private final Output<?>[] fetchable;
  private final PointerPointer<TF_Operation> targets;
  private final int targetCount;
  private final TF_Buffer options;
  private final TF_Status status;
  /** Whether the run options run the ops in the calling thread, which then flushes denormals as TensorFlow's do. */
  private final boolean inline;
  /** The fetches of every output in order, the common call. */
  private final Fetches all;
  /** The last other fetches asked for, or null. */
  private Fetches other;
  private boolean closed;
  /** The runs done (written under the lock, read by any thread). */
  private volatile long runs;

  private DirectRun(TF_Session session, Output<?>[] feeds, Output<?>[] fetchable, GraphOperation[] targets,
      RunOptions options) {
    this.session = session;
    this.feedCount = feeds.length;
    this.fetchable = fetchable;
    this.targetCount = targets.length;
    this.inputs = kept(outputs(feeds, allOf(feeds.length)));
    this.inputValues = kept(new PointerPointer<>(Math.max(1, feeds.length)));
    this.targets = kept(new PointerPointer<>(Math.max(1, targets.length)));
    for (int i = 0; i < targets.length; i++) {
      this.targets.put(i, targets[i].getUnsafeNativeHandle());
    }
    // an empty message is no options (a null buffer), as Session.Runner passes it
    this.options = kept(TF_Buffer.newBufferFromString(options));
    this.status = kept(TF_Status.newStatus());
    this.inline = options.getInterOpThreadPool() == -1;
    this.all = new Fetches(fetchable, allOf(fetchable.length));
  }

  /** The runs this has done. */
  long runs() {
    return runs;
  }

  /** Whether the native arrays, the last other fetches' and the run options' included, are all still allocated. */
  boolean live() {
    List<Pointer> arrays = new ArrayList<>(List.of(inputs, inputValues, targets, status, all.outputs, all.values));
    if (other != null) {
      arrays.add(other.outputs);
      arrays.add(other.values);
    }
    if (options != null) {
      arrays.add(options);
    }
    return arrays.stream().noneMatch(p -> p.isNull());
  }

  /** Whether this JVM gives the handles a direct run needs (looked up once, when this class loads). */
  static boolean available() {
    return SESSION_HANDLE != null;
  }

  /**
   * A direct run of a function of {@code session}: feeding {@code feeds}, able to fetch any of {@code fetchable},
   * running {@code targets}, with {@code options}; null where this JVM does not give the handles it needs.
   */
  static DirectRun create(Session session, Output<?>[] feeds, Output<?>[] fetchable, GraphOperation[] targets,
      RunOptions options) {
    if (!available() || "false".equals(System.getProperty("keras4j.tensorflow.directRuns"))) {
      return null;
    }
    TF_Session handle;
    try {
      handle = (TF_Session) SESSION_HANDLE.invokeExact(session);
    } catch (Throwable e) {
      return null;
    }
    if (handle == null || handle.isNull()) {
      return null;
    }
    try (PointerScope own = ownScope()) {
      return new DirectRun(handle, feeds, fetchable, targets, options);
    }
  }

  /**
   * A scope of this class's own where the caller has one open (so that what is made here is attached to it, not to
   * the caller's), else null: the common case costs no scope.
   */
  private static PointerScope ownScope() {
    return PointerScope.getInnerScope() == null ? null : new PointerScope();
  }

  /**
   * Runs once, feeding {@code feeds} (tensors of {@link TFNativeArray}s) and fetching the outputs at {@code fetch}
   * (indices checked by the caller); the fetched tensors are the caller's to close. Returns null, having run nothing,
   * where another run of this function is in progress or this is closed.
   */
  List<NativeArray> run(List<NativeArray> feeds, int[] fetch) {
    if (lock.isHeldByCurrentThread() || !lock.tryLock()) {
      return null;
    }
    try {
      if (closed) {
        return null;
      }
      for (int i = 0; i < feedCount; i++) {
        inputValues.put(i, tensorHandle(((TFNativeArray) feeds.get(i)).tensor()));
      }
      try (PointerScope own = ownScope()) {
        Fetches f = fetches(fetch);
        DenormalFlush flush = DenormalFlush.enterFor(inline);
        try {
          TF_SessionRun(session, options, inputs, inputValues, feedCount, f.outputs, f.values, fetch.length, targets,
              targetCount, null, status);
        } finally {
          DenormalFlush.exit(flush);
        }
        if (TF_GetCode(status) != TF_OK) {
          status.throwExceptionIfNotOK();
        }
        List<NativeArray> out = fetchedArrays(f.values, fetch.length);
        runs++;
        return out;
      }
    } finally {
      lock.unlock();
    }
  }

  /** The native arrays for {@code fetch}: every output's, the last other ones, or new ones replacing those. */
  private Fetches fetches(int[] fetch) {
    if (Arrays.equals(fetch, all.indices)) {
      return all;
    }
    if (other == null || !Arrays.equals(fetch, other.indices)) {
      Fetches made = new Fetches(fetchable, fetch); // made before the last are freed: a failure leaves those intact
      if (other != null) {
        other.close();
      }
      other = made;
    }
    return other;
  }

  /** The fetched tensors as arrays, each taking its handle; on a failure the rest are freed too. */
  private static List<NativeArray> fetchedArrays(PointerPointer<TF_Tensor> values, int n) {
    List<NativeArray> out = new ArrayList<>(n);
    int i = 0;
    try {
      for (; i < n; i++) {
        out.add(new TFNativeArray(typedTensor(values.get(TF_Tensor.class, i).withDeallocator())));
      }
      return out;
    } catch (RuntimeException | Error e) {
      out.forEach(NativeArray::close);
      for (int j = i + 1; j < n; j++) {
        values.get(TF_Tensor.class, j).withDeallocator().close();
      }
      throw e;
    }
  }

  /** The outputs to fetch at some indices and the array TensorFlow writes their tensors to. */
  private static final class Fetches {
    final int[] indices;
    final TF_Output outputs;
    final PointerPointer<TF_Tensor> values;

    Fetches(Output<?>[] fetchable, int[] indices) {
      this.indices = indices.clone();
      this.outputs = kept(outputs(fetchable, indices));
      this.values = kept(new PointerPointer<>(Math.max(1, indices.length)));
    }

    void close() {
      outputs.releaseReference();
      values.releaseReference();
    }
  }

  /** {@code p} with a reference of this class's own, freed by {@link #close()} and no enclosing pointer scope. */
  private static <P extends Pointer> P kept(P p) {
    if (p != null) {
      p.retainReference();
    }
    return p;
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

  /** Frees the native arrays; a run after this returns null. Waits for a run in progress. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      all.close();
      if (other != null) {
        other.close();
      }
      for (Pointer p : new Pointer[] {inputs, inputValues, targets, status, options}) {
        if (p != null) {
          p.releaseReference();
        }
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
