package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keras 3's operation nodes ({@code x + 3.0}, {@code keras.ops.relu(x)}) evaluate, save and load as in Keras. */
class OperationTest {
  private static final float[] X = {-4f, -1.5f, 0f, 0.5f, 2f, 7f};

  @TempDir
  Path dir;

  private static float[] run(KerasTensor in, KerasTensor out) {
    try (Model m = new Model(in, out)) {
      return predict(m);
    }
  }

  private static float[] predict(Model m) {
    return m.predict(NDArray.of(new HostArray(X, Shape.of(1, X.length)))).toFloatArray();
  }

  private static float[] expected(DoubleUnaryOperator f) {
    float[] y = new float[X.length];
    for (int i = 0; i < X.length; i++) {
      y[i] = (float) f.applyAsDouble(X[i]);
    }
    return y;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"Relu", "Relu6", "Sigmoid", "HardSigmoid", "HardSilu", "Silu", "Tanh", "Negative", "Abs", "Square"})
  void unaryOperationsComputeKerasFormulas(String function) {
    Map<String, DoubleUnaryOperator> formulas = Map.of(
        "Relu", x -> Math.max(x, 0),
        "Relu6", x -> Math.min(Math.max(x, 0), 6),
        "Sigmoid", x -> 1 / (1 + Math.exp(-x)),
        "HardSigmoid", x -> Math.min(Math.max(x + 3, 0), 6) / 6,
        "HardSilu", x -> x * Math.min(Math.max(x + 3, 0), 6) / 6,
        "Silu", x -> x / (1 + Math.exp(-x)),
        "Tanh", Math::tanh,
        "Negative", x -> -x,
        "Abs", Math::abs,
        "Square", x -> x * x);
    KerasTensor in = Input.of(X.length);
    assertArrayEquals(expected(formulas.get(function)), run(in, Operation.call(function, in)), 1e-6f);
  }

  @Test
  void binaryOperationsTakeNumbersOnEitherSide() {
    KerasTensor in = Input.of(X.length);
    assertArrayEquals(expected(x -> x + 3), run(in, Operation.call("Add", in, 3.0)), 1e-6f);
    assertArrayEquals(expected(x -> 1 - x), run(in, Operation.call("Subtract", 1.0, in)), 1e-6f);
    assertArrayEquals(expected(x -> x / 2), run(in, Operation.call("TrueDivide", in, 2)), 1e-6f);
    assertArrayEquals(expected(x -> Math.max(x, 0.5)), run(in, Operation.call("Maximum", in, 0.5)), 1e-6f);
    assertArrayEquals(expected(x -> Math.min(x, 0.5)), run(in, Operation.call("Minimum", 0.5, in)), 1e-6f);
    assertArrayEquals(expected(x -> x * x), run(in, Operation.call("Multiply", in, in)), 1e-6f);
  }

  @Test
  void operationsAreNotLayersOfTheModelButItsOperations() {
    KerasTensor in = Input.of(X.length);
    KerasTensor d = new Dense(2).apply(Operation.call("Add", in, 3.0));
    try (Model m = new Model(in, d)) {
      assertEquals(List.of(InputLayer.class, Dense.class), m.layers().stream().map(Object::getClass).toList());
      assertEquals(List.of(InputLayer.class, Operation.class, Dense.class),
          m.operations().stream().map(Object::getClass).toList());
    }
  }

  @Test
  void savedOperationIsAnOperationNodeNotTheAddLayer() throws IOException {
    KerasTensor in = Input.of(X.length);
    KerasTensor y = Operation.call("Multiply", Operation.call("Add", in, 3.0), in);
    Path file = dir.resolve("ops.keras");
    try (Model m = new Model(in, y)) {
      m.save(file);
      @SuppressWarnings("unchecked")
      Map<String, Object> config = (Map<String, Object>) io.keras4j.saving.formats.ModelWriter.config(m)
          .get("config");
      Map<?, ?> entry = (Map<?, ?>) ((List<?>) config.get("layers")).get(1);
      assertEquals("keras.src.ops.numpy", entry.get("module"));
      assertEquals("Add", entry.get("class_name"));
    }
    try (Model back = Models.loadModel(file)) {
      assertInstanceOf(Operation.class, back.operations().get(1));
      assertArrayEquals(expected(x -> (x + 3) * x), predict(back), 1e-5f);
    }
  }

  @Test
  void kerasFileWithOperationNodesPredictsAsKeras() throws IOException {
    Path file = dir.resolve("operations.keras");
    try (InputStream in = getClass().getResourceAsStream("/io/keras4j/saving/graph/operations.keras")) {
      Files.copy(in, file);
    }
    try (Model m = Models.loadModel(file)) {
      List<String> functions = m.operations().stream().filter(l -> l instanceof Operation)
          .map(l -> ((Operation) l).function()).toList();
      assertEquals(List.of("Add", "Relu", "Multiply", "Maximum", "Subtract", "Sigmoid", "TrueDivide", "Minimum", "Add",
          "Tanh", "Subtract", "Multiply"), functions);
      assertInstanceOf(Add.class, m.getLayer("add_layer"));
    }
  }

  @Test
  void unknownOperationOrWrongArgumentsAreRefusedWithTheirNames() {
    KerasTensor in = Input.of(3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Operation.call("Einsum", in));
    assertTrue(e.getMessage().contains("Einsum"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Operation.call("Add", in));
    assertTrue(e.getMessage().contains("takes 2 positional argument(s)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Operation.call("Add", 1.0, 2.0));
    assertTrue(e.getMessage().contains("needs a tensor argument"), e.getMessage());
  }
}
