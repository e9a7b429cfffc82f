package io.keras4j.backend;

/**
 * For {@link Engine} implementations: a compiled graph's session that holds copies of {@link Variable}s.
 *
 * <p>Porting note: Keras keeps one value per variable in the backend; keras4j compiles a graph per model, so each
 * session keeps a copy and the variable tracks which copy is newest.
 */
public interface VariableHolder {
  /** Copies the host value of {@code v} into this holder. */
  void push(Variable v);

  /** Copies this holder's value of {@code v} to the host (through {@link Variable#hostBuffer(float[])}). */
  void pull(Variable v);

  /**
   * Reads the values of {@code vars} at once for the {@link #pull}s that follow right after, where reading them one
   * by one costs more; by default nothing.
   */
  default void prefetch(java.util.List<Variable> vars) {}

  /** The host version this holder's copy of {@code v} equals, or -1. */
  long syncedVersion(Variable v);

  /** Records that this holder's copy of {@code v} equals host version {@code version}. */
  void synced(Variable v, long version);
}
