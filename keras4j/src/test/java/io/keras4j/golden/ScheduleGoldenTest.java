package io.keras4j.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.data.NDArray;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.optimizers.schedules.LearningRateSchedules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every learning-rate schedule keras4j registers: its value at steps 0..25, 40 and 100, in the graph
 * ({@code call}) and on the host ({@code value}), against real Keras 3.15.1 ({@code golden/schedules/}, written by
 * {@code tools/keras-reference/golden/golden_training.py}); staircase, cycle, alpha and warm-up variants included.
 */
class ScheduleGoldenTest {
  @TestFactory
  Stream<DynamicTest> schedulesMatchKeras() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : Golden.files("schedules")) {
      JsonNode doc = Golden.read(file);
      for (JsonNode c : doc.get("cases")) {
        String name = doc.get("class").asText() + "/" + c.get("name").asText();
        tests.add(DynamicTest.dynamicTest(name, () -> check(c, name)));
      }
    }
    return tests.stream();
  }

  private static void check(JsonNode c, String name) {
    LearningRateSchedule s = LearningRateSchedules.get(Golden.map(c.get("schedule")));
    GoldenConfigs.assertSameConfig(Golden.map(c.get("schedule").get("config")), s.getConfig(), name);
    int n = c.get("steps").size();
    float[] steps = new float[n];
    double[] host = new double[n];
    for (int i = 0; i < n; i++) {
      steps[i] = c.get("steps").get(i).asInt();
      host[i] = s.value(c.get("steps").get(i).asLong());
    }
    NDArray expected = Golden.array(c.get("expected"));
    Golden.assertClose(expected, NDArray.of(host, n), 1e-6, 1e-5, name + " (host value)");
    // the graph form, one step at a time as the optimizer calls it
    NDArray graph = GoldenGraphEval.eval(List.of(NDArray.of(steps, n)), t -> {
      Ops ops = Backend.ops();
      List<Tensor> each = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Tensor step = ops.reshape(ops.slice(t.get(0), new int[] {i}, new int[] {1}));
        each.add(ops.reshape(s.call(step), 1));
      }
      return ops.concatenate(each, 0);
    });
    Golden.assertClose(expected, graph, 1e-6, 1e-5, name + " (graph call)");
  }

  @Test
  void everyRegisteredScheduleHasAGoldenFile() {
    List<String> golden = Golden.classes("schedules");
    for (String cls : LearningRateSchedules.registry().classNames()) {
      assertTrue(golden.contains(cls), "no golden file for schedule " + cls);
    }
    assertEquals(LearningRateSchedules.registry().classNames().size(), golden.size(), "golden files " + golden);
  }
}
