package io.keras4j.backend.tensorflow;

import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * The ops of Keras' preprocessing layers in a TensorFlow graph: sorted search, string hashing of values and hashed
 * feature crosses. Keras runs the same TensorFlow kernels ({@code tf.strings.to_hash_bucket_fast},
 * {@code tf.sparse.cross_hashed}), so the bins are Keras' exactly.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
abstract class TFPreprocessingOps extends TFNNOps {
  /** TensorFlow's {@code _DEFAULT_HASH_KEY} of {@code tf.sparse.cross_hashed}. */
  private static final long CROSS_HASH_KEY = 0xDECAFCAFFEL;

  TFPreprocessingOps(Ops tf) {
    super(tf);
  }

  @Override
  public Tensor searchSorted(Tensor sorted, Tensor values, boolean right) {
    if (sorted.rank() != 1) {
      throw new IllegalArgumentException("searchSorted expects a 1-D sorted sequence. Received shape "
          + sorted.shape());
    }
    Operand s = o(sorted);
    Operand v = o(values);
    if (!s.type().equals(v.type())) {
      v = tf.dtypes.cast(v, s.type());
    }
    Operand row = tf.reshape(v, tf.constant(new long[] {1, -1}));
    Operand seq = tf.expandDims(s, tf.constant(0));
    Operand idx = right ? tf.upperBound(seq, row, TInt32.class) : tf.lowerBound(seq, row, TInt32.class);
    return t(tf.reshape(idx, tf.shape(v)));
  }

  @Override
  public Tensor hashBucket(Tensor x, int numBins, long[] salt) {
    Operand v = o(x);
    if ("float32".equals(x.dtype()) || "float64".equals(x.dtype())) {
      v = tf.dtypes.cast(v, TInt64.class);
    }
    Operand<TString> s = tf.dtypes.asString(v);
    if (salt == null) {
      return t(tf.strings.toHashBucketFast(s, (long) numBins));
    }
    return t(tf.strings.toHashBucketStrong(s, (long) numBins, List.of(salt[0], salt[1])));
  }

  @Override
  public Tensor crossHashed(List<Tensor> xs, int numBins) {
    List<Output<?>> dense = new ArrayList<>();
    for (Tensor x : xs) {
      if (x.rank() != 2) {
        throw new IllegalArgumentException("crossHashed expects rank-2 inputs. Received shape " + x.shape());
      }
      dense.add(tf.dtypes.cast(o(x), TInt64.class).asOutput());
    }
    DataType[] types = new DataType[dense.size()];
    java.util.Arrays.fill(types, DataType.DT_INT64);
    Operation op = tf.scope().opBuilder("SparseCross", "SparseCross")
        .addInputList(new Output<?>[0])
        .addInputList(new Output<?>[0])
        .addInputList(new Output<?>[0])
        .addInputList(dense.toArray(new Output<?>[0]))
        .setAttr("N", 0L)
        .setAttr("sparse_types", new DataType[0])
        .setAttr("dense_types", types)
        .setAttr("hashed_output", true)
        .setAttr("num_buckets", (long) numBins)
        .setAttr("hash_key", CROSS_HASH_KEY)
        .setAttr("out_type", DataType.DT_INT64)
        .setAttr("internal_type", DataType.DT_INT64)
        .build();
    // one value per row of (batch, 1) inputs, in row order: the dense cross is the values reshaped
    Operand values = (Operand) op.output(1);
    return t(tf.reshape(values, tf.shape(o(xs.get(0)))));
  }

  @Override
  public Tensor arctan2(Tensor x1, Tensor x2) {
    return t(tf.math.atan2(o(x1), o(x2)));
  }
}
