"""Writes legacy .h5 model files with recurrent and embedding layers, as Keras 1.2.2, Keras 2.0.8 / 2.2.4 and
tf.keras 2.4 wrote them, plus files written by Keras 3.15.1's own legacy writer, and the outputs each model gives.

Output: keras4j/src/test/resources/io/keras4j/legacy/recurrent/<name>.h5 and expected.json
({name: {"input": arr, "output": arr}}). LegacyRecurrentTest loads each file with Models.loadModel.

Keras 1 and 2 cannot run here, so their files are written with h5py in the layouts those versions wrote (read from
their sources: keras 1.2.2 keras/models.py save_model and engine/topology.py save_weights_to_hdf5_group, keras 2.2.4
keras/engine/saving.py, tf.keras 2.4 hdf5_format.py): root attributes keras_version / backend / model_config (bytes
as Keras 1/2 encoded them, str as tf.keras 2 wrote them), model_weights/layer_names, per layer weight_names in the
file's order and the datasets under those names (Keras 1: "<layer>_W_i:0" beside each other; Keras 2:
"<layer>/kernel:0" in subgroups). Keras 1 files have no keras_version on model_weights, which is how Keras 2 told
them apart.

The expected outputs do not use keras4j's conversions:
  - Keras 1/2/tf.keras files: a Keras 3 model of the same layers, given the weights rearranged here in numpy
    (Keras 1's per-gate arrays fused in Keras 3's gate order), and for "hard_sigmoid" the Keras 1/2 function
    clip(0.2 x + 0.5, 0, 1) passed as a Python callable (Keras 3's own hard_sigmoid is x / 6 + 0.5).
  - CuDNN files: plain numpy cuDNN equations on the flat parameters cuDNN reads (each gate's input matrix is
    (units, input_dim) row-major in the buffer), cross-checked against a Keras 3 model given the converted weights.
  - Keras 3 files: Keras' own predictions after model.save("x.h5").

Run from the repository root:
    KERAS_BACKEND=tensorflow /work/venv-keras/bin/python tools/keras-reference/legacy_rnn_files.py
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden"))
from golden_common import arr, normal, uniform  # noqa: E402

import h5py  # noqa: E402
import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras import layers as L  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "keras4j", "src", "test", "resources",
                   "io", "keras4j", "legacy", "recurrent")
EXPECTED = {}


def old_hard_sigmoid(x):
    """Keras 1/2 and tf.keras: clip(0.2 x + 0.5, 0, 1)."""
    return keras.ops.clip(0.2 * x + 0.5, 0.0, 1.0)


def act(name):
    return old_hard_sigmoid if name == "hard_sigmoid" else name


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


# ---------------------------------------------------------------- h5 layouts

def _attr(value, as_bytes):
    return value.encode("utf8") if as_bytes else value


def write_h5(name, version, backend, model_config, layers, as_bytes, group_version):
    """layers: [(layer name, [(weight name, array)])] in model order; as_bytes: Keras 1/2 encoded strings;
    group_version: Keras 2 and later also wrote keras_version/backend on model_weights."""
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name + ".h5")
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = _attr(version, as_bytes)
        if backend is not None:
            f.attrs["backend"] = _attr(backend, as_bytes)
        f.attrs["model_config"] = _attr(json.dumps(model_config), as_bytes)
        g = f.create_group("model_weights")
        g.attrs["layer_names"] = [n.encode("utf8") for n, _ in layers]
        if group_version:
            g.attrs["backend"] = _attr(backend, as_bytes)
            g.attrs["keras_version"] = _attr(version, as_bytes)
        for layer_name, weights in layers:
            lg = g.create_group(layer_name)
            lg.attrs["weight_names"] = [w.encode("utf8") for w, _ in weights] if weights else np.asarray([])
            for w, value in weights:
                lg.create_dataset(w, data=np.asarray(value, dtype="float32"))
    return path


def record(name, x, y):
    EXPECTED[name] = {"input": arr(np.asarray(x, "float32")), "output": arr(np.asarray(y, "float32"))}


def keras3_predict(model_layers, x, weights):
    """A Keras 3 Sequential of model_layers (first an Input) with weights set per layer, its output on x."""
    keras.backend.clear_session()
    m = keras.Sequential(model_layers)
    for layer, w in zip([l for l in m.layers if l.weights], weights):
        layer.set_weights(w)
    return np.asarray(m.predict(x, verbose=0))


# ---------------------------------------------------------------- Keras 1.2.2

def k1_base(name, first_shape=None, input_dtype="float32"):
    c = {"name": name, "trainable": True}
    if first_shape is not None:
        c["batch_input_shape"] = first_shape
        c["input_dtype"] = input_dtype
    return c


def k1_recurrent(cls, name, units, extra, first_shape=None, input_dim=None, input_length=None, consume_less="cpu",
                 return_sequences=False, inner_activation="hard_sigmoid", go_backwards=False):
    c = k1_base(name, first_shape)
    c.update({"return_sequences": return_sequences, "go_backwards": go_backwards, "stateful": False,
              "unroll": False, "consume_less": consume_less, "input_dim": input_dim, "input_length": input_length,
              "output_dim": units, "init": "glorot_uniform", "inner_init": "orthogonal", "activation": "tanh",
              "W_regularizer": None, "U_regularizer": None, "b_regularizer": None, "dropout_W": 0.0,
              "dropout_U": 0.0})
    if cls != "SimpleRNN":
        c["inner_activation"] = inner_activation
    if cls == "LSTM":
        c["forget_bias_init"] = "one"
    c.update(extra)
    return {"class_name": cls, "config": c}


def k1_dense(name, units, input_dim, activation="linear", first_shape=None):
    c = k1_base(name, first_shape)
    c.update({"output_dim": units, "init": "glorot_uniform", "activation": activation, "W_regularizer": None,
              "b_regularizer": None, "activity_regularizer": None, "W_constraint": None, "b_constraint": None,
              "bias": True, "input_dim": input_dim})
    return {"class_name": "Dense", "config": c}


def k1_lstm_arrays(prefix, d, u, seed):
    """Keras 1 LSTM (consume_less cpu/mem): W, U, b for gates i, c, f, o, named as Keras 1's TF backend named them."""
    out, per_gate = [], {}
    for k, g in enumerate("icfo"):
        W = normal(seed + 3 * k, (d, u), 0.5)
        U = normal(seed + 3 * k + 1, (u, u), 0.5)
        b = normal(seed + 3 * k + 2, (u,), 0.3)
        per_gate[g] = (W, U, b)
        out += [(f"{prefix}_W_{g}:0", W), (f"{prefix}_U_{g}:0", U), (f"{prefix}_b_{g}:0", b)]
    fused = [np.concatenate([per_gate[g][p] for g in "ifco"], axis=-1) for p in range(3)]
    return out, fused


