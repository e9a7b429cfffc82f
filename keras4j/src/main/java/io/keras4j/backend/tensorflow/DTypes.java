package io.keras4j.backend.tensorflow;

import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TType;

/** Maps Keras' dtype names to TensorFlow Java's tensor types. */
final class DTypes {
  private DTypes() {}

  static Class<? extends TType> type(String dtype) {
    return switch (dtype) {
      case "float32" -> TFloat32.class;
      case "float16" -> TFloat16.class;
      case "bfloat16" -> TBfloat16.class;
      case "float64" -> TFloat64.class;
      case "int32" -> TInt32.class;
      case "int64" -> TInt64.class;
      case "bool" -> TBool.class;
      default -> throw new IllegalArgumentException(
          "Unsupported dtype. Expected one of float32, float16, bfloat16, float64, int32, int64, bool. Received: dtype=" + dtype);
    };
  }

  static String name(Class<? extends TType> type) {
    if (type == TFloat32.class) {
      return "float32";
    } else if (type == TFloat16.class) {
      return "float16";
    } else if (type == TBfloat16.class) {
      return "bfloat16";
    } else if (type == TFloat64.class) {
      return "float64";
    } else if (type == TInt32.class) {
      return "int32";
    } else if (type == TInt64.class) {
      return "int64";
    } else if (type == TBool.class) {
      return "bool";
    }
    return type.getSimpleName();
  }
}
