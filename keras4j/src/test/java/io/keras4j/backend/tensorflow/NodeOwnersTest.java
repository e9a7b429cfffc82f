package io.keras4j.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.Dense;
import io.keras4j.layers.Embedding;
import io.keras4j.layers.InputLayer;
import io.keras4j.models.Sequential;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.op.Ops;

/**
 * A kernel's error names the layer whose call made the failing node, as Keras' errors do through the layer's name
 * scope ("Detected at node sequential/embedding/GatherV2").
 */
class NodeOwnersTest {
  @Test
  void eachOpBelongsToTheInnermostLayerCallThatMadeIt() {
    try (Graph g = new Graph(); NodeOwners owners = new NodeOwners(NativeGraphs.handle(g))) {
      Ops tf = Ops.create(g);
      tf.withName("before").constant(1f);
      owners.run("'outer' (Sequential)", () -> {
        tf.withName("a").constant(1f);
        owners.run("'inner' (Dense)", () -> tf.withName("b").constant(2f));
        return tf.withName("c").constant(3f);
      });
      tf.withName("after").constant(4f);
      owners.run("'last' (Dense)", () -> tf.withName("d").constant(5f));
      assertNull(owners.owner("before"), "made outside any layer's call");
      assertEquals("'outer' (Sequential)", owners.owner("a"));
      assertEquals("'inner' (Dense)", owners.owner("b"));
      assertEquals("'outer' (Sequential)", owners.owner("c"), "after the nested call ended");
      assertNull(owners.owner("after"), "made between two layers' calls");
      assertEquals("'last' (Dense)", owners.owner("d"));
    }
  }

  @Test
  void anErrorIsExplainedOnlyForANodeOfTheGraphThatALayerMade() {
    try (Graph g = new Graph(); NodeOwners owners = new NodeOwners(NativeGraphs.handle(g))) {
      Ops tf = Ops.create(g);
      owners.run("'dense' (Dense)", () -> tf.withName("MatMul").constant(1f));
      tf.withName("loss").constant(1f);
      owners.run("'other' (Dense)", () -> null);

      TFInvalidArgumentException e = new TFInvalidArgumentException("Matrix size-incompatible: In[0]: [2,3]\n"
          + "\t [[{{node MatMul}}]]");
      RuntimeException explained = owners.explain(e);
      assertEquals(TFInvalidArgumentException.class, explained.getClass(), "the same class, for callers' catches");
      assertEquals("Layer 'dense' (Dense), at TensorFlow node MatMul: " + e.getMessage(), explained.getMessage());
      assertSame(e, explained.getCause());

      RuntimeException loss = new TFInvalidArgumentException("bad\n\t [[{{node loss}}]]");
      assertSame(loss, owners.explain(loss), "a node no layer made");
      RuntimeException body = new TFInvalidArgumentException(
          "bad\n\t [[{{function_node __inference_body_12}}{{node MatMul}}]]");
      assertSame(body, owners.explain(body), "a node of a function's body, whose names are the function's own");
      RuntimeException none = new IllegalStateException("no node at all");
      assertSame(none, owners.explain(none));
    }
  }

