package io.keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code profile_batch}: the traced batches' run metadata in the train events, and the op table beside them. */
class TensorBoardProfileTest {
  @TempDir
  Path dir;

  @Test
  void profilesTheChosenBatches() throws IOException {
    Map<String, Object> ref = TensorBoardTest.reference();
    Sequential m = TensorBoardTest.tiny(ref);
    m.fit(TensorBoardTest.matrix(ref.get("x")), TensorBoardTest.floats(ref.get("y")), new FitOptions().epochs(2)
        .batchSize(4).shuffle(false).verbose(0).callbacks(new TensorBoard(dir).profileBatch(2, 4)));
    List<EventFileReader.Event> train = EventFileReader.readDir(dir.resolve("train"));
    EventFileReader.Value trace = TensorBoardTest.value(train, "batch_4", 4);
    assertEquals("graph_run_metadata", trace.plugin());
    assertEquals("1", trace.pluginContent());
    // RunMetadata: step_stats (1) with a device's node stats, function_graphs (4) with the graph that ran
    Map<Integer, List<Object>> runMetadata = EventFileReader.fields(trace.strings().get(0));
    Map<Integer, List<Object>> stepStats = EventFileReader.fields((byte[]) runMetadata.get(1).get(0));
    assertTrue(stepStats.get(1).size() >= 3, "device stats of 3 traced runs: " + stepStats.get(1).size());
    assertEquals(1, runMetadata.get(4).size(), "one traced graph");
    Path table;
    try (Stream<Path> files = Files.walk(dir.resolve("train/plugins/profile"))) {
      table = files.filter(p -> p.toString().endsWith(".keras4j_ops.md")).findFirst().orElseThrow();
    }
    String text = Files.readString(table);
    assertTrue(text.startsWith("3 traced runs"), text);
    assertTrue(text.contains("| op type | ms | share | executions | us per execution |"), text);
  }

  @Test
  void noProfileByDefault() throws IOException {
    Map<String, Object> ref = TensorBoardTest.reference();
    Sequential m = TensorBoardTest.tiny(ref);
    m.fit(TensorBoardTest.matrix(ref.get("x")), TensorBoardTest.floats(ref.get("y")), new FitOptions().epochs(1)
        .batchSize(4).shuffle(false).verbose(0).callbacks(new TensorBoard(dir)));
    assertTrue(Files.notExists(dir.resolve("train/plugins")));
    for (EventFileReader.Event e : EventFileReader.readDir(dir.resolve("train"))) {
      e.values().forEach(v -> assertTrue(!v.plugin().startsWith("graph_run"), v.tag()));
    }
  }
}
