"""Writes Keras 3.15.1 golden cases for the wrappers and ConvLSTM layers of issue 10.

golden/layers/<ClassName>.json: cases in golden_layers.py's format (LayerGoldenTest runs them).
golden/wrappers/<ClassName>.json: cases that need more (WrappersGoldenTest runs them): golden_layers' keys plus
"mask" (a boolean (batch, time) array passed as mask=), "initial_state" (arrays passed as initial_state=),
"output_masks" (layer.compute_mask of the inputs and mask; null entries for none) and, for training calls,
"weights_after" (the weights after the call: moving statistics).

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
    for sub in layer._flatten_layers(include_self=True):
        for gen in getattr(sub, "_seed_generators", []):
            # the building call drew dropout masks (an RNN draws them in inference too): start the streams afresh
            gen.state.assign(np.array([int(gen.state.value[0]), 0], dtype=gen.state.dtype))
    weights = layer.get_weights()  # before the call, which may update moving statistics
    out = layer(inputs[0], training=training, **kwargs)
    outs = list(out) if isinstance(out, (list, tuple)) else [out]
    masks = layer.compute_mask(inputs[0], kwargs.get("mask"))
    masks = list(masks) if isinstance(masks, (list, tuple)) else [masks]
    c = {
        "name": name,
        "config": layer.get_config(),
        "inputs": [g.arr(a) for a in inputs],
        "weights": [g.arr(w) for w in weights],
        "training": training,
        "outputs": [g.arr(o) for o in outs],
        "output_masks": [None if m is None else g.arr(m) for m in masks],
    }
    if mask is not None:
        c["mask"] = g.arr(mask)
    if initial_state is not None:
        c["initial_state"] = [g.arr(s) for s in initial_state]
    if training:
        c["weights_after"] = [g.arr(w) for w in layer.get_weights()]
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
        masked_case("batch_normalization_training_moving_statistics",
                    lambda: L.TimeDistributed(L.BatchNormalization(momentum=0.5)), [x((4, 3, 2))], training=True),
        masked_case("dense_masked", lambda: L.TimeDistributed(L.Dense(2)), [x((3, 4, 5))],
                    mask=mask_of([4, 2, 1], 4)),
        masked_case("global_average_pooling1d_masked", lambda: L.TimeDistributed(L.GlobalAveragePooling1D()),
                    [x((2, 3, 4, 2))], mask=np.array([[[True, True, False, False], [True, False, False, False],
                                                        [True, True, True, True]],
                                                       [[True, True, True, False], [False, True, True, False],
                                                        [True, False, True, False]]])),
    ]
    return layers, wrappers


def conv_lstm1d():
    seq = x((2, 3, 5, 2))
    layers = [
        case("basic", lambda: L.ConvLSTM1D(2, 3), [seq]),
        case("return_sequences_same", lambda: L.ConvLSTM1D(2, 3, padding="same", return_sequences=True), [seq]),
        case("strides2", lambda: L.ConvLSTM1D(3, 2, strides=2), [seq]),
        case("dilation2_go_backwards", lambda: L.ConvLSTM1D(2, 2, dilation_rate=2, go_backwards=True), [seq]),
        case("no_bias_relu_hard_sigmoid", lambda: L.ConvLSTM1D(2, 3, use_bias=False, activation="relu",
                                                                 recurrent_activation="hard_sigmoid"), [seq]),
        case("unroll_go_backwards_sequences", lambda: L.ConvLSTM1D(2, 3, unroll=True, go_backwards=True,
                                                                   return_sequences=True), [seq]),
        case("dropout_inference", lambda: L.ConvLSTM1D(2, 3, dropout=0.3, recurrent_dropout=0.2, seed=3), [seq]),
    ]
    wrappers = [
        masked_case("return_state", lambda: L.ConvLSTM1D(2, 3, return_state=True, return_sequences=True), [seq]),
        masked_case("dropout_training", lambda: L.ConvLSTM1D(2, 3, dropout=0.3, recurrent_dropout=0.2, seed=3,
                                                             return_sequences=True), [seq], training=True),
        masked_case("masked_sequences", lambda: L.ConvLSTM1D(2, 3, return_sequences=True), [seq],
                    mask=mask_of([3, 2], 3)),
        masked_case("masked_last_zero_output", lambda: L.ConvLSTM1D(2, 3, zero_output_for_mask=True,
                                                                    return_sequences=True, go_backwards=True),
                    [seq], mask=mask_of([1, 2], 3)),
        masked_case("masked_return_state", lambda: L.ConvLSTM1D(2, 3, return_state=True), [seq],
                    mask=mask_of([2, 3], 3)),
        masked_case("initial_state", lambda: L.ConvLSTM1D(2, 3, padding="same", return_state=True), [seq],
                    initial_state=[x((2, 5, 2), 5), x((2, 5, 2), 6)]),
    ]
    return layers, wrappers


def conv_lstm2d():
    seq = x((2, 3, 4, 4, 2))
    layers = [
        case("basic", lambda: L.ConvLSTM2D(2, 3), [seq]),
        case("return_sequences_same", lambda: L.ConvLSTM2D(2, (2, 3), padding="same", return_sequences=True), [seq]),
        case("strides2", lambda: L.ConvLSTM2D(2, 2, strides=(2, 1)), [seq]),
    ]
    wrappers = [
        masked_case("return_state_go_backwards", lambda: L.ConvLSTM2D(2, 3, return_state=True, go_backwards=True),
                    [seq]),
        masked_case("masked_sequences", lambda: L.ConvLSTM2D(2, 3, padding="same", return_sequences=True), [seq],
                    mask=mask_of([1, 3], 3)),
    ]
    return layers, wrappers


def conv_lstm3d():
    seq = x((1, 2, 3, 3, 3, 1))
    layers = [
        case("basic", lambda: L.ConvLSTM3D(2, 2), [seq]),
        case("return_sequences_same", lambda: L.ConvLSTM3D(1, 2, padding="same", return_sequences=True), [seq]),
    ]
    return layers, []


def bidirectional():
    seq = x((2, 4, 3))
    mask = mask_of([4, 2], 4)
    conv_seq = x((2, 3, 4, 2))

    def bi(inner, **kw):
        return lambda: L.Bidirectional(inner(), **kw)

    layers = [
        case("conv_lstm1d_concat_sequences", bi(lambda: L.ConvLSTM1D(2, 2, return_sequences=True)), [conv_seq]),
        case("conv_lstm1d_sum", bi(lambda: L.ConvLSTM1D(2, 2), merge_mode="sum"), [conv_seq]),
    ]
    wrappers = [
        masked_case("conv_lstm1d_ave_sequences_masked", bi(lambda: L.ConvLSTM1D(2, 2, return_sequences=True),
                                                           merge_mode="ave"), [conv_seq], mask=mask_of([3, 1], 3)),
        masked_case("conv_lstm1d_none_return_state", bi(lambda: L.ConvLSTM1D(2, 2, return_state=True),
                                                        merge_mode=None), [conv_seq]),
    ]
    for mode in ["concat", "sum", "mul", "ave", None]:
        wrappers.append(masked_case(f"lstm_{mode}_sequences", bi(lambda: L.LSTM(3, return_sequences=True),
                                                                 merge_mode=mode), [seq]))
        wrappers.append(masked_case(f"gru_{mode}_last_masked", bi(lambda: L.GRU(2), merge_mode=mode), [seq],
                                    mask=mask))
    wrappers += [
        masked_case("lstm_concat_sequences_masked", bi(lambda: L.LSTM(3, return_sequences=True)), [seq], mask=mask),
        masked_case("simple_rnn_none_sequences_masked", bi(lambda: L.SimpleRNN(2, return_sequences=True),
                                                           merge_mode=None), [seq], mask=mask),
        masked_case("lstm_return_state", bi(lambda: L.LSTM(2, return_state=True)), [seq]),
        masked_case("gru_none_return_state_sequences", bi(lambda: L.GRU(2, return_state=True,
                                                                        return_sequences=True), merge_mode=None),
                    [seq], mask=mask),
        masked_case("lstm_initial_state", bi(lambda: L.LSTM(2, return_sequences=True)), [seq],
                    initial_state=[x((2, 2), 11), x((2, 2), 12), x((2, 2), 13), x((2, 2), 14)]),
        masked_case("gru_backward_layer", bi(lambda: L.GRU(2, return_sequences=True),
                                             backward_layer=L.GRU(3, activation="relu", go_backwards=True,
                                                                  return_sequences=True)), [seq], mask=mask),
        masked_case("lstm_dropout_training", bi(lambda: L.LSTM(2, dropout=0.25, recurrent_dropout=0.5, seed=5,
                                                               return_sequences=True)), [seq], training=True),
    ]
    return layers, wrappers


def training():
    """Fit trajectories in golden_training.py's format, written to golden/training (TrainingGoldenTest)."""
    import golden_training as t
    x_seq = g.normal(90, (8, 4, 3))
    y = g.normal(91, (8, 2))
    cases = {
        "time_distributed_conv_lstm1d": (
            lambda: keras.Sequential([keras.Input((3, 5, 2)), L.ConvLSTM1D(2, 2, return_sequences=True),
                                      L.TimeDistributed(L.Flatten()), L.TimeDistributed(L.Dense(1)), L.Flatten(),
                                      L.Dense(2)]), g.normal(92, (8, 3, 5, 2))),
    }
    if "LSTM" in sys.argv[1:] or "Bidirectional" in sys.argv[1:]:
        cases["bidirectional_lstm"] = (lambda: keras.Sequential([keras.Input((4, 3)), L.Bidirectional(
            L.LSTM(3, return_sequences=True)), L.Bidirectional(L.GRU(2), merge_mode="sum"), L.Dense(2)]), x_seq)
    for name, (make, xs) in cases.items():
        t.fresh()
        case = t._training_case(name, make(), dict(optimizer=keras.optimizers.Adam(0.02), loss="mse"), xs, y,
                                {"epochs": 3, "batch_size": 4})
        print(g.write("training", name, [case]))


GROUPS = {"TimeDistributed": time_distributed, "ConvLSTM1D": conv_lstm1d, "ConvLSTM2D": conv_lstm2d,
          "ConvLSTM3D": conv_lstm3d, "Bidirectional": bidirectional}


def main(names):
    if not names or "training" in names:
        training()
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