def k1_gru_arrays(prefix, d, u, seed):
    out, per_gate = [], {}
    for k, g in enumerate("zrh"):
        W = normal(seed + 3 * k, (d, u), 0.5)
        U = normal(seed + 3 * k + 1, (u, u), 0.5)
        b = normal(seed + 3 * k + 2, (u,), 0.3)
        per_gate[g] = (W, U, b)
        out += [(f"{prefix}_W_{g}:0", W), (f"{prefix}_U_{g}:0", U), (f"{prefix}_b_{g}:0", b)]
    fused = [np.concatenate([per_gate[g][p] for g in "zrh"], axis=-1) for p in range(3)]
    return out, fused


def keras1_files():
    # Dense (Keras 1 keys, first layer's input_dim) -> Dropout(p) -> Dense: the Keras 1 layout without recurrence
    x = uniform(11, (3, 2))
    d1 = [normal(20, (2, 3), 0.5), normal(21, (3,), 0.3)]
    d2 = [normal(22, (3, 1), 0.5), normal(23, (1,), 0.3)]
    cfg = {"class_name": "Sequential", "config": [
        k1_dense("dense_1", 3, 2, activation="tanh", first_shape=[None, 2]),
        {"class_name": "Dropout", "config": {"name": "dropout_1", "trainable": True, "p": 0.25}},
        k1_dense("dense_2", 1, 3)]}
    write_h5("keras1_dense", "1.2.2", None, cfg, [
        ("dense_1", [("dense_1_W:0", d1[0]), ("dense_1_b:0", d1[1])]), ("dropout_1", []),
        ("dense_2", [("dense_2_W:0", d2[0]), ("dense_2_b:0", d2[1])])], as_bytes=True, group_version=False)
    y = keras3_predict([keras.Input((2,)), L.Dense(3, activation="tanh"), L.Dropout(0.25), L.Dense(1)], x, [d1, d2])
    record("keras1_dense", x, y)

    # LSTM (per-gate weights, hard_sigmoid gates) -> Dropout -> Dense
    x = uniform(1, (2, 4, 2))
    lstm_w, lstm_fused = k1_lstm_arrays("lstm_1", 2, 3, 10)
    dense = [normal(30, (3, 1), 0.5), normal(31, (1,), 0.3)]
    cfg = {"class_name": "Sequential", "config": [
        k1_recurrent("LSTM", "lstm_1", 3, {}, first_shape=[None, 4, 2], input_dim=2, input_length=4),
        {"class_name": "Dropout", "config": {"name": "dropout_1", "trainable": True, "p": 0.5}},
        k1_dense("dense_1", 1, 3)]}
    write_h5("keras1_lstm", "1.2.2", None, cfg, [("lstm_1", lstm_w), ("dropout_1", []),
             ("dense_1", [("dense_1_W:0", dense[0]), ("dense_1_b:0", dense[1])])], as_bytes=True, group_version=False)
    y = keras3_predict([keras.Input((4, 2)), L.LSTM(3, recurrent_activation=old_hard_sigmoid), L.Dropout(0.5),
                        L.Dense(1)], x, [lstm_fused, dense])
    record("keras1_lstm", x, y)

    # Embedding -> GRU (per-gate weights, return_sequences)
    x = np.array([[1, 4, 0, 9, 2], [3, 3, 7, 1, 5]], "float32")
    emb = normal(40, (10, 3), 0.7)
    gru_w, gru_fused = k1_gru_arrays("gru_1", 3, 2, 50)
    e = k1_base("embedding_1", [None, 5], "int32")
    e.update({"input_dim": 10, "output_dim": 3, "init": "uniform", "input_length": 5, "mask_zero": False,
              "activity_regularizer": None, "W_regularizer": None, "W_constraint": None, "dropout": 0.0})
    cfg = {"class_name": "Sequential", "config": [
        {"class_name": "Embedding", "config": e},
        k1_recurrent("GRU", "gru_1", 2, {}, input_dim=3, input_length=5, return_sequences=True)]}
    write_h5("keras1_embedding_gru", "1.2.2", None, cfg, [("embedding_1", [("embedding_1_W:0", emb)]),
             ("gru_1", gru_w)], as_bytes=True, group_version=False)
    y = keras3_predict([keras.Input((5,)), L.Embedding(10, 3),
                        L.GRU(2, recurrent_activation=old_hard_sigmoid, reset_after=False, return_sequences=True)],
                       x, [[emb], gru_fused])
    record("keras1_embedding_gru", x, y)

    # Bidirectional(LSTM, per-gate, return_sequences) -> TimeDistributed(Dense)
    x = uniform(2, (2, 4, 2))
    fw, fw_fused = k1_lstm_arrays("forward_lstm_2", 2, 2, 60)
    bw, bw_fused = k1_lstm_arrays("backward_lstm_2", 2, 2, 80)
    td = [normal(90, (4, 2), 0.5), normal(91, (2,), 0.3)]
    inner = k1_recurrent("LSTM", "lstm_2", 2, {}, input_dim=2, input_length=4, return_sequences=True,
                         inner_activation="sigmoid")
    bi = k1_base("bidirectional_1", [None, 4, 2])
    bi.update({"layer": inner, "merge_mode": "concat"})
    tdc = k1_base("timedistributed_1")
    tdc["layer"] = k1_dense("dense_2", 2, 4)
    cfg = {"class_name": "Sequential", "config": [{"class_name": "Bidirectional", "config": bi},
                                                   {"class_name": "TimeDistributed", "config": tdc}]}
    write_h5("keras1_bidirectional", "1.2.2", None, cfg, [("bidirectional_1", fw + bw),
             ("timedistributed_1", [("dense_2_W:0", td[0]), ("dense_2_b:0", td[1])])], as_bytes=True,
             group_version=False)
    y = keras3_predict([keras.Input((4, 2)), L.Bidirectional(L.LSTM(2, return_sequences=True)),
                        L.TimeDistributed(L.Dense(2))], x, [fw_fused + bw_fused, td])
    record("keras1_bidirectional", x, y)

    # SimpleRNN -> LSTM(consume_less="gpu": already fused W, U, b, gates i, f, c, o)
    x = uniform(3, (2, 4, 2))
    rnn = [normal(100, (2, 3), 0.5), normal(101, (3, 3), 0.5), normal(102, (3,), 0.3)]
    lstm = [normal(103, (3, 8), 0.5), normal(104, (2, 8), 0.5), normal(105, (8,), 0.3)]
    cfg = {"class_name": "Sequential", "config": [
        k1_recurrent("SimpleRNN", "simplernn_1", 3, {}, first_shape=[None, 4, 2], input_dim=2, input_length=4,
                     return_sequences=True),
        k1_recurrent("LSTM", "lstm_3", 2, {}, input_dim=3, input_length=4, consume_less="gpu")]}
    write_h5("keras1_simplernn_lstm_gpu", "1.2.2", None, cfg, [
        ("simplernn_1", [("simplernn_1_W:0", rnn[0]), ("simplernn_1_U:0", rnn[1]), ("simplernn_1_b:0", rnn[2])]),
        ("lstm_3", [("lstm_3_W:0", lstm[0]), ("lstm_3_U:0", lstm[1]), ("lstm_3_b:0", lstm[2])])],
        as_bytes=True, group_version=False)
    y = keras3_predict([keras.Input((4, 2)), L.SimpleRNN(3, return_sequences=True),
                        L.LSTM(2, recurrent_activation=old_hard_sigmoid)], x, [rnn, lstm])
    record("keras1_simplernn_lstm_gpu", x, y)


