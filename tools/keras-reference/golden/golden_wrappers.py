"""Writes Keras 3.15.1 golden cases for the wrappers and ConvLSTM layers of issue 10.

golden/layers/<ClassName>.json: cases in golden_layers.py's format (LayerGoldenTest runs them).
golden/wrappers/<ClassName>.json: cases that need more (WrappersGoldenTest runs them): golden_layers' keys plus
"mask" (a boolean (batch, time) array passed as mask=), "initial_state" (arrays passed as initial_state=),
"output_masks" (layer.compute_mask of the inputs and mask; null entries for none) and, for training cases,
"train": {"loss": "mse", "optimizer": SGD config, "y": target, "losses": per-step losses, "weights": final weights}.

Run from the repository root:

    KERAS_BACKEND=tensorflow /path/to/venv/bin/python tools/keras-reference/golden/golden_wrappers.py [ClassName ...]
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import golden_common as g  # noqa: E402
from golden_common import keras, np  # noqa: E402
from golden_layers import SEED, _weight_values, case, x  # noqa: E402

L = keras.layers


def ki(seed=1):
    return keras.initializers.GlorotUniform(seed=seed)


def mask_of(lengths, steps):
    """A (batch, steps) boolean mask, True for the first lengths[i] steps of row i."""
    return np.array([[t < n for t in range(steps)] for n in lengths])


def masked_case(name, make, inputs, mask=None, initial_state=None, training=False):
    """A case with a mask and/or initial states; outputs and the output masks Keras computes."""
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED)
    layer = make()
    kwargs = {}
    if mask is not None:
        kwargs["mask"] = keras.ops.convert_to_tensor(mask)
    if initial_state is not None:
        kwargs["initial_state"] = [keras.ops.convert_to_tensor(s) for s in initial_state]
    layer(inputs[0], **kwargs)
    if layer.weights:
        layer.set_weights(_weight_values(layer, 7))
    out = layer(inputs[0], training=training, **kwargs)
    outs = list(out) if isinstance(out, (list, tuple)) else [out]
    masks = layer.compute_mask(inputs[0], kwargs.get("mask"))
    masks = list(masks) if isinstance(masks, (list, tuple)) else [masks]
    c = {
        "name": name,
        "config": layer.get_config(),
        "inputs": [g.arr(a) for a in inputs],
        "weights": [g.arr(w) for w in layer.get_weights()],
        "training": training,
        "outputs": [g.arr(o) for o in outs],
        "output_masks": [None if m is None else g.arr(m) for m in masks],
    }
    if mask is not None:
        c["mask"] = g.arr(mask)
    if initial_state is not None:
        c["initial_state"] = [g.arr(s) for s in initial_state]
    return c


def time_distributed():
    layers = [
        case("dense", lambda: L.TimeDistributed(L.Dense(3, kernel_initializer=ki())), [x((2, 4, 5))]),
        case("dense_relu_rank4", lambda: L.TimeDistributed(L.Dense(2, activation="relu")), [x((2, 3, 2, 4))]),
        case("conv2d", lambda: L.TimeDistributed(L.Conv2D(2, 2, padding="same")), [x((2, 2, 3, 3, 2))]),
        case("flatten", lambda: L.TimeDistributed(L.Flatten()), [x((2, 3, 2, 2))]),
        case("max_pooling1d", lambda: L.TimeDistributed(L.MaxPooling1D(2)), [x((2, 3, 4, 2))]),
        case("batch_normalization_training", lambda: L.TimeDistributed(L.BatchNormalization()), [x((4, 3, 2))],
             training=True),
        case("batch_normalization_inference", lambda: L.TimeDistributed(L.BatchNormalization()), [x((2, 3, 2))]),
    ]
    wrappers = [
        masked_case("dense_masked", lambda: L.TimeDistributed(L.Dense(2)), [x((3, 4, 5))],
                    mask=mask_of([4, 2, 1], 4)),
        masked_case("global_average_pooling1d_masked", lambda: L.TimeDistributed(L.GlobalAveragePooling1D()),
                    [x((2, 3, 4, 2))], mask=np.array([[[True, True, False, False], [True, False, False, False],
                                                        [True, True, True, True]],
                                                       [[True, True, True, False], [False, True, True, False],
                                                        [True, False, True, False]]])),
    ]
    return layers, wrappers


GROUPS = {"TimeDistributed": time_distributed}


def main(names):
    for cls, fn in GROUPS.items():
        if names and cls not in names:
            continue
        layers, wrappers = fn()
        if layers:
            print(g.write("layers", cls, layers))
        if wrappers:
            print(g.write("wrappers", cls, wrappers))


if __name__ == "__main__":
    main(sys.argv[1:])
