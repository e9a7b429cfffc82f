"""Kernel times by type from a TensorFlow profiler trace (XPlane), for bench/keras/profile_w3.py and profile_w5.py."""
import collections
import glob

from tensorflow.tsl.profiler.protobuf import xplane_pb2


def kernel_times(logdir):
    """{kernel type: [microseconds, executions]} over the trace's compute threads, and executions per thread."""
    by_type = collections.defaultdict(lambda: [0, 0])
    threads = collections.Counter()
    space = xplane_pb2.XSpace()
    with open(glob.glob(f"{logdir}/**/*.xplane.pb", recursive=True)[0], "rb") as f:
        space.ParseFromString(f.read())
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