# ---------------------------------------------------------------- Keras 2.x

VS = {"class_name": "VarianceScaling", "config": {"scale": 1.0, "mode": "fan_avg", "distribution": "uniform",
                                                   "seed": None}}
ORTH = {"class_name": "Orthogonal", "config": {"gain": 1.0, "seed": None}}
ZEROS = {"class_name": "Zeros", "config": {}}


def k2_rnn(cls, name, units, first_shape=None, **kw):
    c = {"name": name, "trainable": True}
    if first_shape is not None:
        c["batch_input_shape"] = first_shape
        c["dtype"] = "float32"
    c.update({"return_sequences": False, "return_state": False, "go_backwards": False, "stateful": False,
              "unroll": False, "units": units, "activation": "tanh", "recurrent_activation": "hard_sigmoid",
              "use_bias": True, "kernel_initializer": VS, "recurrent_initializer": ORTH, "bias_initializer": ZEROS,
              "kernel_regularizer": None, "recurrent_regularizer": None, "bias_regularizer": None,
              "activity_regularizer": None, "kernel_constraint": None, "recurrent_constraint": None,
              "bias_constraint": None, "dropout": 0.0, "recurrent_dropout": 0.0, "implementation": 1})
    if cls == "LSTM":
        c["unit_forget_bias"] = True
    if cls == "SimpleRNN":
        del c["recurrent_activation"]
    c.update(kw)
    return {"class_name": cls, "config": c}


