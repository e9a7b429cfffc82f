"""TF2 SavedModels for TFSMLayerSavedModelTest: Keras 3 exports and a tf.Module, with reference numbers.

Pinned: keras 3.15.1, tensorflow 2.21.0. Writes, under
keras4j/src/test/resources/io/keras4j/layers/tfsm/, the SavedModels
  dense/     keras.Sequential Dense(8, relu) + Dense(3), written by model.export(path)
  conv_bn/   Conv2D(3, 3) + BatchNormalization + GlobalAveragePooling2D + Dense(2), model.export(path)
  two_in_two_out/  a functional Keras model (two inputs, two outputs, gelu, Dropout, LayerNormalization) written by
             tf.saved_model.save (signature "serving_default")
  module/    a tf.Module (variables w, b; tanh(x @ w + b)), tf.saved_model.save with signature "serve"
  cumprod/   a tf.Module running tf.math.cumprod, whose gradient TensorFlow has in Python only
  loop/      a tf.Module whose signature runs a tf.while_loop (keras4j refuses it)
and reference.json: for each model its input, the output of the "serve" signature, its variables (name, shape,
trainable, value) and, for one SGD step (learning rate 0.1) on the loss mean((serve(x) - y)^2) over the trainable
variables (gradient by tf.GradientTape through the reloaded function), the target y and the variables' new values.
Run: /work/venv-keras/bin/python tools/keras-reference/tfsm_models.py
"""
import json
import os
import shutil

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np
import keras
import tensorflow as tf
from keras import layers

assert keras.__version__ == "3.15.1", keras.__version__
assert tf.__version__ == "2.21.0", tf.__version__

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "keras4j", "src", "test", "resources", "io", "keras4j",
                   "layers", "tfsm")
LEARNING_RATE = 0.1


def dense():
    keras.utils.set_random_seed(1)
    m = keras.Sequential([keras.Input((4,)), layers.Dense(8, activation="relu"), layers.Dense(3)])
    return m, (4,)


def conv_bn():
    keras.utils.set_random_seed(2)
    m = keras.Sequential([keras.Input((6, 6, 2)), layers.Conv2D(3, 3), layers.BatchNormalization(),
                          layers.GlobalAveragePooling2D(), layers.Dense(2)])
    # Moving statistics away from 0 and 1, so that inference-mode normalization is visible in the outputs.
    bn = m.layers[1]
    bn.moving_mean.assign(np.array([0.1, -0.2, 0.3], np.float32))
    bn.moving_variance.assign(np.array([0.5, 1.5, 2.0], np.float32))
    return m, (6, 6, 2)


def two_in_two_out():
    """Two inputs, two outputs, exact GELU (Erfc), Dropout and LayerNormalization; saved by tf.saved_model.save."""
    keras.utils.set_random_seed(4)
    a = keras.Input((5,))
    b = keras.Input((3,))
    h = layers.Dense(4, activation="gelu")(layers.Concatenate()([a, b]))
    h = layers.LayerNormalization()(layers.Dropout(0.3)(h))
    return keras.Model([a, b], [layers.Dense(2, activation="softmax")(h), layers.Dense(1)(h)])


def reference_multi(path, seed):
    """Like reference, for the "serving_default" signature with several inputs and outputs (loss: sum over them)."""
    rng = np.random.default_rng(seed)
    obj = tf.saved_model.load(path)
    sig = obj.signatures["serving_default"]
    specs = sig.structured_input_signature[1]
    x = {k: rng.normal(size=(4,) + tuple(specs[k].shape[1:])).astype(np.float32) for k in sorted(specs)}
    out = {k: v.numpy() for k, v in sig(**{k: tf.constant(v) for k, v in x.items()}).items()}
    y = {k: rng.normal(size=v.shape).astype(np.float32) for k, v in out.items()}
    train_vars = list(sig.trainable_variables)  # the variables the signature captures
    with tf.GradientTape() as tape:
        got = sig(**{k: tf.constant(v) for k, v in x.items()})
        loss = tf.add_n([tf.reduce_mean(tf.square(got[k] - y[k])) for k in sorted(y)])
    grads = tape.gradient(loss, train_vars)
    after = {id(v): (v - LEARNING_RATE * g).numpy() for v, g in zip(train_vars, grads)}
    variables = [{"name": v.name, "shape": list(v.shape), "trainable": True, "value": v.numpy().ravel().tolist(),
                  "after_sgd_step": after[id(v)].ravel().tolist()} for v in train_vars]
    return {"inputs": {k: v.tolist() for k, v in x.items()}, "outputs": {k: v.tolist() for k, v in out.items()},
            "targets": {k: v.tolist() for k, v in y.items()}, "loss": float(loss), "learning_rate": LEARNING_RATE,
            "variables": variables}


