"""Writes nested_dense_model.keras and nested_dense_model.json, a subclassed Keras 3.15.1 model made of registered
custom classes, that keras4j's SubclassedModelSavingTest loads with equivalent Java classes.

The model (`NestedDenseModel`, registered as `keras4j_test>NestedDenseModel`) holds a Dense (`dense`) and a custom
layer (`nested`: a `NestedBlock`, itself a Dense `inner` followed by a `Scale` layer `scale`); Dense `dense` uses the
registered custom activation `keras4j_test>scaled_tanh`. It is compiled with the registered custom loss
`keras4j_test>ScaledMse` and trained two steps with SGD, so the file carries compile_config and optimizer variables.
`Scale` is NOT registered: NestedBlock makes it in its constructor, so the subclassed model loads without it, but
functional_custom.keras (below) names it in its config and loads only with `custom_objects={"Scale": Scale}`.

Run with the pinned versions (requirements.txt), from the repository root:

    KERAS_BACKEND=tensorflow python tools/keras-reference/custom_objects.py
    KERAS_BACKEND=tensorflow python tools/keras-reference/custom_objects.py --check FILE.keras

It also writes functional_custom.keras/.json: a functional model of Dense(4, activation=scaled_tanh) and Scale(1.5),
compiled with ScaledMse(scale=3.0), as Keras serializes a registered custom function in a layer config.

And functional_with_subclassed.keras/.json: Input(3) -> NestedDenseModel(4, 2) -> Dense(1), a subclassed model
nested in a functional one.

The second form loads a .keras file that keras4j saved (with the same classes) and prints whether Keras' predictions
on the inputs of nested_dense_model.json match keras4j's (within 1e-5).
"""

import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402

KERAS_VERSION = "3.15.1"
assert keras.__version__ == KERAS_VERSION, f"needs keras=={KERAS_VERSION}, found {keras.__version__}"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "keras4j", "src", "test", "resources",
                   "io", "keras4j", "saving", "custom")


@keras.saving.register_keras_serializable(package="keras4j_test")
def scaled_tanh(x):
    return 2.0 * keras.ops.tanh(x)


class Scale(keras.layers.Layer):
    """Multiplies by a learned vector initialised to `init` (not registered: loaded through custom_objects)."""

    def __init__(self, init=1.0, **kwargs):
        super().__init__(**kwargs)
        self.init = init

    def build(self, input_shape):
        self.factor = self.add_weight(shape=(input_shape[-1],), initializer=keras.initializers.Constant(self.init),
                                      name="factor")

    def call(self, x):
        return x * self.factor

    def get_config(self):
        config = super().get_config()
        config["init"] = self.init
        return config