  @Test
  void aNodeInAFunctionsBodyIsExplainedByThatFunctionsRecord() {
    try (Graph g = new Graph(); Graph bodyGraph = new Graph();
        NodeOwners owners = new NodeOwners(NativeGraphs.handle(g));
        NodeOwners body = new NodeOwners(NativeGraphs.handle(bodyGraph))) {
      Ops tf = Ops.create(bodyGraph);
      body.run("'dense' (Dense)", () -> tf.withName("MatMul").constant(1f));
      tf.withName("Adam").constant(1f);
      owners.addFunction("steps_body", body, null);
      owners.addFunction("lstm_step", null, "'lstm' (LSTM)");
      owners.addFunction("unowned", null, null);

      RuntimeException e = new TFInvalidArgumentException(
          "bad\n\t [[{{function_node steps_body}}{{node MatMul}}]]");
      assertEquals("Layer 'dense' (Dense), at TensorFlow node MatMul of function steps_body: " + e.getMessage(),
          owners.explain(e).getMessage());
      RuntimeException adam = new TFInvalidArgumentException("bad\n\t [[{{function_node steps_body}}{{node Adam}}]]");
      assertSame(adam, owners.explain(adam), "made in the body outside any layer's call");
      RuntimeException step = new TFInvalidArgumentException(
          "bad\n\t [[{{function_node lstm_step}}{{node MatMul_7}}]]");
      assertEquals("Layer 'lstm' (LSTM), at TensorFlow node MatMul_7 of function lstm_step: " + step.getMessage(),
          owners.explain(step).getMessage(), "a recurrence's step: its ops are its layer's");
      RuntimeException merged = new TFInvalidArgumentException(
          "bad\n\t [[{{function_node lstm_step}}{{node MatMul_7}}, {{function_node steps_body}}{{node MatMul}}]]");
      assertEquals("Layer 'lstm' (LSTM), at TensorFlow node MatMul_7 of function lstm_step: " + merged.getMessage(),
          owners.explain(merged).getMessage(), "a node TensorFlow merged from two: the frame's first");
      RuntimeException main = new TFInvalidArgumentException("bad\n\t [[{{node MatMul}}]]");
      assertSame(main, owners.explain(main), "the model graph's MatMul is not the body's");
      RuntimeException other = new TFInvalidArgumentException("bad\n\t [[{{function_node unowned}}{{node X}}]]");
      assertSame(other, owners.explain(other));
    }
  }

  @Test
  void aNodeInABodyRunAsItsOwnFunctionIsFoundThroughTheLoopThatCalledIt() {
    try (Graph g = new Graph(); Graph bodyGraph = new Graph();
        NodeOwners owners = new NodeOwners(NativeGraphs.handle(g));
        NodeOwners body = new NodeOwners(NativeGraphs.handle(bodyGraph))) {
      Ops main = Ops.create(g);
      Ops tf = Ops.create(bodyGraph);
      owners.run("'first' (Dense)", () -> main.withName("MatMul").constant(1f));
      body.run("'second' (Dense)", () -> tf.withName("MatMul").constant(1f));
      owners.addFunction("steps_body", body, null);
      owners.addCaller("steps_loop_1", "steps_body");

      // -Dkeras4j.rnn.lower=false: TensorFlow names the loop op after the body's node, not the function
      RuntimeException e = new TFInvalidArgumentException("bad\n\t [[{{node MatMul}}]]\n\t [[steps_loop_1]]");
      assertEquals("Layer 'second' (Dense), at TensorFlow node MatMul of function steps_body: " + e.getMessage(),
          owners.explain(e).getMessage(), "the body's MatMul, not the model graph's");
      RuntimeException unknown = new TFInvalidArgumentException("bad\n\t [[{{node MatMul}}]]\n\t [[other_loop]]");
      assertSame(unknown, owners.explain(unknown), "a loop not recorded: no guess");
      RuntimeException nested = new TFInvalidArgumentException(
          "bad\n\t [[{{node MatMul}}]]\n\t [[rnn_forward]]\n\t [[steps_loop_1]]");
      assertSame(nested, owners.explain(nested), "a loop inside a body: its name is the body's own");
      RuntimeException plain = new TFInvalidArgumentException("bad\n\t [[{{node MatMul}}]]");
      assertEquals("Layer 'first' (Dense), at TensorFlow node MatMul: " + plain.getMessage(),
          owners.explain(plain).getMessage());
      RuntimeException merged = new TFInvalidArgumentException(
          "bad\n\t [[{{node MatMul}}, {{node Other}}]]\n\t [[rnn_forward]]");
      assertSame(merged, owners.explain(merged), "a merged node in a body run as its own function: no guess");
      RuntimeException partitioned = new TFInvalidArgumentException("bad\n\t [[{{node MatMul}}]]\n\t [[Mean/_29]]");
      assertEquals("Layer 'first' (Dense), at TensorFlow node MatMul: " + partitioned.getMessage(),
          owners.explain(partitioned).getMessage(), "a node TensorFlow added when it partitioned the graph");
    }
  }

