"""Writes Keras 3.15.1 outputs of the recurrent layers and cells.

golden/layers/<Class>.json (the format of golden_layers.py, read by LayerGoldenTest): SimpleRNN, LSTM, GRU, RNN
and the cells, for return_sequences x return_state x go_backwards x unroll, activations, initial_state (inputs
after the sequences, as keras4j takes them), GRU reset_after=False, no bias, dropout in training.

golden/recurrent/<Class>.json (read by RecurrentGoldenTest): cases keras4j's layer test cannot express:
"mask" (bool (batch, time), Keras' mask= argument) and "batches" (a stateful layer called on several batches in
turn: "batches" and "outputs" per batch).

golden/training/{lstm_adam,gru_stacked_adam,simple_rnn_lstm_cells_adam,embedding_mask_zero_lstm_sgd}.json
(golden_training.py's fit trajectories, read by TrainingGoldenTest): recurrent classifiers trained 3 epochs by Adam,
and padded token ids through Embedding(mask_zero) -> LSTM -> GRU by SGD with momentum.

Run from the repository root:

    KERAS_BACKEND=tensorflow /path/to/venv/bin/python tools/keras-reference/golden/golden_recurrent.py
"""

import itertools
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import golden_common as g  # noqa: E402
from golden_common import keras, np  # noqa: E402

L = keras.layers
SEED = 1337
B, T, F, U = 2, 4, 3, 2


def weights_for(layer, seed=7):
    return [g.normal(seed + i, tuple(w.shape), 0.5) for i, w in enumerate(layer.weights)]


def x(shape, seed=0):
    return g.normal(seed, shape)


def _flat(out):
    if isinstance(out, (list, tuple)):
        res = []
        for o in out:
            res.extend(_flat(o))
        return res
    return [out]


def case(name, make, inputs, training=False, call=None, **extra):
    """inputs: the sequences, then initial states; the layer is built (not called) before its weights are set."""
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED)
    layer = make()
    layer.build(inputs[0].shape)  # built, not called: a call would draw the dropout masks
    if call is None:
        if len(inputs) == 1:
            call = lambda l, xs, tr: l(xs[0], training=tr)  # noqa: E731
        else:
            call = lambda l, xs, tr: l(xs[0], initial_state=list(xs[1:]), training=tr)  # noqa: E731
    layer.set_weights(weights_for(layer))
    outs = _flat(call(layer, inputs, training))
    c = {"name": name, "config": layer.get_config(), "inputs": [g.arr(v) for v in inputs],
         "weights": [g.arr(w) for w in layer.get_weights()], "training": training,
         "outputs": [g.arr(o) for o in outs]}
    c.update(extra)
    return c


def cell_case(name, make, state_sizes, training=False):
    """A cell called alone: inputs [x_t, states...], outputs [output, new states...]."""
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED)
    cell = make()
    xt = x((B, F), 3)
    states = [x((B, s), 10 + i) for i, s in enumerate(state_sizes)]
    cell.build((B, F))
    cell.set_weights(weights_for(cell))
    out, new = cell(xt, states, training=training)
    return {"name": name, "config": cell.get_config(), "inputs": [g.arr(v) for v in [xt] + states],
            "weights": [g.arr(w) for w in cell.get_weights()], "training": training,
            "outputs": [g.arr(o) for o in [out] + _flat(new)]}


def layer_cases(cls, n_states, **kw):
    out = []
    seq = x((B, T, F))
    # unroll changes the graph, not the numbers: all of (return_sequences, return_state, go_backwards), two unrolled
    combos = [c + (False,) for c in itertools.product([False, True], repeat=3)] + [(True, True, True, True),
                                                                                  (False, False, False, True)]
    for rs, st, gb, un in combos:
        name = "_".join(k for k, on in [("seq", rs), ("state", st), ("backwards", gb), ("unroll", un)] if on)
        out.append(case(name or "default", lambda rs=rs, st=st, gb=gb, un=un: cls(
            U, return_sequences=rs, return_state=st, go_backwards=gb, unroll=un, **kw), [seq]))
    init = [x((B, U), 20 + i) for i in range(n_states)]
    out.append(case("initial_state", lambda: cls(U, return_sequences=True, **kw), [seq] + init))
    out.append(case("initial_state_backwards_state", lambda: cls(U, go_backwards=True, return_state=True, **kw),
                    [seq] + init))
    out.append(case("no_bias", lambda: cls(U, use_bias=False, return_sequences=True, **kw), [seq]))
    out.append(case("relu", lambda: cls(U, activation="relu", return_sequences=True, **kw), [seq]))
    if cls is not L.SimpleRNN:  # SimpleRNN's config has no seed (Keras 3.15.1): its masks cannot be replayed
        out.append(case("dropout_training", lambda: cls(U, dropout=0.4, seed=5, return_sequences=True, **kw), [seq],
                        training=True))
        out.append(case("recurrent_dropout_training", lambda: cls(U, dropout=0.3, recurrent_dropout=0.4, seed=9,
                                                                  return_sequences=True, **kw), [seq], training=True))
    out.append(case("dropout_inference", lambda: cls(U, dropout=0.4, recurrent_dropout=0.4, seed=5, **kw), [seq]))
    return out


