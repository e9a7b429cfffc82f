package io.keras4j.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * LoadApp's seconds since the process started (its {@code *_process_s} keys) against the JVM's own uptime: the
 * process starts a little before the JVM records its start (the launcher runs first), so the count is at least the
 * JVM's uptime less the two 10 ms resolutions of /proc, and not far above it.
 */
class LoadAppTest {
  @Test
  void processSecondsFollowTheJvmUptime() throws Exception {
    LoadApp.ProcessClock clock = new LoadApp.ProcessClock();
    Thread.sleep(50);
    double uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
    long now = System.nanoTime();
    double process = clock.seconds(now);
    assertTrue(process >= uptime - 0.03, process + " s since the process started, JVM uptime " + uptime + " s");
    assertTrue(process <= uptime + 1.0, process + " s since the process started, JVM uptime " + uptime + " s");
    double later = clock.seconds(now + 2_000_000_000L);
    assertTrue(Math.abs(later - process - 2.0) < 1e-9, "two seconds on: " + (later - process));
  }
}
