"""Writes golden/activations/<name>.json: Keras 3.15.1 keras.activations outputs for every activation keras4j
registers (io.keras4j.activations.Activations), with keyword variants where keras4j's API takes them.

Each case: {"name", "kwargs" (keyword arguments beyond x; {} for the default), "inputs": [x], "outputs": [y]}.
Inputs span large negative, small and large positive values. Run from the repository root:

    KERAS_BACKEND=tensorflow /path/to/venv/bin/python tools/keras-reference/golden/golden_activations.py
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import golden_common as g  # noqa: E402
from golden_common import keras, np  # noqa: E402

# keras4j's registered names, in io.keras4j.activations.Activations order
NAMES = ["linear", "sigmoid", "tanh", "relu", "relu6", "leaky_relu", "elu", "selu", "softplus", "softsign",
         "softmax", "log_softmax", "swish", "silu", "gelu", "hard_sigmoid", "hard_swish", "hard_silu",
         "exponential", "mish"]

# keyword variants keras4j's Activations API supports (relu(x, negative_slope, max_value, threshold), ...)
VARIANTS = {
    "relu": [{"negative_slope": 0.1}, {"max_value": 2.5}, {"threshold": 0.5},
             {"negative_slope": 0.2, "max_value": 3.0, "threshold": 0.5}],
    "leaky_relu": [{"negative_slope": 0.05}],
    "elu": [{"alpha": 0.5}],
    "softmax": [{"axis": 0}, {"axis": 1}],
    "log_softmax": [{"axis": 0}],
    "gelu": [{"approximate": True}],
}


def inputs():
    edge = np.array([[-50, -10, -3, -1, -0.5, -1e-3, 0, 1e-3],
                     [0.5, 1, 2.5, 3, 10, 50, 0.2, -2.9]], dtype="float32")
    return [edge, g.normal(0, (3, 2, 5), 2.0)]


def cases(name):
    fn = keras.activations.get(name)
    out = []
    for kwargs in [{}] + VARIANTS.get(name, []):
        label = "default" if not kwargs else "_".join(f"{k}_{v}" for k, v in kwargs.items())
        for i, xs in enumerate(inputs()):
            out.append({"name": f"{label}_rank{xs.ndim}", "kwargs": kwargs, "inputs": [g.arr(xs)],
                        "outputs": [g.arr(fn(xs, **kwargs))]})
    return out


def main():
    for name in NAMES:
        print(g.write("activations", name, cases(name)))


if __name__ == "__main__":
    main()