def layers_family():
    files = {}
    files["SimpleRNN"] = layer_cases(L.SimpleRNN, 1)
    files["SimpleRNN"].append(case("linear_longer", lambda: L.SimpleRNN(3, activation="linear"), [x((2, 7, 2))]))
    files["LSTM"] = layer_cases(L.LSTM, 2)
    files["LSTM"] += [
        case("hard_sigmoid", lambda: L.LSTM(U, recurrent_activation="hard_sigmoid", return_sequences=True),
             [x((B, T, F))]),
        case("no_unit_forget_bias", lambda: L.LSTM(U, unit_forget_bias=False), [x((B, T, F))]),
    ]
    files["GRU"] = layer_cases(L.GRU, 1)
    files["GRU"] += [
        case("reset_before", lambda: L.GRU(U, reset_after=False, return_sequences=True), [x((B, T, F))]),
        case("reset_before_no_bias", lambda: L.GRU(U, reset_after=False, use_bias=False), [x((B, T, F))]),
        case("reset_before_recurrent_dropout_training", lambda: L.GRU(
            U, reset_after=False, recurrent_dropout=0.3, dropout=0.2, seed=4, return_sequences=True),
            [x((B, T, F))], training=True),
        case("hard_sigmoid_relu", lambda: L.GRU(U, recurrent_activation="hard_sigmoid", activation="relu"),
             [x((B, T, F))]),
    ]
    seq = x((B, T, F))
    files["RNN"] = [
        case("lstm_cell", lambda: L.RNN(L.LSTMCell(U), return_sequences=True), [seq]),
        case("stacked_cells", lambda: L.RNN([L.GRUCell(U), L.SimpleRNNCell(3), L.LSTMCell(U)]), [seq]),
        case("stacked_cells_state", lambda: L.RNN([L.LSTMCell(U), L.GRUCell(3, reset_after=False)],
                                                  return_state=True, go_backwards=True), [seq]),
        case("stacked_dropout_training", lambda: L.RNN([L.LSTMCell(U, dropout=0.3, recurrent_dropout=0.2, seed=2),
                                                        L.SimpleRNNCell(U, dropout=0.4, seed=3)],
                                                       return_sequences=True), [seq], training=True),
        case("simple_rnn_cell_dropout_training", lambda: L.RNN(L.SimpleRNNCell(U, dropout=0.3, recurrent_dropout=0.4,
                                                                              seed=9), return_sequences=True),
             [seq], training=True),
        case("stacked_initial_state", lambda: L.RNN([L.LSTMCell(U), L.GRUCell(3)], return_sequences=True),
             [seq, x((B, U), 30), x((B, U), 31), x((B, 3), 32)],
             call=lambda l, xs, tr: l(xs[0], initial_state=[[xs[1], xs[2]], xs[3]], training=tr)),
    ]
    files["SimpleRNNCell"] = [cell_case("default", lambda: L.SimpleRNNCell(U), [U]),
                              cell_case("relu_no_bias", lambda: L.SimpleRNNCell(U, activation="relu",
                                                                                use_bias=False), [U])]
    files["LSTMCell"] = [cell_case("default", lambda: L.LSTMCell(U), [U, U])]
    files["GRUCell"] = [cell_case("default", lambda: L.GRUCell(U), [U]),
                        cell_case("reset_before", lambda: L.GRUCell(U, reset_after=False), [U])]
    files["StackedRNNCells"] = [_stacked_cell_case()]
    return files


def _stacked_cell_case():
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED)
    cell = L.StackedRNNCells([L.LSTMCell(U), L.GRUCell(3)])
    xt = x((B, F), 3)
    states = [x((B, U), 10), x((B, U), 11), x((B, 3), 12)]
    cell.build((B, F))
    cell.set_weights(weights_for(cell))
    out, new = cell(xt, [[states[0], states[1]], states[2]])
    return {"name": "lstm_gru", "config": cell.get_config(), "inputs": [g.arr(v) for v in [xt] + states],
            "weights": [g.arr(w) for w in cell.get_weights()], "training": False,
            "outputs": [g.arr(o) for o in [out] + _flat(new)]}


MASK = np.array([[True, True, False, True], [False, True, True, False]])


def mask_case(name, make):
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED)
    seq = x((B, T, F))
    layer = make()
    layer.build(seq.shape)
    layer.set_weights(weights_for(layer))
    outs = _flat(layer(seq, mask=MASK))
    return {"name": name, "config": layer.get_config(), "inputs": [g.arr(seq)], "mask": g.arr(MASK),
            "weights": [g.arr(w) for w in layer.get_weights()], "training": False,
            "outputs": [g.arr(o) for o in outs]}