def k2_cudnn(cls, name, units, first_shape=None, **kw):
    c = {"name": name, "trainable": True}
    if first_shape is not None:
        c["batch_input_shape"] = first_shape
        c["dtype"] = "float32"
    c.update({"return_sequences": False, "return_state": False, "go_backwards": False, "stateful": False,
              "units": units, "kernel_initializer": VS, "recurrent_initializer": ORTH, "bias_initializer": ZEROS,
              "kernel_regularizer": None, "recurrent_regularizer": None, "bias_regularizer": None,
              "activity_regularizer": None, "kernel_constraint": None, "recurrent_constraint": None,
              "bias_constraint": None})
    if cls == "CuDNNLSTM":
        c["unit_forget_bias"] = True
    c.update(kw)
    return {"class_name": cls, "config": c}


def k2_dense(name, units):
    return {"class_name": "Dense", "config": {
        "name": name, "trainable": True, "units": units, "activation": "linear", "use_bias": True,
        "kernel_initializer": VS, "bias_initializer": ZEROS, "kernel_regularizer": None, "bias_regularizer": None,
        "activity_regularizer": None, "kernel_constraint": None, "bias_constraint": None}}


def cudnn_gate_matrices(kernel, rec, gates):
    """What cuDNN reads: per gate the (units, input_dim) input matrix and (units, units) recurrent matrix, each the
    gate's block of the Keras variable flattened row-major."""
    u = rec.shape[0]
    d = kernel.shape[0]
    Ws = [kernel[:, g * u:(g + 1) * u].reshape(-1).reshape(u, d) for g in range(gates)]
    Rs = [rec[:, g * u:(g + 1) * u].reshape(-1).reshape(u, u) for g in range(gates)]
    return Ws, Rs


