"""Reference numbers for keras4j's TensorFlow.js layers format (TfjsLayersFormatTest).

1. nsfwjs: reads ../shared/data/pretrained/nsfwjs-mobilenet_v2 (model.json + group1-shard1of1.bin) with plain numpy
   and Keras 3 (tensorflowjs is not installed): the Keras 2 model_config is built with Keras' legacy config reader,
   the uint8 weights are dequantized in numpy (min + scale * q) and set by name (<layer>/<weight>), and the model
   predicts the deterministic images of `image()`. Writes tfjs_nsfwjs_reference.json.
2. fixture: a small Keras 3 functional model (Conv2D, BatchNormalization, DepthwiseConv2D, Dense) written as a tfjs
   layers model by hand: Keras 3's model config under modelTopology.model_config, its weights quantized uint8,
   uint16, float16 or left float32 in turn, split over two shards; expected.json holds the input and Keras'
   predictions with the dequantized weights. Written to tfjs_fixture/.

Outputs go to keras4j/src/test/resources/io/keras4j/saving/formats/. Run from the repository root:

    KERAS_BACKEND=tensorflow python tools/keras-reference/tfjs_reference.py
"""

import json
import os

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras.src.legacy.saving import saving_utils  # noqa: E402

KERAS_VERSION = "3.15.1"
assert keras.__version__ == KERAS_VERSION, f"needs keras=={KERAS_VERSION}, found {keras.__version__}"
assert np.__version__.split(".")[0] in ("1", "2"), np.__version__

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
OUT = os.path.join(ROOT, "keras4j", "src", "test", "resources", "io", "keras4j", "saving", "formats")
# ../shared/data beside the checkout, or one level further up from a worktree under /work/wt
NSFWJS = next((p for p in (os.path.join(ROOT, *[".."] * k, "shared", "data", "pretrained", "nsfwjs-mobilenet_v2")
                           for k in (1, 2)) if os.path.isdir(p)), "")
QUANT_BYTES = {"uint8": 1, "uint16": 2, "float16": 2, None: 4}


def image(b, h, w, c=3):
    """Image b of a deterministic batch in [0, 1]: 0.5 + 0.5 sin(0.05 x + 0.03 y * (b + 1) + 1.7 c + b)."""
    y, x, ch = np.meshgrid(np.arange(h), np.arange(w), np.arange(c), indexing="ij")
    return (0.5 + 0.5 * np.sin(0.05 * x + 0.03 * y * (b + 1) + 1.7 * ch + b)).astype(np.float32)


def shard(directory, path):
    """A shard's file; nsfwjs lists its shard without the .bin its extracted copy has (tfjs serves either)."""
    p = os.path.join(directory, path)
    return p if os.path.exists(p) or not os.path.exists(p + ".bin") else p + ".bin"


def read_weights(directory, model_json):
    """The manifest's weights by name, dequantized as tfjs-core's decodeWeights does."""
    out = {}
    for group in model_json["weightsManifest"]:
        data = b"".join(open(shard(directory, p), "rb").read() for p in group["paths"])
        pos = 0
        for w in group["weights"]:
            n = int(np.prod(w["shape"])) if w["shape"] else 1
            q = w.get("quantization")
            qdtype = q["dtype"] if q else None
            size = n * QUANT_BYTES[qdtype]
            raw = data[pos:pos + size]
            pos += size
            if qdtype is None:
                v = np.frombuffer(raw, "<f4")
            elif qdtype == "float16":
                v = np.frombuffer(raw, "<f2").astype(np.float32)
            else:
                qv = np.frombuffer(raw, "<u1" if qdtype == "uint8" else "<u2").astype(np.float64)
                v = (q["min"] + q["scale"] * qv).astype(np.float32)
            out[w["name"]] = v.reshape(w["shape"])
        assert pos == len(data), (pos, len(data))
    return out


def set_by_name(model, weights):
    used = set()
    for layer in model.layers:
        values = []
        for v in layer.weights:
            name = f"{layer.name}/{v.name}"
            if name not in weights and isinstance(layer, keras.layers.DepthwiseConv2D):
                name = f"{layer.name}/depthwise_kernel"  # Keras 2's name of Keras 3's DepthwiseConv2D kernel
            values.append(weights[name])
            used.add(name)
        if values:
            layer.set_weights(values)
    assert used == set(weights), set(weights) ^ used


def load(directory):
    model_json = json.load(open(os.path.join(directory, "model.json")))
    topology = model_json["modelTopology"]
    config = topology.get("model_config", topology)
    if "module" in config:
        model = keras.models.model_from_json(json.dumps(config))
    else:
        model = saving_utils.model_from_config(config)
    weights = read_weights(directory, model_json)
    set_by_name(model, weights)
    return model, weights


