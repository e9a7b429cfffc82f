"""W2's and W3's Keras models and data, as io.keras4j.bench.Keras4jWorkloads and Data build them for keras4j: shared
by bench.py (the suite's Keras peer) and loop.py (bench/perf.sh's).

W2: Dense 512-256-10 on 60,000 x 784 standard-normal rows, one-hot labels of 10 classes. W3: Conv2D(32)-pool-Conv2D(64)-
pool-Dense(128)-Dense(10) on 10,000 uniform 28x28x1 images, integer labels of 10 classes.
"""
import keras


def w2_layers():
    return [keras.Input((784,)), keras.layers.Dense(512, activation="relu"),
            keras.layers.Dense(256, activation="relu"), keras.layers.Dense(10, activation="softmax")]


def w2_data(rng):
    x = rng.standard_normal((60000, 784)).astype("float32")
    y = keras.utils.to_categorical(rng.integers(0, 10, 60000), 10).astype("float32")
    return x, y


def w3_layers():
    return [keras.Input((28, 28, 1)), keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
            keras.layers.MaxPooling2D(2), keras.layers.Conv2D(64, 3, padding="same", activation="relu"),
            keras.layers.MaxPooling2D(2), keras.layers.Flatten(), keras.layers.Dense(128, activation="relu"),
            keras.layers.Dense(10, activation="softmax")]


def w3_data(rng):
    return rng.random((10000, 28, 28, 1)).astype("float32"), rng.integers(0, 10, 10000)