@keras.saving.register_keras_serializable(package="keras4j_test")
class NestedBlock(keras.layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.inner = keras.layers.Dense(units, activation="tanh")
        self.scale = Scale(0.5)

    def build(self, input_shape):
        self.inner.build(input_shape)
        self.scale.build(input_shape[:-1] + (self.units,))

    def call(self, x):
        return self.scale(self.inner(x))

    def get_config(self):
        config = super().get_config()
        config["units"] = self.units
        return config


@keras.saving.register_keras_serializable(package="keras4j_test")
class NestedDenseModel(keras.Model):
    def __init__(self, units=4, out_units=2, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.out_units = out_units
        self.dense = keras.layers.Dense(units, activation=scaled_tanh)
        self.nested = NestedBlock(units)
        self.head = keras.layers.Dense(out_units)

    def call(self, x):
        return self.head(self.nested(self.dense(x)))

    def get_config(self):
        config = super().get_config()
        config.update(units=self.units, out_units=self.out_units)
        return config


@keras.saving.register_keras_serializable(package="keras4j_test")
class ScaledMse(keras.losses.Loss):
    def __init__(self, scale=1.0, name="scaled_mse", reduction="sum_over_batch_size", dtype=None):
        super().__init__(name=name, reduction=reduction, dtype=dtype)
        self.scale = scale

    def call(self, y_true, y_pred):
        return self.scale * keras.ops.mean(keras.ops.square(y_pred - y_true), axis=-1)

    def get_config(self):
        config = super().get_config()
        config["scale"] = self.scale
        return config


CUSTOM_OBJECTS = {"Scale": Scale}


def check(path, expected_json):
    with open(expected_json) as f:
        expected = json.load(f)
    model = keras.saving.load_model(path, custom_objects=CUSTOM_OBJECTS)
    x = np.array(expected["x"], dtype="float32")
    keras4j_predictions = np.array(expected["keras4j_predictions"] if "keras4j_predictions" in expected
                                   else expected["predictions"], dtype="float32")
    got = model.predict(x, verbose=0)
    print("class:", type(model).__name__, "compiled:", model.compiled, "loss:", type(model.loss).__name__)
    print("max |keras - expected| =", float(np.max(np.abs(got - keras4j_predictions))))
    print("OK" if np.allclose(got, keras4j_predictions, atol=1e-5) else "MISMATCH")


def main():
    keras.utils.set_random_seed(7)
    model = NestedDenseModel(units=4, out_units=2, name="nested_dense_model")
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss=ScaledMse(scale=2.0))
    rng = np.random.default_rng(3)
    x_train = rng.normal(size=(8, 3)).astype("float32")
    y_train = rng.normal(size=(8, 2)).astype("float32")
    model.fit(x_train, y_train, batch_size=4, epochs=1, verbose=0)
    x = rng.normal(size=(5, 3)).astype("float32")
    predictions = model.predict(x, verbose=0)
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "nested_dense_model.keras")
    model.save(path)
    with open(os.path.join(OUT, "nested_dense_model.json"), "w") as f:
        json.dump({"keras_version": KERAS_VERSION, "x": x.tolist(), "predictions": predictions.tolist(),
                   "x_train": x_train.tolist(), "y_train": y_train.tolist()}, f, indent=1)
    reloaded = keras.saving.load_model(path, custom_objects=CUSTOM_OBJECTS)
    assert np.allclose(reloaded.predict(x, verbose=0), predictions, atol=1e-6)
    functional(x)
    functional_with_subclassed(x)


def functional(x):
    """functional_custom.keras: a functional model of a Dense with the custom activation and the custom Scale."""
    keras.utils.set_random_seed(11)
    inputs = keras.Input((3,))
    h = keras.layers.Dense(4, activation=scaled_tanh, name="hidden")(inputs)
    outputs = Scale(1.5, name="scale")(h)
    model = keras.Model(inputs, outputs, name="functional_custom")
    model.compile(optimizer="adam", loss=ScaledMse(scale=3.0))
    path = os.path.join(OUT, "functional_custom.keras")
    model.save(path)
    with open(os.path.join(OUT, "functional_custom.json"), "w") as f:
        json.dump({"keras_version": KERAS_VERSION, "x": x.tolist(), "predictions": model.predict(x, verbose=0).tolist()},
                  f, indent=1)


def functional_with_subclassed(x):
    """functional_with_subclassed.keras: Input(3) -> NestedDenseModel(4, 2) -> Dense(1), a subclassed model nested in
    a functional one (its weights at layers/nested_dense_model/dense/vars/0, ...)."""
    keras.utils.set_random_seed(13)
    inputs = keras.Input((3,))
    outputs = keras.layers.Dense(1, name="out")(NestedDenseModel(units=4, out_units=2, name="sub")(inputs))
    model = keras.Model(inputs, outputs, name="functional_with_subclassed")
    model.save(os.path.join(OUT, "functional_with_subclassed.keras"))
    with open(os.path.join(OUT, "functional_with_subclassed.json"), "w") as f:
        json.dump({"keras_version": KERAS_VERSION, "x": x.tolist(), "predictions": model.predict(x, verbose=0).tolist()},
                  f, indent=1)


if __name__ == "__main__":
    if len(sys.argv) in (3, 4) and sys.argv[1] == "--check":
        check(sys.argv[2], sys.argv[3] if len(sys.argv) == 4 else os.path.join(OUT, "nested_dense_model.json"))
    else:
        main()
