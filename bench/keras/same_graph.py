"""One W3 graph, run by TensorFlow 2.21 here and by TensorFlow Java 1.0 (TensorFlow 2.16.2) in
io.keras4j.bench.SameGraph: separates what TensorFlow's version (kernels, oneDNN, Grappler) does to W3 from what
each side's graph does. The graph is the one Keras' TensorFlow backend emits for W3 (Conv2D, BiasAdd, Relu, MaxPool,
MatMul, Softmax; gradients by Python TensorFlow, so ReluGrad reads the relu's output), with Adam as
ResourceApplyAdam (keras4j's form); written as a GraphDef, default-valued attributes stripped so TensorFlow 2.16
reads it.

Usage: python bench/keras/same_graph.py write DIR
       python bench/keras/same_graph.py run DIR {predict|train} PASSES    (prints samples/s per pass, then the
                                                                          kernels of one traced pass)
"""
import collections
import os
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

assert tf.__version__ == "2.21.0", tf.__version__
tf1 = tf.compat.v1
N, BATCH = 10000, 64


def build():
    rng = np.random.default_rng(0)
    g = tf.Graph()
    with g.as_default():
        x = tf1.placeholder(tf.float32, [None, 28, 28, 1], name="x")
        y = tf1.placeholder(tf.int32, [None], name="y")
        shapes = [(3, 3, 1, 32), (32,), (3, 3, 32, 64), (64,), (3136, 128), (128,), (128, 10), (10,)]
        vs = [tf1.Variable(rng.uniform(-0.1, 0.1, s).astype("float32"), use_resource=True, name=f"v{i}")
              for i, s in enumerate(shapes)]
        h = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(x, vs[0], 1, "SAME"), vs[1]))
        h = tf.nn.max_pool2d(h, 2, 2, "VALID")
        h = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(h, vs[2], 1, "SAME"), vs[3]))
        h = tf.nn.max_pool2d(h, 2, 2, "VALID")
        h = tf.reshape(h, [-1, 3136])
        h = tf.nn.relu(tf.nn.bias_add(tf.matmul(h, vs[4]), vs[5]))
        logits = tf.nn.bias_add(tf.matmul(h, vs[6]), vs[7])
        tf.nn.softmax(logits, name="out")
        loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits))
        updates = []
        for v, d in zip(vs, tf.gradients(loss, vs)):
            m = tf1.Variable(np.zeros(v.shape, "float32"), use_resource=True)
            s = tf1.Variable(np.zeros(v.shape, "float32"), use_resource=True)
            updates.append(tf.raw_ops.ResourceApplyAdam(var=v.handle, m=m.handle, v=s.handle, beta1_power=0.9,
                                                        beta2_power=0.999, lr=1e-3, beta1=0.9, beta2=0.999,
                                                        epsilon=1e-7, grad=d))
        tf.group(*updates, name="train")
        tf1.global_variables_initializer().name  # noqa: B018
        init = [op.name for op in g.get_operations() if op.type == "NoOp" and op.name.startswith("init")][0]
    return g, init


def write(out_dir):
    g, init = build()
    with g.as_default():
        meta = tf1.train.export_meta_graph(graph=g, strip_default_attrs=True)
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "w3.pb"), "wb") as f:
        f.write(meta.graph_def.SerializeToString())
    with open(os.path.join(out_dir, "init.txt"), "w") as f:
        f.write(init + "\n")


def run(out_dir, mode, passes):
    gd = tf1.GraphDef()
    with open(os.path.join(out_dir, "w3.pb"), "rb") as f:
        gd.ParseFromString(f.read())
    init = open(os.path.join(out_dir, "init.txt")).read().strip()
    g = tf.Graph()
    with g.as_default():
        tf.graph_util.import_graph_def(gd, name="")
    rng = np.random.default_rng(3)
    x = rng.random((N, 28, 28, 1), dtype=np.float32)
    y = rng.integers(0, 10, N).astype(np.int32)
    with tf1.Session(graph=g) as s:
        s.run(init)
        target = "train" if mode == "train" else "out:0"

        def one(start, **kw):
            feed = {"x:0": x[start:start + BATCH]}
            if mode == "train":
                feed["y:0"] = y[start:start + BATCH]
            s.run(target, feed, **kw)
        for start in range(0, N, BATCH):
            one(start)
        for _ in range(passes):
            t = time.perf_counter()
            for start in range(0, N, BATCH):
                one(start)
            print(f"{mode} samples/s {N / (time.perf_counter() - t):.0f}", flush=True)
        by = collections.defaultdict(lambda: [0, 0])
        runs = 0
        for start in range(0, N, BATCH):
            md = tf1.RunMetadata()
            one(start, options=tf1.RunOptions(trace_level=tf1.RunOptions.FULL_TRACE), run_metadata=md)
            runs += 1
            for dev in md.step_stats.dev_stats:
                for n in dev.node_stats:
                    label = n.timeline_label
                    eq = label.find(" = ")
                    paren = label.find("(", eq + 3)
                    k = label[eq + 3:paren] if eq >= 0 and paren > eq else "(runtime) " + n.node_name
                    by[k][0] += n.op_end_rel_micros - n.op_start_rel_micros
                    by[k][1] += 1
        print(f"{runs} traced runs\n| kernel | ms | executions | us per execution |\n|---|---|---|---|")
        for k, (us, c) in sorted(by.items(), key=lambda e: -e[1][0]):
            print(f"| {k} | {us / 1000:.1f} | {c} | {us / c:.1f} |")


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(sys.argv[2])
    else:
        run(sys.argv[2], sys.argv[3], int(sys.argv[4]))