def cudnn_lstm(x, kernel, rec, bias, return_sequences):
    """cuDNN LSTM: i, f, g(c), o = W x + R h + bW + bR per gate (order i, f, c, o)."""
    Ws, Rs = cudnn_gate_matrices(kernel, rec, 4)
    u = rec.shape[0]
    bW, bR = bias[:4 * u].reshape(4, u), bias[4 * u:].reshape(4, u)
    h = np.zeros((x.shape[0], u))
    c = np.zeros((x.shape[0], u))
    seq = []
    for t in range(x.shape[1]):
        pre = [x[:, t] @ Ws[g].T + h @ Rs[g].T + bW[g] + bR[g] for g in range(4)]
        i, f, cc, o = sigmoid(pre[0]), sigmoid(pre[1]), np.tanh(pre[2]), sigmoid(pre[3])
        c = f * c + i * cc
        h = o * np.tanh(c)
        seq.append(h)
    return np.stack(seq, 1) if return_sequences else h


def cudnn_gru(x, kernel, rec, bias, return_sequences, go_backwards=False):
    """cuDNN GRU: z, r = sigmoid(W x + R h + bW + bR); h' = tanh(W_h x + bW_h + r * (R_h h + bR_h));
    h = z * h_prev + (1 - z) * h' (gates z, r, h)."""
    Ws, Rs = cudnn_gate_matrices(kernel, rec, 3)
    u = rec.shape[0]
    bW, bR = bias[:3 * u].reshape(3, u), bias[3 * u:].reshape(3, u)
    h = np.zeros((x.shape[0], u))
    seq = []
    steps = range(x.shape[1] - 1, -1, -1) if go_backwards else range(x.shape[1])
    for t in steps:
        z = sigmoid(x[:, t] @ Ws[0].T + h @ Rs[0].T + bW[0] + bR[0])
        r = sigmoid(x[:, t] @ Ws[1].T + h @ Rs[1].T + bW[1] + bR[1])
        hh = np.tanh(x[:, t] @ Ws[2].T + bW[2] + r * (h @ Rs[2].T + bR[2]))
        h = z * h + (1 - z) * hh
        seq.append(h)
    return np.stack(seq, 1) if return_sequences else h


def to_keras_kernel(kernel, gates):
    """The same numbers as a Keras kernel: each gate's cuDNN (units, input_dim) matrix transposed."""
    u = kernel.shape[1] // gates
    d = kernel.shape[0]
    return np.concatenate([kernel[:, g * u:(g + 1) * u].reshape(-1).reshape(u, d).T for g in range(gates)], -1)


def to_keras_recurrent(rec, gates):
    u = rec.shape[0]
    return np.concatenate([rec[:, g * u:(g + 1) * u].T for g in range(gates)], -1)