  @Test
  void twoLayersWhoseIdenticalStepsShareAFunctionNameAreNotTold() {
    try (Graph g = new Graph(); NodeOwners owners = new NodeOwners(NativeGraphs.handle(g))) {
      // TensorFlow names a function after a hash of its body: a Bidirectional LSTM's two directions share one
      owners.addFunction("lstm_step_h1", null, "'forward_lstm' (LSTM)");
      owners.addFunction("lstm_step_h1", null, "'backward_lstm' (LSTM)");
      owners.addFunction("gru_step_h2", null, "'gru' (GRU)");
      owners.addFunction("gru_step_h2", null, "'gru' (GRU)"); // the same layer traced twice
      RuntimeException shared = new TFInvalidArgumentException("bad\n\t [[{{function_node lstm_step_h1}}{{node X}}]]");
      assertSame(shared, owners.explain(shared));
      owners.addFunction("lstm_step_h1", null, "'forward_lstm' (LSTM)");
      assertSame(shared, owners.explain(shared), "once shared, never told");
      RuntimeException own = new TFInvalidArgumentException("bad\n\t [[{{function_node gru_step_h2}}{{node X}}]]");
      assertTrue(owners.explain(own).getMessage().startsWith("Layer 'gru' (GRU), at TensorFlow node X"));
    }
  }

  @Test
  void aLoopOfStepsNamesTheLayerInItsBody() {
    Sequential model = new Sequential(new InputLayer(2), new Embedding(10, 4).name("looped_words"), new Dense(1));
    model.compile(new io.keras4j.models.CompileOptions().optimizer("sgd").loss("mse").stepsPerExecution(4));
    try {
      float[][] x = {{1, 2}, {1, 12}, {1, 2}, {3, 4}};
      TFInvalidArgumentException e = assertThrows(TFInvalidArgumentException.class,
          () -> model.fit(x, new float[][] {{1}, {1}, {1}, {1}}, 1, 1));
      assertTrue(e.getMessage().startsWith("Layer 'looped_words' (Embedding), at TensorFlow node "), e.getMessage());
      assertTrue(e.getMessage().contains(" of function "), e.getMessage());
    } finally {
      model.close();
    }
  }

  @Test
  void predictNamesTheEmbeddingWhoseIndexIsOutOfRange() {
    Sequential model = new Sequential(new InputLayer(2), new Embedding(10, 4).name("words"), new Dense(1));
    try {
      model.predict(new float[][] {{1, 3}}); // in range: runs
      TFInvalidArgumentException e = assertThrows(TFInvalidArgumentException.class,
          () -> model.predict(new float[][] {{1, 12}}));
      assertTrue(e.getMessage().startsWith("Layer 'words' (Embedding), at TensorFlow node "), e.getMessage());
      assertTrue(e.getMessage().contains("12 is not in [0, 10)"), e.getMessage());
      assertTrue(e.getCause() instanceof TFInvalidArgumentException, "TensorFlow's own error kept as the cause");
    } finally {
      model.close();
    }
  }

  @Test
  void aNestedModelsErrorNamesItsInnermostLayer() {
    Sequential inner = new Sequential(new InputLayer(2), new Embedding(10, 4).name("inner_words"));
    Sequential model = new Sequential(new InputLayer(2), inner, new Dense(1));
    model.compile("sgd", "mse");
    try {
      TFInvalidArgumentException e = assertThrows(TFInvalidArgumentException.class,
          () -> model.fit(new float[][] {{1, 12}}, new float[][] {{1}}, 1, 1));
      assertTrue(e.getMessage().startsWith("Layer 'inner_words' (Embedding), at TensorFlow node "), e.getMessage());
    } finally {
      model.close();
    }
  }
}
