package io.keras4j.tuner;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code random.Random(seed)}: the Mersenne Twister MT19937 seeded from an integer as CPython seeds it
 * ({@code init_by_array} of the seed's 32-bit words), and {@code random()} built from two draws (53 bits).
 *
 * <p>KerasTuner samples each hyperparameter with {@code random.Random(seed_state).random()} and bumps the seed state
 * by one per value, so with this generator a keras4j search with {@code seed(s)} proposes the same values as
 * KerasTuner's with {@code seed=s}.
 */
public final class PythonRandom {
  private static final int N = 624;
  private static final int M = 397;
  private final int[] mt = new int[N];
  private int index = N + 1;

  /** A generator seeded as Python's {@code random.Random(seed)}. */
  public PythonRandom(long seed) {
    initByArray(words(BigInteger.valueOf(seed).abs()));
  }

  private static int[] words(BigInteger seed) {
    List<Integer> w = new ArrayList<>();
    BigInteger mask = BigInteger.valueOf(0xffffffffL);
    BigInteger s = seed;
    do {
      w.add(s.and(mask).intValue());
      s = s.shiftRight(32);
    } while (s.signum() > 0);
    return w.stream().mapToInt(Integer::intValue).toArray();
  }

  private void initGenrand(int s) {
    mt[0] = s;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
    index = N;
  }

  private void initByArray(int[] key) {
    initGenrand(19650218);
    int i = 1;
    int j = 0;
    for (int k = Math.max(N, key.length); k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) {
        j = 0;
      }
    }
    for (int k = N - 1; k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  private void twist() {
    for (int k = 0; k < N; k++) {
      int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
      mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
    }
    index = 0;
  }

  /** The next 32 random bits, as an unsigned value (CPython's {@code genrand_uint32}). */
  public long nextUint32() {
    if (index >= N) {
      twist();
    }
    int y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y & 0xffffffffL;
  }

  /** A double in [0, 1) with 53 random bits (Python's {@code random.random()}). */
  public double random() {
    long a = nextUint32() >>> 5;
    long b = nextUint32() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** A double uniform in [low, high) (numpy-style {@code uniform}, from {@link #random()}). */
  public double uniform(double low, double high) {
    return low + (high - low) * random();
  }
}