class Affine(tf.Module):
    def __init__(self):
        super().__init__()
        rng = np.random.default_rng(3)
        self.w = tf.Variable(rng.normal(size=(4, 2)).astype(np.float32), name="w")
        self.b = tf.Variable(np.array([0.5, -0.5], np.float32), name="b")

    @tf.function(input_signature=[tf.TensorSpec([None, 4], tf.float32)])
    def serve(self, x):
        return tf.tanh(tf.matmul(x, self.w) + self.b)


class Cumprod(tf.Module):
    """An op whose gradient TensorFlow defines in Python only (no C++ gradient): keras4j refuses to fine-tune it."""

    def __init__(self):
        super().__init__()
        self.w = tf.Variable(np.full((4, 3), 0.25, np.float32), name="w")

    @tf.function(input_signature=[tf.TensorSpec([None, 4], tf.float32)])
    def serve(self, x):
        return tf.math.cumprod(tf.tanh(tf.matmul(x, self.w)), axis=1)


class Loop(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = tf.Variable(np.ones((4, 2), np.float32), name="w")

    @tf.function(input_signature=[tf.TensorSpec([None, 4], tf.float32)])
    def serve(self, x):
        i = tf.constant(0)
        _, y = tf.while_loop(lambda i, y: i < 3, lambda i, y: (i + 1, y * 2.0), [i, x])
        return tf.matmul(y, self.w)


def reference(path, shape, seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(5,) + shape).astype(np.float32)
    obj = tf.saved_model.load(path)
    out = obj.signatures["serve"](tf.constant(x))
    key = sorted(out.keys())[0]
    y_pred = out[key].numpy()
    y = rng.normal(size=y_pred.shape).astype(np.float32)
    # A Keras export archive tracks its variable lists; a plain tf.Module restores only its attributes.
    own = [getattr(obj, a) for a in ("w", "b") if hasattr(obj, a)]
    all_vars = list(obj.variables) if hasattr(obj, "variables") else own
    train_vars = list(obj.trainable_variables) if hasattr(obj, "trainable_variables") else all_vars
    trainable = {id(v) for v in train_vars}
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(obj.signatures["serve"](tf.constant(x))[key] - y))
    grads = tape.gradient(loss, train_vars)
    after = {id(v): (v - LEARNING_RATE * g).numpy() for v, g in zip(train_vars, grads)}
    variables = [{"name": v.name, "shape": list(v.shape), "trainable": id(v) in trainable,
                  "value": v.numpy().ravel().tolist(),
                  "after_sgd_step": after.get(id(v), v.numpy()).ravel().tolist()} for v in all_vars]
    return {"x": x.tolist(), "output_key": key, "y_pred": y_pred.tolist(), "y": y.tolist(), "loss": float(loss),
            "learning_rate": LEARNING_RATE, "variables": variables}


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    refs = {}
    for i, (name, build) in enumerate([("dense", dense), ("conv_bn", conv_bn)]):
        model, shape = build()
        path = os.path.join(OUT, name)
        model.export(path, verbose=False)
        refs[name] = reference(path, shape, 10 + i)
    path = os.path.join(OUT, "two_in_two_out")
    tf.saved_model.save(two_in_two_out(), path)
    refs["two_in_two_out"] = reference_multi(path, 14)
    module = Affine()
    path = os.path.join(OUT, "module")
    tf.saved_model.save(module, path, signatures={"serve": module.serve})
    refs["module"] = reference(path, (4,), 12)
    cumprod = Cumprod()
    path = os.path.join(OUT, "cumprod")
    tf.saved_model.save(cumprod, path, signatures={"serve": cumprod.serve})
    refs["cumprod"] = reference(path, (4,), 13)
    loop = Loop()
    tf.saved_model.save(loop, os.path.join(OUT, "loop"), signatures={"serve": loop.serve})
    with open(os.path.join(OUT, "reference.json"), "w") as f:
        json.dump(refs, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
