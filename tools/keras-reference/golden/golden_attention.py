"""Writes golden/attention/<ClassName>.json (Attention, AdditiveAttention, MultiHeadAttention) and
golden/training/mha_*.json from Keras 3.15.1.

Each attention case: {"name", "config" (the layer's get_config() after the call), "call": {"inputs": the Keras call
argument each array is ("query", "value", "key", "query_mask", "value_mask", "key_mask", "attention_mask"),
"kwargs": {"use_causal_mask", "return_attention_scores"}}, "inputs" (arrays, masks as float 0/1), "weights" (random
non-zero values set with set_weights, get_weights() order), "weight_shapes", "training", "outputs"}. Attention and
AdditiveAttention take the masks as mask=[query_mask, value_mask]; MultiHeadAttention takes value_mask, key_mask and
attention_mask as keywords and the query mask as the query tensor's Keras mask. The Java side is
io.keras4j.golden.AttentionGoldenTest (and TrainingGoldenTest for the trajectories).

    KERAS_BACKEND=tensorflow /path/to/venv/bin/python tools/keras-reference/golden/golden_attention.py
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import golden_common as g  # noqa: E402
from golden_common import keras, np  # noqa: E402
import tensorflow as tf  # noqa: E402
from keras.src.backend import set_keras_mask  # noqa: E402

L = keras.layers
SEED = 1337


def _weights(layer, seed=7):
    return [g.normal(seed + i, tuple(w.shape), 0.5) for i, w in enumerate(layer.weights)]


def _mask(seed, shape):
    m = g.rng(seed).uniform(0, 1, shape) > 0.3
    m[..., 0] = True  # every row keeps a position
    return m


def _call(layer, names, arrays, kwargs, training):
    a = dict(zip(names, arrays))
    t = {k: tf.convert_to_tensor(v) for k, v in a.items()}
    if isinstance(layer, L.MultiHeadAttention):
        query = t["query"]
        if "query_mask" in t:
            set_keras_mask(query, t["query_mask"])
        extra = {k: t[k] for k in ("key", "value_mask", "key_mask", "attention_mask") if k in t}
        return layer(query, t["value"], training=training, **extra, **kwargs)
    inputs = [t["query"], t["value"]] + ([t["key"]] if "key" in t else [])
    mask = None
    if "query_mask" in t or "value_mask" in t:
        mask = [t.get("query_mask"), t.get("value_mask")]
    return layer(inputs, mask=mask, training=training, **kwargs)


def case(name, make, names, arrays, training=False, **kwargs):
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED)
    layer = make()
    _call(layer, names, arrays, kwargs, False)  # builds
    layer.set_weights(_weights(layer))
    out = _call(layer, names, arrays, kwargs, training)
    outs = list(out) if isinstance(out, (list, tuple)) else [out]
    return {
        "name": name,
        "config": layer.get_config(),
        "call": {"inputs": names, "kwargs": kwargs},
        "inputs": [g.arr(x, "float32") for x in arrays],
        "weights": [g.arr(w) for w in layer.get_weights()],
        "weight_shapes": [list(w.shape) for w in layer.weights],
        "training": training,
        "outputs": [g.arr(o) for o in outs],
    }


def masking_case(name, make, names, arrays, **kwargs):
    """A case whose inputs pass through Masking(0.0) first: the layer reads their Keras masks (implicit masks)."""
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED)
    layer = make()
    ins = [keras.Input(a.shape[1:]) for a in arrays]
    t = dict(zip(names, [L.Masking()(i) for i in ins]))
    if isinstance(layer, L.MultiHeadAttention):
        out = layer(t["query"], t["value"], **({"key": t["key"]} if "key" in t else {}), **kwargs)
    else:
        out = layer([t["query"], t["value"]] + ([t["key"]] if "key" in t else []), **kwargs)
    model = keras.Model(ins, out)
    layer.set_weights(_weights(layer))
    outs = model.predict(arrays, verbose=0)
    outs = list(outs) if isinstance(outs, (list, tuple)) else [outs]
    return {
        "name": name,
        "config": layer.get_config(),
        "call": {"inputs": names, "kwargs": kwargs},
        "masking": True,
        "inputs": [g.arr(a, "float32") for a in arrays],
        "weights": [g.arr(w) for w in layer.get_weights()],
        "weight_shapes": [list(w.shape) for w in layer.weights],
        "training": False,
        "outputs": [g.arr(o) for o in outs],
    }


def zero_steps(a, steps):
    a = a.copy()
    for b, t in steps:
        a[b, t, :] = 0
    return a


def x(shape, seed):
    return g.normal(seed, shape)


QV = ["query", "value"]


def dense_attention(cls, name):
    q, v, k = x((2, 2, 3), 1), x((2, 4, 3), 2), x((2, 4, 3), 3)
    qm, vm = _mask(4, (2, 2)), _mask(5, (2, 4))
    s, s2 = x((2, 3, 3), 6), x((2, 3, 3), 7)
    cases = [
        case("defaults", cls, QV, [q, v]),
        case("with_key", cls, QV + ["key"], [q, v, k]),
        case("no_scale", lambda: cls(use_scale=False), QV, [q, v]),
        case("masks", cls, QV + ["query_mask", "value_mask"], [q, v, qm, vm]),
        case("value_mask", cls, QV + ["value_mask"], [q, v, vm]),
        case("causal", cls, QV, [s, s2], use_causal_mask=True),
        case("causal_value_mask", cls, QV + ["value_mask"], [s, s2, _mask(8, (2, 3))], use_causal_mask=True),
        case("return_scores", cls, QV + ["key", "value_mask"], [q, v, k, vm], return_attention_scores=True),
        case("dropout_inference", lambda: cls(dropout=0.5, seed=3), QV, [q, v], return_attention_scores=True),
        case("dropout_training", lambda: cls(dropout=0.5, seed=3), QV, [q, v], training=True,
             return_attention_scores=True),
    ]
    mq, mv = zero_steps(q, [(0, 1)]), zero_steps(v, [(0, 2), (1, 3)])
    cases += [
        masking_case("implicit_masks", cls, QV, [mq, mv], return_attention_scores=True),
        masking_case("implicit_masks_key_causal", cls, QV + ["key"], [zero_steps(s, [(1, 2)]), s2, s2],
                     use_causal_mask=True),
    ]
    if cls is L.Attention:
        cases += [
            case("use_scale", lambda: L.Attention(use_scale=True), QV, [q, v]),
            case("concat", lambda: L.Attention(score_mode="concat"), QV, [q, v]),
            case("concat_scale_masks", lambda: L.Attention(score_mode="concat", use_scale=True),
                 QV + ["query_mask", "value_mask"], [q, v, qm, vm], return_attention_scores=True),
        ]
    print(g.write("attention", name, cases))


def mha():
    M = L.MultiHeadAttention
    s = x((2, 3, 4), 11)
    q, v, k = x((2, 2, 4), 12), x((2, 3, 3), 13), x((2, 3, 2), 14)
    qm, vm, km = _mask(15, (2, 2)), _mask(16, (2, 3)), _mask(17, (2, 3))
    am = _mask(18, (2, 2, 3))
    q4, v4 = x((2, 2, 2, 4), 19), x((2, 2, 3, 4), 20)
    cases = [
        case("self_defaults", lambda: M(2, 2), QV, [s, s]),
        case("cross_key", lambda: M(2, 2), QV + ["key"], [q, v, k]),
        case("value_dim_no_bias", lambda: M(3, 2, value_dim=3, use_bias=False), QV, [q, v]),
        case("output_shape_int", lambda: M(2, 2, output_shape=7), QV, [q, v]),
        case("output_shape_tuple", lambda: M(2, 2, output_shape=(2, 2)), QV, [q, v]),
        case("attention_mask", lambda: M(2, 2), QV + ["attention_mask"], [q, v, am]),
        case("attention_mask_scores", lambda: M(2, 2), QV + ["attention_mask"], [q, v, am],
             return_attention_scores=True),
        case("value_key_masks", lambda: M(2, 2), QV + ["key", "value_mask", "key_mask"], [q, v, k, vm, km]),
        case("query_mask", lambda: M(2, 2), QV + ["query_mask"], [q, v, qm]),
        case("query_mask_scores", lambda: M(2, 2), QV + ["query_mask"], [q, v, qm], return_attention_scores=True),
        case("causal", lambda: M(2, 2), QV, [s, s], use_causal_mask=True),
        case("causal_scores", lambda: M(2, 2), QV, [s, s], use_causal_mask=True, return_attention_scores=True),
        case("causal_value_mask", lambda: M(2, 2), QV + ["value_mask"], [s, s, _mask(21, (2, 3))],
             use_causal_mask=True),
        case("sliding_window_causal", lambda: M(2, 2, sliding_window=2), QV, [s, s], use_causal_mask=True),
        case("use_gate", lambda: M(2, 2, use_gate=True), QV, [q, v]),
        case("attention_axes_1", lambda: M(2, 2, attention_axes=2), QV, [q4, v4], return_attention_scores=True),
        case("attention_axes_2", lambda: M(2, 2, attention_axes=(1, 2)), QV, [q4, v4]),
        case("rank4_default_axes", lambda: M(2, 2), QV, [q4, v4]),
        masking_case("implicit_masks", lambda: M(2, 2), QV, [zero_steps(q, [(0, 1)]), zero_steps(v, [(0, 2), (1, 1)])]),
        masking_case("implicit_masks_scores", lambda: M(2, 2), QV + ["key"],
                     [zero_steps(q, [(1, 0)]), zero_steps(v, [(0, 2)]), zero_steps(k, [(1, 1)])],
                     return_attention_scores=True),
        case("dropout_inference", lambda: M(2, 2, dropout=0.5, seed=5), QV, [q, v]),
        case("dropout_training", lambda: M(2, 2, dropout=0.5, seed=5), QV, [q, v], training=True,
             return_attention_scores=True),
    ]
    print(g.write("attention", "MultiHeadAttention", cases))


def training():
    import golden_training as gt

    xs = g.normal(90, (12, 4, 6))
    y = g.normal(91, (12, 1))

    def model(causal):
        inp = keras.Input((4, 6))
        h = L.MultiHeadAttention(2, 3, name="mha")(inp, inp, use_causal_mask=causal)
        h = L.GlobalAveragePooling1D()(h)
        return keras.Model(inp, L.Dense(1)(h))

    for name, causal, opt in (("mha_adam", False, keras.optimizers.Adam(0.02)),
                              ("mha_causal_sgd", True, keras.optimizers.SGD(0.1, momentum=0.9))):
        gt.fresh()
        c = gt._training_case(name, model(causal), dict(optimizer=opt, loss="mse", metrics=["mae"]), xs, y,
                              {"epochs": 3, "batch_size": 4})
        print(g.write("training", name, [c]))


def keras_file():
    """saving/formats/keras_attention.keras and .json: a functional model whose nodes carry call keywords."""
    import json

    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED)
    q, v, k = keras.Input((3, 4), name="q"), keras.Input((5, 4), name="v"), keras.Input((5, 2), name="k")
    am = keras.Input((3, 5), name="am")
    mha = L.MultiHeadAttention(2, 2, name="mha")
    y1 = mha(q, v, key=k, attention_mask=am, use_causal_mask=True)
    y2, scores = L.Attention(use_scale=True, name="att")([q, v], use_causal_mask=True,
                                                         return_attention_scores=True)
    model = keras.Model([q, v, k, am], [y1, y2, scores])
    model.set_weights(_weights(model, 30))
    xs = [g.normal(31, (2, 3, 4)), g.normal(32, (2, 5, 4)), g.normal(33, (2, 5, 2)),
          _mask(34, (2, 3, 5)).astype("float32")]
    folder = os.path.join(g.ROOT, "..", "saving", "formats")
    model.save(os.path.join(folder, "keras_attention.keras"))
    doc = {"keras": g.KERAS_VERSION, "inputs": [g.arr(a) for a in xs],
           "outputs": [g.arr(o) for o in model.predict(xs, verbose=0)],
           "weight_paths": [w.path for w in model.weights]}
    with open(os.path.join(folder, "keras_attention.json"), "w") as f:
        json.dump(doc, f, sort_keys=True, separators=(",", ":"))
        f.write("\n")
    print(os.path.join(folder, "keras_attention.keras"))


if __name__ == "__main__":
    keras_file()
    dense_attention(L.Attention, "Attention")
    dense_attention(L.AdditiveAttention, "AdditiveAttention")
    mha()
    training()
