"""Golden fit trajectories of models whose outputs carry Keras masks: golden/training/<case>.json.

The case format of golden_training.py (_training_case: model JSON, compile_config, fit arguments, initial weights,
History, final weights), for padded sequences: Embedding(mask_zero=True) -> Dense over every step with a sparse
cross-entropy (the mask of y_pred leaves the padded steps out of the loss and the accuracy), Embedding(mask_zero)
-> GlobalAveragePooling1D (the mean of the kept steps) -> Dense, the same with BatchNormalization (statistics of the
kept steps) before the pooling, and Masking -> Dense with mse and mae.
TrainingGoldenTest runs them. Run from the repository root:

    KERAS_BACKEND=tensorflow /path/to/venv/bin/python tools/keras-reference/golden/golden_masked_training.py
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from golden_common import normal, rng, write  # noqa: E402
from golden_training import _training_case, fresh  # noqa: E402

import numpy as np  # noqa: E402
import keras  # noqa: E402

L = keras.layers


def padded_ids(n=16, steps=5, vocab=7, seed=90):
    """Indices in [1, vocab), each row padded with 0 after a length in [1, steps]."""
    r = rng(seed)
    x = r.integers(1, vocab, (n, steps)).astype("int32")
    lengths = r.integers(1, steps + 1, n)
    for i, k in enumerate(lengths):
        x[i, k:] = 0
    return x


def main():
    x = padded_ids()
    fit = {"epochs": 3, "batch_size": 4}

    def add(name, model, compile_kwargs, inputs, y):
        case = _training_case(name, model, compile_kwargs, inputs, y, fit)
        print(write("training", name, [case]))

    fresh()
    per_step = (x % 3).astype("int32")  # padded steps get label 0, which the mask must hide
    add("embedding_mask_zero_per_step", keras.Sequential([
        keras.Input((5,)), L.Embedding(7, 4, mask_zero=True), L.Dense(3, activation="softmax")]),
        dict(optimizer=keras.optimizers.SGD(0.5, momentum=0.5), loss="sparse_categorical_crossentropy",
             metrics=["accuracy"]), x, per_step)

    # Adam on TensorFlow updates its moments from the Embedding's IndexedSlices gradient row by row (touched rows
    # only, each occurrence apart), unlike a dense gradient: TrainingGoldenTest lists the case as a known difference
    fresh()
    add("embedding_mask_zero_per_step_adam", keras.Sequential([
        keras.Input((5,)), L.Embedding(7, 4, mask_zero=True), L.Dense(3, activation="softmax")]),
        dict(optimizer=keras.optimizers.Adam(0.05), loss="sparse_categorical_crossentropy", metrics=["accuracy"]),
        x, per_step)

    fresh()
    labels = (x.sum(axis=1) % 3).astype("int32")
    add("embedding_mask_zero_pooled", keras.Sequential([
        keras.Input((5,)), L.Embedding(7, 4, mask_zero=True), L.GlobalAveragePooling1D(),
        L.Dense(3, activation="softmax")]),
        dict(optimizer=keras.optimizers.SGD(0.5, momentum=0.5), loss="sparse_categorical_crossentropy",
             metrics=["accuracy"]), x, labels)

    fresh()
    add("embedding_mask_zero_batch_normalization", keras.Sequential([
        keras.Input((5,)), L.Embedding(7, 4, mask_zero=True), L.BatchNormalization(momentum=0.8),
        L.GlobalAveragePooling1D(), L.Dense(3, activation="softmax")]),
        dict(optimizer=keras.optimizers.SGD(0.2, momentum=0.5), loss="sparse_categorical_crossentropy",
             metrics=["accuracy"]), x, labels)

    fresh()
    seq = normal(91, (16, 5, 2))
    seq[x == 0] = 0.0
    target = normal(92, (16, 5, 1))
    add("masking_mse", keras.Sequential([
        keras.Input((5, 2)), L.Masking(), L.Dense(3, activation="tanh"), L.Dense(1)]),
        dict(optimizer=keras.optimizers.Adam(0.02), loss="mse", metrics=["mae"]), seq, target)


if __name__ == "__main__":
    main()
