package io.keras4j.random;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The state of a random stream: each draw uses the current state as the seed of a stateless random op and advances
 * it, so the stream is part of the model's state (saved, restored, the same from the same seed).
 *
 * <pre>{@code
 * SeedGenerator gen = new SeedGenerator(1337);
 * Tensor noise = ops.statelessRandomNormal(shape, gen.next(), 0f, 1f);   // inside a layer's call
 * }</pre>
 *
 * <p>Keras equivalent: {@code keras.random.SeedGenerator(seed=None, name=None)}
 * ({@code keras/src/random/seed_generator.py}): a non-trainable int64 variable {@code seed_generator_state} of
 * shape (2,), initially {@code [seed, 0]}; {@link #next()} returns the state and adds {@code [0, 1]} to it.
 * Porting note: keras4j traces graphs, so {@code next()} records the increment as an update of the traced function
 * (it runs with the function, like BatchNormalization's moving statistics); the k-th draw of one trace uses
 * {@code state + [0, k]}, and one run of the function advances the state by the number of draws, in order, as
 * Keras' eager or {@code tf.function} steps do.
 */
public final class SeedGenerator {
  /** The state variable's name, Keras' {@code seed_generator_state}. */
  public static final String STATE_NAME = "seed_generator_state";

  private final Long initialSeed;
  private final String name;
  private final Variable state;
  /** Per traced function: its read of the state, the draws so far and the last increment (weak: traces end). */
  private final Map<Ops, Draws> traces = Collections.synchronizedMap(new WeakHashMap<>());

  /** A generator starting at {@code [seed, 0]}. */
  public SeedGenerator(long seed) {
    this((Long) seed, "seed_generator");
  }

  /** A generator whose seed comes from the global seed generator ({@link Backend#setRandomSeed}). */
  public SeedGenerator() {
    this(null, "seed_generator");
  }

  /**
   * A generator with {@code seed} (null: from the global seed generator) and {@code name} (Keras' {@code name=};
   * default "seed_generator").
   */
  public SeedGenerator(Long seed, String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("SeedGenerator: `name` must be a non-empty string. Received: name=" + name);
    }
    this.initialSeed = seed;
    this.name = name;
    long s = seed != null ? seed : Backend.nextSeed();
    this.state = new Variable(STATE_NAME, Shape.of(2), false, new long[] {s, 0});
    this.state.path(name + "/" + STATE_NAME);
  }

  /** The state variable, int64 (2,): {@code [seed, draws]} (Keras' {@code seed_generator.state}). */
  public Variable state() {
    return state;
  }

  /** The seed given at construction, or null when it came from the global generator. */
  public Long seed() {
    return initialSeed;
  }

  public String name() {
    return name;
  }

  /**
   * The seed of the next draw, an int64 (2,) tensor in the traced function being built, and the increment of the
   * state recorded as an update of that function (Keras' {@code seed_generator.next()}).
   */
  public Tensor next() {
    Ops ops = Backend.ops();
    synchronized (traces) {
      Draws d = traces.computeIfAbsent(ops, o -> new Draws(o.read(state)));
      Tensor seed = d.count == 0 ? d.base : ops.add(d.base, counter(ops, d.count));
      d.count++;
      Tensor advanced = ops.add(d.base, counter(ops, d.count));
      Tensor previous = d.last;
      d.last = previous == null ? ops.assign(state, advanced)
          : ops.withControlDependencies(List.of(previous), () -> ops.assign(state, advanced));
      return seed;
    }
  }

  private static Tensor counter(Ops ops, int k) {
    return ops.cast(ops.constant(new int[] {0, k}, Shape.of(2)), "int64");
  }

  /** Sets the state back to {@code [seed, 0]} (a fresh stream from the same seed). */
  public void reset() {
    state.assign(new long[] {state.longValue()[0], 0});
  }

  /** Keras' config: {@code seed} (null when it was drawn) and {@code name}. */
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("seed", initialSeed);
    c.put("name", name);
    return c;
  }

  /** A generator from Keras' config keys {@code seed} and {@code name}. */
  public static SeedGenerator fromConfig(Map<String, Object> config) {
    Object seed = config.get("seed");
    if (seed != null && !(seed instanceof Number)) {
      throw new IllegalArgumentException("Argument `seed` must be an integer. Received: seed=" + seed);
    }
    Object name = config.get("name");
    return new SeedGenerator(seed == null ? null : ((Number) seed).longValue(),
        name == null ? "seed_generator" : name.toString());
  }

  private static final class Draws {
    final Tensor base;
    int count;
    Tensor last;

    Draws(Tensor base) {
      this.base = base;
    }
  }
}