def stateful_case(name, make, n_batches=2):
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED)
    batches = [x((B, T, F), 40 + i) for i in range(n_batches)]
    layer = make()
    layer.build(batches[0].shape)
    layer.set_weights(weights_for(layer))
    outs = [[g.arr(o) for o in _flat(layer(b))] for b in batches]
    # after reset_states() the first batch gives outputs[0] again (Keras 3.15.1's reset_state fails on stacked
    # cells' nested states, so the test checks that against outputs[0] rather than a second Keras call)
    return {"name": name, "config": layer.get_config(), "batches": [g.arr(b) for b in batches],
            "weights": [g.arr(w) for w in layer.get_weights()], "outputs": outs}


def recurrent_family():
    files = {}
    for cls in [L.SimpleRNN, L.LSTM, L.GRU]:
        cases = []
        for rs, st, gb, un in itertools.product([False, True], repeat=4):
            if cls is not L.LSTM and (st or un):
                continue  # the full product for LSTM, the rest for the others
            name = "_".join(k for k, on in [("seq", rs), ("state", st), ("backwards", gb), ("unroll", un)] if on)
            cases.append(mask_case("mask_" + (name or "default"), lambda cls=cls, rs=rs, st=st, gb=gb, un=un: cls(
                U, return_sequences=rs, return_state=st, go_backwards=gb, unroll=un)))
        cases.append(stateful_case("stateful", lambda cls=cls: cls(U, stateful=True, return_sequences=True)))
        files[cls.__name__] = cases
    files["RNN"] = [
        mask_case("mask_zero_output", lambda: L.RNN(L.LSTMCell(U), return_sequences=True, zero_output_for_mask=True)),
        mask_case("mask_zero_output_last_backwards", lambda: L.RNN(L.GRUCell(U), zero_output_for_mask=True,
                                                                   go_backwards=True, return_state=True)),
        stateful_case("stateful_stacked", lambda: L.RNN([L.LSTMCell(U), L.GRUCell(U)], stateful=True,
                                                        return_state=True)),
    ]
    return files


def training_family():
    """Fit trajectories (golden/training/<name>.json, TrainingGoldenTest's format): Adam on sequence classifiers."""
    import golden_training as gt
    x = g.normal(90, (16, 5, 3))
    labels = (np.argmax(x.sum(axis=1) @ g.normal(91, (3, 3)), axis=-1)).astype("int32")
    onehot = np.eye(3, dtype="float32")[labels]
    fit = {"epochs": 3, "batch_size": 4}
    cases = {}
    gt.fresh()
    cases["lstm_adam"] = gt._training_case("lstm_adam", keras.Sequential([
        keras.Input((5, 3)), L.LSTM(4), L.Dense(3, activation="softmax")]), dict(
        optimizer=keras.optimizers.Adam(0.02), loss="sparse_categorical_crossentropy", metrics=["accuracy"]),
        x, labels, fit)
    gt.fresh()
    cases["gru_stacked_adam"] = gt._training_case("gru_stacked_adam", keras.Sequential([
        keras.Input((5, 3)), L.GRU(4, return_sequences=True, go_backwards=True), L.GRU(3, reset_after=False),
        L.Dense(3, activation="softmax")]), dict(
        optimizer=keras.optimizers.Adam(0.02), loss="categorical_crossentropy", metrics=["accuracy"]),
        x, onehot, fit)
    gt.fresh()
    cases["simple_rnn_lstm_cells_adam"] = gt._training_case("simple_rnn_lstm_cells_adam", keras.Sequential([
        keras.Input((5, 3)), L.SimpleRNN(4, return_sequences=True), L.RNN([L.LSTMCell(3), L.GRUCell(2)]),
        L.Dense(3, activation="softmax")]), dict(
        optimizer=keras.optimizers.Adam(0.02), loss="sparse_categorical_crossentropy"), x, labels, fit)
    gt.fresh()
    ids = np.array(g.rng(92).integers(1, 9, (16, 6)), dtype="int32")
    for row, length in enumerate(g.rng(93).integers(2, 7, 16)):
        ids[row, length:] = 0  # padded at the end: Embedding(mask_zero) masks those steps for the LSTM
    cases["embedding_mask_zero_lstm_sgd"] = gt._training_case("embedding_mask_zero_lstm_sgd", keras.Sequential([
        keras.Input((6,), dtype="int32"), L.Embedding(9, 3, mask_zero=True), L.LSTM(4, return_sequences=True),
        L.GRU(3), L.Dense(3, activation="softmax")]), dict(
        optimizer=keras.optimizers.SGD(0.2, momentum=0.9), loss="sparse_categorical_crossentropy",
        metrics=["accuracy"]), ids, labels, fit)
    return cases


def main():
    for cls, cases in sorted(layers_family().items()):
        print(g.write("layers", cls, cases))
    for cls, cases in sorted(recurrent_family().items()):
        print(g.write("recurrent", cls, cases))
    for name, case_ in sorted(training_family().items()):
        print(g.write("training", name, [case_]))


if __name__ == "__main__":
    main()