def keras2_files():
    # Keras 2.2.4: CuDNNLSTM(return_sequences) -> CuDNNGRU
    x = uniform(4, (2, 4, 3))
    lk, lr, lb = normal(200, (3, 8), 0.5), normal(201, (2, 8), 0.5), normal(202, (16,), 0.3)
    gk, gr, gb = normal(203, (2, 6), 0.5), normal(204, (2, 6), 0.5), normal(205, (12,), 0.3)
    cfg = {"class_name": "Sequential", "config": {"name": "sequential_1", "layers": [
        k2_cudnn("CuDNNLSTM", "cu_dnnlstm_1", 2, [None, 4, 3], return_sequences=True),
        k2_cudnn("CuDNNGRU", "cu_dnngru_1", 2)]}}
    write_h5("keras2_cudnn", "2.2.4", "tensorflow", cfg, [
        ("cu_dnnlstm_1", [("cu_dnnlstm_1/kernel:0", lk), ("cu_dnnlstm_1/recurrent_kernel:0", lr),
                          ("cu_dnnlstm_1/bias:0", lb)]),
        ("cu_dnngru_1", [("cu_dnngru_1/kernel:0", gk), ("cu_dnngru_1/recurrent_kernel:0", gr),
                         ("cu_dnngru_1/bias:0", gb)])], as_bytes=True, group_version=True)
    y = cudnn_gru(cudnn_lstm(x.astype("float64"), lk, lr, lb, True), gk, gr, gb, False)
    check = keras3_predict([keras.Input((4, 3)), L.LSTM(2, return_sequences=True), L.GRU(2)], x, [
        [to_keras_kernel(lk, 4), to_keras_recurrent(lr, 4), lb[:8] + lb[8:]],
        [to_keras_kernel(gk, 3), to_keras_recurrent(gr, 3), gb.reshape(2, 6)]])
    assert np.allclose(check, y, atol=1e-5), (check, y)
    record("keras2_cudnn", x, y)

    # Keras 2.2.4 defaults: GRU(reset_after=False, hard_sigmoid) -> LSTM(hard_sigmoid) -> Dense
    x = uniform(5, (2, 4, 2))
    gru = [normal(210, (2, 9), 0.5), normal(211, (3, 9), 0.5), normal(212, (9,), 0.3)]
    lstm = [normal(213, (3, 8), 0.5), normal(214, (2, 8), 0.5), normal(215, (8,), 0.3)]
    dense = [normal(216, (2, 1), 0.5), normal(217, (1,), 0.3)]
    cfg = {"class_name": "Sequential", "config": {"name": "sequential_2", "layers": [
        k2_rnn("GRU", "gru_1", 3, [None, 4, 2], return_sequences=True, reset_after=False),
        k2_rnn("LSTM", "lstm_1", 2), k2_dense("dense_1", 1)]}}
    names = ["kernel:0", "recurrent_kernel:0", "bias:0"]
    write_h5("keras2_gru_lstm", "2.2.4", "tensorflow", cfg, [
        ("gru_1", [("gru_1/" + n, w) for n, w in zip(names, gru)]),
        ("lstm_1", [("lstm_1/" + n, w) for n, w in zip(names, lstm)]),
        ("dense_1", [("dense_1/kernel:0", dense[0]), ("dense_1/bias:0", dense[1])])],
        as_bytes=True, group_version=True)
    y = keras3_predict([keras.Input((4, 2)), L.GRU(3, recurrent_activation=old_hard_sigmoid, reset_after=False,
                                                   return_sequences=True),
                        L.LSTM(2, recurrent_activation=old_hard_sigmoid), L.Dense(1)], x, [gru, lstm, dense])
    record("keras2_gru_lstm", x, y)

    # Keras 2.0.8: a GRU config without reset_after (added in Keras 2.1.6), implementation 0, go_backwards
    x = uniform(6, (2, 3, 2))
    gru = [normal(220, (2, 6), 0.5), normal(221, (2, 6), 0.5), normal(222, (6,), 0.3)]
    c = k2_rnn("GRU", "gru_1", 2, [None, 3, 2], go_backwards=True, implementation=0)
    cfg = {"class_name": "Sequential", "config": [c]}  # Keras 2.0 wrote the layer list itself
    write_h5("keras2_0_gru", "2.0.8", "tensorflow", cfg, [("gru_1", [("gru_1/" + n, w) for n, w in zip(names, gru)])],
             as_bytes=True, group_version=True)
    y = keras3_predict([keras.Input((3, 2)), L.GRU(2, recurrent_activation=old_hard_sigmoid, reset_after=False,
                                                   go_backwards=True)], x, [gru])
    record("keras2_0_gru", x, y)

    # Keras 2.2.4: Bidirectional(CuDNNGRU, return_sequences, merge sum)
    x = uniform(7, (2, 3, 2))
    fw = [normal(230, (2, 6), 0.5), normal(231, (2, 6), 0.5), normal(232, (12,), 0.3)]
    bw = [normal(233, (2, 6), 0.5), normal(234, (2, 6), 0.5), normal(235, (12,), 0.3)]
    bi = {"name": "bidirectional_1", "trainable": True, "batch_input_shape": [None, 3, 2], "dtype": "float32",
          "layer": k2_cudnn("CuDNNGRU", "cu_dnngru_2", 2, return_sequences=True), "merge_mode": "sum"}
    cfg = {"class_name": "Sequential", "config": {"name": "sequential_3", "layers": [
        {"class_name": "Bidirectional", "config": bi}]}}
    write_h5("keras2_bidirectional_cudnn", "2.2.4", "tensorflow", cfg, [("bidirectional_1", [
        ("bidirectional_1/forward_cu_dnngru_2/" + n, w) for n, w in zip(names, fw)] + [
        ("bidirectional_1/backward_cu_dnngru_2/" + n, w) for n, w in zip(names, bw)])], as_bytes=True,
        group_version=True)
    x64 = x.astype("float64")
    y = cudnn_gru(x64, *fw, True) + cudnn_gru(x64, *bw, True, go_backwards=True)[:, ::-1]
    record("keras2_bidirectional_cudnn", x, y)


