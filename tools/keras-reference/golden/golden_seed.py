"""Golden files for random-generator state (SeedGenerator): the numbers Keras draws from a given seed.

Writes keras4j/src/test/resources/io/keras4j/golden/random/<ClassName>.json for the layers that own a
keras.random.SeedGenerator. Each "call" case: the layer's config, an input, the training-mode outputs of consecutive
calls (each advances the generator's state by [0, 1]) and the state after them. The "fit" case of Dropout: a small
model's weights before and after a few SGD steps with shuffle=False, and the Dropout state after them.

    KERAS_BACKEND=tensorflow /work/venv-keras/bin/python tools/keras-reference/golden/golden_seed.py
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden_common import arr, keras, normal, uniform, write  # noqa: E402

import numpy as np  # noqa: E402


def call_case(name, make, x, calls=2):
    keras.backend.clear_session()
    layer = make()
    outputs = [arr(layer(x, training=True)) for _ in range(calls)]
    return {"name": name, "config": layer.get_config(), "input": arr(x), "outputs": outputs,
            "state": arr(layer.seed_generator.state.value)}


def fit_case():
    keras.backend.clear_session()
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(6, activation="relu"),
                              keras.layers.Dropout(0.5, seed=7), keras.layers.Dense(1)])
    model.set_weights([normal(1, (4, 6), 0.5), normal(2, (6,), 0.1), normal(3, (6, 1), 0.5), np.zeros(1, "float32")])
    before = [arr(w) for w in model.get_weights()]
    x = uniform(4, (8, 4))
    y = uniform(5, (8, 1))
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
    model.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0)
    return {"name": "fit", "x": arr(x), "y": arr(y), "batch_size": 4, "epochs": 2, "learning_rate": 0.1,
            "weights_before": before, "weights_after": [arr(w) for w in model.get_weights()],
            "state": arr(model.layers[1].seed_generator.state.value)}


def main():
    x = (np.arange(12, dtype="float32").reshape(3, 4) / 10 - 0.5).astype("float32")
    x3 = normal(6, (2, 3, 4))
    write("random", "Dropout", [
        call_case("rate_0.5_seed_7", lambda: keras.layers.Dropout(0.5, seed=7), x),
        call_case("rate_0.2_seed_123456789_three_calls", lambda: keras.layers.Dropout(0.2, seed=123456789), x, 3),
        call_case("noise_shape_seed_3", lambda: keras.layers.Dropout(0.5, noise_shape=(None, 1, 4), seed=3), x3),
        fit_case(),
    ])
    write("random", "SpatialDropout1D", [
        call_case("rate_0.5_seed_11", lambda: keras.layers.SpatialDropout1D(0.5, seed=11), x3)])
    write("random", "GaussianNoise", [
        call_case("stddev_0.3_seed_7", lambda: keras.layers.GaussianNoise(0.3, seed=7), x)])
    write("random", "AlphaDropout", [
        call_case("rate_0.3_seed_7", lambda: keras.layers.AlphaDropout(0.3, seed=7), x)])
    write("random", "GaussianDropout", [
        call_case("rate_0.4_seed_7", lambda: keras.layers.GaussianDropout(0.4, seed=7), x)])


if __name__ == "__main__":
    main()
