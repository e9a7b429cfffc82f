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
