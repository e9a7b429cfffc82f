package io.keras4j.dtypepolicies;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A dtype policy: the dtype a layer computes in and the dtype its variables are stored in.
 *
 * <p>Keras equivalent: {@code keras.DTypePolicy(name)} (keras/src/dtype_policies/dtype_policy.py). {@code "float32"}
 * computes and stores in float32; {@code "mixed_bfloat16"} and {@code "mixed_float16"} compute in bfloat16 or
 * float16 and keep variables in float32.
 * <pre>{@code new Dense(10).dtype(new DTypePolicy("mixed_bfloat16"));
 * DTypePolicies.setDtypePolicy("mixed_float16"); // every layer made afterwards}</pre>
 * Porting note: keras4j stores variables in float32 only, so the policies whose variable dtype is float32 are
 * accepted: "float32", "mixed_bfloat16" and "mixed_float16"; Keras also takes "bfloat16", "float16", "float64".
 */
public final class DTypePolicy {
  private static final Set<String> FLOAT_DTYPES = Set.of("float16", "bfloat16", "float32", "float64");

  private final String name;
  private final String computeDtype;
  private final String variableDtype;

  /** The policy of {@code name}: "float32", "mixed_bfloat16" or "mixed_float16". */
  public DTypePolicy(String name) {
    if (name == null) {
      throw new IllegalArgumentException("DTypePolicy: a name is needed. Received: name=null");
    }
    this.name = name;
    if ("mixed_float16".equals(name) || "mixed_bfloat16".equals(name)) {
      this.computeDtype = name.substring("mixed_".length());
      this.variableDtype = "float32";
    } else if (FLOAT_DTYPES.contains(name)) {
      this.computeDtype = name;
      this.variableDtype = name;
    } else {
      throw new IllegalArgumentException("Cannot convert '" + name + "' to a mixed precision DTypePolicy. Valid "
          + "policies include 'mixed_float16', 'mixed_bfloat16', and the name of any float dtype such as 'float32'. "
          + "Received: name=" + name);
    }
    if (!"float32".equals(variableDtype)) {
      throw new IllegalArgumentException("DTypePolicy '" + name + "': keras4j stores variables in float32 only. "
          + "Expected one of float32, mixed_bfloat16, mixed_float16. Received: name=" + name);
    }
  }

  /** The policy's name (Keras' {@code name}), such as "mixed_bfloat16". */
  public String name() {
    return name;
  }

  /** The dtype of the layer's computations and outputs (Keras' {@code compute_dtype}). */
  public String computeDtype() {
    return computeDtype;
  }

  /** The dtype of the layer's weights (Keras' {@code variable_dtype}). */
  public String variableDtype() {
    return variableDtype;
  }

  /** Whether computations run in a dtype other than the variables' (a mixed policy). */
  public boolean isMixed() {
    return !computeDtype.equals(variableDtype);
  }

  /** Keras' {@code get_config()}: {@code {"name": name}}. */
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    return c;
  }

  /**
   * The policy as a layer config's {@code dtype} key holds it (Keras' {@code serialize_keras_object(policy)}):
   * {@code {"module": "keras", "class_name": "DTypePolicy", "config": {"name": ...}, "registered_name": null}}.
   */
  public Map<String, Object> serialize() {
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("module", "keras");
    policy.put("class_name", "DTypePolicy");
    policy.put("config", getConfig());
    policy.put("registered_name", null);
    return policy;
  }

  /** The policy of a {@code get_config()} map (Keras' {@code DTypePolicy.from_config}). */
  public static DTypePolicy fromConfig(Map<String, Object> config) {
    Object n = config.get("name");
    if (!(n instanceof String s)) {
      throw new IllegalArgumentException("DTypePolicy: the config needs a string 'name'. Received: " + config);
    }
    return new DTypePolicy(s);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DTypePolicy p && p.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return "<DTypePolicy \"" + name + "\">";
  }
}
