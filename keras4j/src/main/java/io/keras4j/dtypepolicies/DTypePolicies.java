package io.keras4j.dtypepolicies;

import java.util.Map;

/**
 * Looks up dtype policies and holds the global one.
 *
 * <p>Keras equivalent: {@code keras.dtype_policies.get(identifier)}, {@code keras.config.set_dtype_policy(policy)} and
 * {@code keras.config.dtype_policy()} (all kept in keras/src/dtype_policies). A layer takes the global policy when
 * it is constructed, as in Keras.
 * <pre>{@code DTypePolicies.setDtypePolicy("mixed_bfloat16");
 * Sequential model = new Sequential(...);   // layers compute in bfloat16, keep float32 weights
 * DTypePolicies.setDtypePolicy("float32");}</pre>
 */
public final class DTypePolicies {
  private static volatile DTypePolicy global = new DTypePolicy("float32");

  private DTypePolicies() {}

  /**
   * The policy of {@code identifier}: a DTypePolicy, a name such as "mixed_float16", a serialized policy
   * ({@code {"class_name": "DTypePolicy", "config": {"name": ...}}}), or null for the global policy.
   */
  public static DTypePolicy get(Object identifier) {
    if (identifier == null) {
      return dtypePolicy();
    } else if (identifier instanceof DTypePolicy p) {
      return p;
    } else if (identifier instanceof String s) {
      return new DTypePolicy(s);
    } else if (identifier instanceof Map<?, ?> m && m.get("config") instanceof Map<?, ?> c) {
      Object cls = m.get("class_name");
      if (cls != null && !"DTypePolicy".equals(cls) && !"FloatDTypePolicy".equals(cls)) {
        throw new IllegalArgumentException("Unsupported dtype policy class. Expected DTypePolicy. Received: "
            + "class_name=" + cls);
      }
      return new DTypePolicy(String.valueOf(c.get("name")));
    }
    throw new IllegalArgumentException("Cannot interpret `dtype` argument. Expected a string or an instance of "
        + "DTypePolicy. Received: dtype=" + identifier);
  }

  /** Sets the global policy that new layers take (Keras' {@code keras.config.set_dtype_policy}). Default "float32". */
  public static void setDtypePolicy(Object policy) {
    if (policy == null) {
      throw new IllegalArgumentException("set_dtype_policy: a policy is needed. Received: policy=null");
    }
    global = get(policy);
  }

  /** The global policy (Keras' {@code keras.config.dtype_policy()}); "float32" unless set. */
  public static DTypePolicy dtypePolicy() {
    return global;
  }
}
