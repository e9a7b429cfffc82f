"""Reads keras4j's TensorBoard logs with TensorBoard's own reader and compares them with Keras 3.15.1's.

Usage (after writing keras4j logs for the reference's runs, e.g. with TensorBoardTest's helpers, into
LOGS/<run>/ for run in "batch", "epoch", "2"):

    python tools/keras-reference/tensorboard_verify.py LOGS

For each run and each of train/validation it loads the directory with EventAccumulator and checks that the tags and
steps equal those Keras wrote (tensorboard_reference.json; profile tags "batch_N" aside); for the "batch" run it
prints the scalars, one histogram and one decoded image, and, when a profile tag is present, parses its RunMetadata
and asks TensorBoard's Graphs plugin for the op graph and the run metadata.
"""

import io
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import tensorboard  # noqa: E402
import tensorflow as tf  # noqa: E402
from PIL import Image  # noqa: E402
from tensorboard import context  # noqa: E402
from tensorboard.backend.event_processing import data_provider  # noqa: E402
from tensorboard.backend.event_processing import plugin_event_multiplexer  # noqa: E402
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator  # noqa: E402
from tensorboard.plugins import base_plugin  # noqa: E402
from tensorboard.plugins.graph import graphs_plugin  # noqa: E402
from tensorflow.core.protobuf import config_pb2  # noqa: E402

assert tensorboard.__version__ == "2.21.0", tensorboard.__version__

REF = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "keras4j", "src", "test", "resources",
                   "io", "keras4j", "callbacks", "tensorboard_reference.json")


def accumulator(path):
    ea = EventAccumulator(path, size_guidance={"tensors": 0})
    ea.Reload()
    return ea


def main(logs):
    ref = json.load(open(REF))
    ok = True
    for run in ["batch", "epoch", "2"]:
        for sub in ["train", "validation"]:
            ea = accumulator(os.path.join(logs, run, sub))
            got = {t: [e.step for e in ea.Tensors(t)] for t in ea.Tags()["tensors"]
                   if ea.SummaryMetadata(t).plugin_data.plugin_name != "graph_run_metadata"}
            same = got == ref["runs"][run][sub + "_accumulator"]
            ok &= same
            print(run, sub, "tags and steps equal Keras':", same)
    ea = accumulator(os.path.join(logs, "batch", "train"))
    for t in ["epoch_loss", "epoch_accuracy", "epoch_learning_rate", "batch_loss"]:
        print(t, [(e.step, float(tf.make_ndarray(e.tensor_proto))) for e in ea.Tensors(t)])
    h = tf.make_ndarray(ea.Tensors("tiny/dense/kernel/histogram")[1].tensor_proto)
    print("histogram", h.shape, h.dtype, "counts", h[:, 2].astype(int).tolist(), "min/max", h[0, 0], h[-1, 1])
    s = tf.make_ndarray(ea.Tensors("tiny/dense/kernel/image")[1].tensor_proto)
    print("image", s[0], s[1], np.array(Image.open(io.BytesIO(s[2]))).tolist())
    profiles = [t for t in ea.Tags()["tensors"] if ea.SummaryMetadata(t).plugin_data.plugin_name == "graph_run_metadata"]
    for tag in profiles:
        rm = config_pb2.RunMetadata.FromString(tf.make_ndarray(ea.Tensors(tag)[0].tensor_proto).item())
        print(tag, "RunMetadata: devices", len(rm.step_stats.dev_stats), "node stats",
              sum(len(d.node_stats) for d in rm.step_stats.dev_stats), "function graphs", len(rm.function_graphs))
        root = os.path.join(logs, "batch")
        mux = plugin_event_multiplexer.EventMultiplexer()
        mux.AddRunsFromDirectory(root)
        mux.Reload()
        plugin = graphs_plugin.GraphsPlugin(base_plugin.TBContext(
            logdir=root, multiplexer=mux, data_provider=data_provider.MultiplexerDataProvider(mux, root)))
        ctx = context.RequestContext()
        print("Graphs plugin info:", json.dumps(plugin.info_impl(ctx, "")))
        body, _ = plugin.graph_impl(ctx, "train", tag, False, "")
        print("Graphs plugin op graph:", len(body), "characters of GraphDef text")
        body, _ = plugin.run_metadata_impl(ctx, "", "train", tag)
        print("Graphs plugin run metadata:", len(body), "characters of RunMetadata text")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main(sys.argv[1])