# ---------------------------------------------------------------- tf.keras 2.4

def tf_rnn(cls, name, units, **kw):
    c = {"name": name, "trainable": True, "dtype": "float32", "return_sequences": False, "return_state": False,
         "go_backwards": False, "stateful": False, "unroll": False, "time_major": False, "units": units,
         "activation": "tanh", "recurrent_activation": "sigmoid", "use_bias": True,
         "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
         "recurrent_initializer": {"class_name": "Orthogonal", "config": {"gain": 1.0, "seed": None}},
         "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": None,
         "recurrent_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
         "kernel_constraint": None, "recurrent_constraint": None, "bias_constraint": None, "dropout": 0.0,
         "recurrent_dropout": 0.0, "implementation": 2}
    if cls == "LSTM":
        c["unit_forget_bias"] = True
    if cls == "GRU":
        c["reset_after"] = True
    c.update(kw)
    return {"class_name": cls, "config": c}


def tfkeras_files():
    # Embedding(mask_zero, input_length) -> LSTM(return_sequences) -> GRU(reset_after=True); zeros pad the ends
    x = np.array([[3, 1, 4, 0, 0], [2, 7, 1, 8, 2]], "float32")
    emb = normal(300, (10, 3), 0.7)
    lstm = [normal(301, (3, 12), 0.5), normal(302, (3, 12), 0.5), normal(303, (12,), 0.3)]
    gru = [normal(304, (3, 6), 0.5), normal(305, (2, 6), 0.5), normal(306, (2, 6), 0.3)]
    cfg = {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 5], "dtype": "float32", "sparse": False,
                                                "ragged": False, "name": "embedding_input"}},
        {"class_name": "Embedding", "config": {
            "name": "embedding", "trainable": True, "batch_input_shape": [None, 5], "dtype": "float32",
            "input_dim": 10, "output_dim": 3,
            "embeddings_initializer": {"class_name": "RandomUniform",
                                       "config": {"minval": -0.05, "maxval": 0.05, "seed": None}},
            "embeddings_regularizer": None, "activity_regularizer": None, "embeddings_constraint": None,
            "mask_zero": True, "input_length": 5}},
        tf_rnn("LSTM", "lstm", 3, return_sequences=True), tf_rnn("GRU", "gru", 2)]}}
    write_h5("tfkeras_embedding_lstm_gru", "2.4.0", "tensorflow", cfg, [
        ("embedding", [("embedding/embeddings:0", emb)]),
        ("lstm", [("lstm/lstm_cell/" + n, w) for n, w in zip(["kernel:0", "recurrent_kernel:0", "bias:0"], lstm)]),
        ("gru", [("gru/gru_cell/" + n, w) for n, w in zip(["kernel:0", "recurrent_kernel:0", "bias:0"], gru)])],
        as_bytes=False, group_version=True)
    y = keras3_predict([keras.Input((5,)), L.Embedding(10, 3, mask_zero=True), L.LSTM(3, return_sequences=True),
                        L.GRU(2)], x, [[emb], lstm, gru])
    record("tfkeras_embedding_lstm_gru", x, y)

    # ConvLSTM2D with tf.keras' default recurrent_activation="hard_sigmoid"
    x = uniform(8, (1, 2, 4, 4, 1))
    conv = [normal(310, (2, 2, 1, 8), 0.5), normal(311, (2, 2, 2, 8), 0.5), normal(312, (8,), 0.3)]
    c = {"name": "conv_lst_m2d", "trainable": True, "batch_input_shape": [None, 2, 4, 4, 1], "dtype": "float32",
         "return_sequences": False, "return_state": False, "go_backwards": False, "stateful": False, "unroll": False,
         "time_major": False, "filters": 2, "kernel_size": [2, 2], "strides": [1, 1], "padding": "valid",
         "data_format": "channels_last", "dilation_rate": [1, 1], "activation": "tanh",
         "recurrent_activation": "hard_sigmoid", "use_bias": True,
         "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
         "recurrent_initializer": {"class_name": "Orthogonal", "config": {"gain": 1.0, "seed": None}},
         "bias_initializer": {"class_name": "Zeros", "config": {}}, "unit_forget_bias": True,
         "kernel_regularizer": None, "recurrent_regularizer": None, "bias_regularizer": None,
         "activity_regularizer": None, "kernel_constraint": None, "recurrent_constraint": None,
         "bias_constraint": None, "dropout": 0.0, "recurrent_dropout": 0.0}
    cfg = {"class_name": "Sequential", "config": {"name": "sequential_1", "layers": [
        {"class_name": "ConvLSTM2D", "config": c}]}}
    write_h5("tfkeras_convlstm2d", "2.4.0", "tensorflow", cfg, [("conv_lst_m2d", [
        ("conv_lst_m2d/" + n, w) for n, w in zip(["kernel:0", "recurrent_kernel:0", "bias:0"], conv)])],
        as_bytes=False, group_version=True)
    y = keras3_predict([keras.Input((2, 4, 4, 1)), L.ConvLSTM2D(2, (2, 2), recurrent_activation=old_hard_sigmoid)],
                       x, [conv])
    record("tfkeras_convlstm2d", x, y)