def nsfwjs():
    model, weights = load(NSFWJS)
    x = np.stack([image(b, 224, 224) for b in range(3)])
    p = model.predict(x, verbose=0)
    out = {
        "keras_version": keras.__version__,
        "image": "0.5 + 0.5 sin(0.05 x + 0.03 y (b + 1) + 1.7 c + b), b = 0..2, 224x224x3, x column, y row",
        "weight_tensors": len(weights),
        "weights": len(model.weights),
        "params": int(model.count_params()),
        "layers": len(model.layers),
        "predictions": p.tolist(),
    }
    with open(os.path.join(OUT, "tfjs_nsfwjs_reference.json"), "w") as f:
        json.dump(out, f, indent=1)
    print("nsfwjs", out["weight_tensors"], out["params"], p.argmax(-1))


def quantize(v, qdtype):
    if qdtype is None:
        return v.astype("<f4").tobytes(), None
    if qdtype == "float16":
        return v.astype("<f2").tobytes(), {"dtype": "float16"}
    levels = 255 if qdtype == "uint8" else 65535
    lo, hi = float(v.min()), float(v.max())
    scale = (hi - lo) / levels if hi > lo else 1.0
    q = np.round((v - lo) / scale).astype("<u1" if qdtype == "uint8" else "<u2")
    return q.tobytes(), {"dtype": qdtype, "min": lo, "scale": scale}


def fixture():
    keras.utils.set_random_seed(7)
    inputs = keras.Input((12, 12, 3), name="image")
    x = keras.layers.Conv2D(8, 3, strides=2, padding="same", name="conv")(inputs)
    x = keras.layers.BatchNormalization(name="conv_bn")(x)
    x = keras.layers.ReLU(6.0, name="conv_relu")(x)
    x = keras.layers.DepthwiseConv2D(3, padding="same", name="dw")(x)
    x = keras.layers.BatchNormalization(name="dw_bn")(x)
    x = keras.layers.GlobalAveragePooling2D(name="pool")(x)
    x = keras.layers.Dense(16, activation="relu", name="fc")(x)
    outputs = keras.layers.Dense(4, activation="softmax", name="probs")(x)
    model = keras.Model(inputs, outputs, name="tfjs_fixture")
    for i, v in enumerate(model.weights):  # moving statistics away from 0/1 so that they matter
        flat = np.sin(np.arange(int(np.prod(v.shape))) * 0.37 + i) * 0.5
        if v.name == "moving_variance":
            flat = 1.0 + 0.5 * np.abs(flat)
        v.assign(flat.reshape(v.shape).astype(np.float32))
    order = ["uint8", "float16", "uint16", None]
    entries, blob = [], b""
    for i, layer in enumerate(l for l in model.layers if l.weights):
        for j, v in enumerate(layer.weights):
            data, q = quantize(np.asarray(v.numpy()), order[(i + j) % len(order)])
            entry = {"name": f"{layer.name}/{v.name}", "shape": list(v.shape), "dtype": "float32"}
            if q:
                entry["quantization"] = q
            entries.append(entry)
            blob += data
    directory = os.path.join(OUT, "tfjs_fixture")
    os.makedirs(directory, exist_ok=True)
    half = len(blob) // 2 + 3  # the shard boundary falls inside a weight, as tfjs' sharding allows
    for k, part in enumerate([blob[:half], blob[half:]]):
        with open(os.path.join(directory, f"group1-shard{k + 1}of2.bin"), "wb") as f:
            f.write(part)
    topology = {"keras_version": keras.__version__, "backend": "tensorflow",
                "model_config": json.loads(model.to_json())}
    with open(os.path.join(directory, "model.json"), "w") as f:
        json.dump({"format": "layers-model", "generatedBy": "keras " + keras.__version__,
                   "convertedBy": "tools/keras-reference/tfjs_reference.py", "modelTopology": topology,
                   "weightsManifest": [{"paths": ["group1-shard1of2.bin", "group1-shard2of2.bin"],
                                        "weights": entries}]}, f)
    reloaded, weights = load(directory)
    x = np.stack([image(b, 12, 12) for b in range(2)])
    with open(os.path.join(directory, "expected.json"), "w") as f:
        json.dump({"input": x.tolist(), "predictions": reloaded.predict(x, verbose=0).tolist(),
                   "quantizations": [e.get("quantization", {}).get("dtype", "float32") for e in entries],
                   "first_values": {k: float(v.reshape(-1)[0]) for k, v in weights.items()}}, f)
    print("fixture", len(entries), len(blob), "bytes")


if __name__ == "__main__":
    fixture()
    if os.path.isdir(NSFWJS):
        nsfwjs()
