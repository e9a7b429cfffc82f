"""Kernel times by type from a TensorFlow profiler trace (XPlane), for bench/keras/profile_w3.py and profile_w5.py;
read_xspace also for the JAX profiles (profile_w2_jax.py, profile_w3_jax.py)."""
import collections
import glob

from tensorflow.tsl.profiler.protobuf import xplane_pb2


def read_xspace(logdir):
    """The newest trace (XSpace) written under logdir."""
    space = xplane_pb2.XSpace()
    with open(sorted(glob.glob(f"{logdir}/**/*.xplane.pb", recursive=True))[-1], "rb") as f:
        space.ParseFromString(f.read())
    return space


def kernel_times(logdir):
    """{kernel type: [microseconds, executions]} over the trace's compute threads, and executions per thread."""
    by_type = collections.defaultdict(lambda: [0, 0])
    threads = collections.Counter()
    space = read_xspace(logdir)
    for plane in space.planes:
        for line in plane.lines:
            if not line.name.startswith("tf_Compute"):
                continue
            for ev in line.events:
                name = plane.event_metadata[ev.metadata_id].name
                if ":" not in name or "::" in name:
                    continue  # the executor's and thread pool's own events; ops are "node name:kernel"
                kernel = name.rsplit(":", 1)[-1]
                by_type[kernel][0] += ev.duration_ps / 1e6
                by_type[kernel][1] += 1
                threads[line.name] += 1
    return by_type, threads


def report_lines(by_type, meta, min_nodes=30):
    """The kernel table, most expensive first, then the op types of each function graph of {@code meta} (a
    RunMetadata from graph collection) with at least min_nodes nodes, before and after Grappler."""
    total = sum(v[0] for v in by_type.values())
    lines = ["| op type | ms | share | executions | us per execution |", "|---|---|---|---|---|"]
    for k, (us, n) in sorted(by_type.items(), key=lambda e: -e[1][0]):
        lines.append(f"| {k} | {us / 1000:.1f} | {100 * us / max(total, 1):.1f}% | {n} | {us / n:.1f} |")
    lines += ["", "Op types of each function graph (pre and post Grappler; body functions counted with their graph):"]
    for fg in meta.function_graphs:
        if len(fg.post_optimization_graph.node) < min_nodes:
            continue
        for name, g in (("pre", fg.pre_optimization_graph), ("post", fg.post_optimization_graph)):
            types = collections.Counter(n.op for n in g.node)
            for f in g.library.function:
                types.update(n.op for n in f.node_def)
            lines.append(f"- {name} ({len(g.node)} nodes): " + ", ".join(f"{k} {v}" for k, v in sorted(types.items())))
    return lines