# ---------------------------------------------------------------- Keras 3.15.1's own legacy writer

def keras3_files():
    models = {
        "keras3_lstm_gru_simplernn": (uniform(9, (2, 4, 2)), [keras.Input((4, 2)),
                                       L.LSTM(3, return_sequences=True, seed=1),
                                       L.GRU(3, return_sequences=True, seed=2), L.SimpleRNN(2, seed=3)]),
        "keras3_embedding_bidirectional": (np.array([[1, 2, 0, 0], [4, 5, 6, 7]], "float32"), [
            keras.Input((4,)), L.Embedding(8, 3, mask_zero=True, embeddings_initializer=keras.initializers.RandomNormal(
                seed=4)), L.Bidirectional(L.LSTM(2, seed=5)), L.Dense(1, kernel_initializer=keras.initializers.
                                                                            RandomNormal(seed=6))]),
        "keras3_timedistributed_gru": (uniform(10, (2, 3, 2)), [keras.Input((3, 2)),
                                        L.GRU(2, reset_after=False, return_sequences=True, seed=7),
                                        L.TimeDistributed(L.Dense(2, kernel_initializer=keras.initializers.
                                                                  RandomNormal(seed=8)))]),
    }
    for name, (x, layer_list) in models.items():
        keras.backend.clear_session()
        m = keras.Sequential(layer_list)
        for i, layer in enumerate(m.layers):  # fixed weights, non-zero biases so that a misplaced bias would show
            ws = layer.get_weights()
            if ws:
                layer.set_weights([normal(400 + 10 * i + j, w.shape, 0.5) for j, w in enumerate(ws)])
        path = os.path.join(OUT, name + ".h5")
        m.save(path)
        record(name, x, np.asarray(m.predict(x, verbose=0)))


if __name__ == "__main__":
    keras1_files()
    keras2_files()
    tfkeras_files()
    keras3_files()
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump({"keras": keras.__version__, "cases": EXPECTED}, f, sort_keys=True, separators=(",", ":"))
        f.write("\n")
    print("wrote", len(EXPECTED), "cases to", OUT)
