package io.keras4j.saving.formats;

import io.keras4j.saving.KerasFileException;
import java.util.function.Supplier;

/**
 * Turns whatever a corrupt file makes a parser throw into a {@link KerasFileException} naming the file.
 *
 * <p>Porting note: Keras lets h5py's and json's errors through; keras4j's loaders promise one exception type. A
 * KerasFileException that does not name the file yet gets the file's name in front; any other RuntimeException
 * (jhdf's HdfException, Jackson's, a ClassCastException from a mistyped config value, an index or arithmetic error)
 * and a StackOverflowError (a cyclic or too deeply nested structure) become one with the original as its cause. An
 * OutOfMemoryError (a size in the file that passed the checks but does not fit in this JVM's heap) does too: the
 * allocation that failed was never made, so the heap is free again once the loader has unwound.
 */
public final class LoadGuard {
  private LoadGuard() {}

  /** Runs {@code body}, which reads {@code source} (a file name, or a description such as "the model config"). */
  public static <T> T guard(Object source, Supplier<T> body) {
    String name = String.valueOf(source);
    try {
      return body.get();
    } catch (KerasFileException e) {
      if (e.getMessage() != null && e.getMessage().contains(name)) {
        throw e;
      }
      throw new KerasFileException(name + ": " + e.getMessage(), e);
    } catch (RuntimeException | StackOverflowError e) {
      throw new KerasFileException("Cannot read " + name + ", it is corrupt or not in the expected layout: "
          + describe(e), e);
    } catch (OutOfMemoryError e) {
      throw new KerasFileException("Cannot read " + name + ": a size it declares does not fit in memory ("
          + describe(e) + ")", e);
    }
  }

  /** Runs {@code body} as {@link #guard(Object, Supplier)}. */
  public static void run(Object source, Runnable body) {
    guard(source, () -> {
      body.run();
      return null;
    });
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + (m.length() > 500 ? m.substring(0, 500) + "..." : m));
  }
}
