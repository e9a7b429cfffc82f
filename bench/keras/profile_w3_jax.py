"""Keras 3.15.1 on JAX 0.10.2: W3 prediction (batch 64) layer by layer, the peer of io.keras4j.bench.RawNodeProfile
(the raw TensorFlow Java loop's per-node step statistics); docs/perf/jaxgap.md.

Same model, seed, data and batch as bench/keras/bench.py's W3. Prints
1. model.predict(x, batch_size=64) samples/s (steps_per_execution 32, as the suite runs Keras on JAX), median and
   range of `passes` timed calls after one untimed one;
2. the jitted forward pass of one batch of 64 (model.stateless_call under jax.jit): microseconds per batch over the
   156 full batches of one pass (dispatch pipelined) and one batch at a time (blocking), its XLA cost analysis
   (flops) and the op kinds of its optimized HLO;
3. each layer alone, jitted with the same shapes (its input prepared beforehand), microseconds per call (median of
   `reps`): the same split as RawNodeProfile's nodes;
4. with --trace DIR: a jax.profiler trace of one pass of the jitted forward pass, its events summed by name (per HLO
   thunk when XLA's CPU runtime records them).

Usage: KERAS_BACKEND=jax python bench/keras/profile_w3_jax.py [passes, default 5] [--trace DIR]
"""
import collections
import os
import statistics
import sys
import time

os.environ["KERAS_BACKEND"] = "jax"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import keras  # noqa: E402
import numpy as np  # noqa: E402
from workloads import w2_data, w3_data, w3_layers  # noqa: E402

assert keras.__version__ == "3.15.1", keras.__version__
assert jax.__version__ == "0.10.2", jax.__version__
PASSES = int(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else 5
TRACE = sys.argv[sys.argv.index("--trace") + 1] if "--trace" in sys.argv else None
REPS = 200
BATCH = 64


def model():
    rng = np.random.default_rng(0)
    # bench.py draws W1 and W2's data first; the same draws keep x3 equal to the suite's
    rng.standard_normal((20000, 5))
    w2_data(rng)
    x3, _ = w3_data(rng)
    keras.utils.set_random_seed(3)
    m = keras.Sequential(w3_layers())
    m.compile(keras.optimizers.Adam(1e-3), "sparse_categorical_crossentropy", steps_per_execution=32)
    return m, x3


def us_per_call(fn, arg, reps=REPS):
    jax.block_until_ready(fn(arg))
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        jax.block_until_ready(fn(arg))
        times.append((time.perf_counter() - t) * 1e6)
    return statistics.median(times), min(times)


def predict_rates(m, x):
    m.predict(x, batch_size=BATCH, verbose=0)
    rates = []
    for _ in range(PASSES):
        t = time.perf_counter()
        m.predict(x, batch_size=BATCH, verbose=0)
        rates.append(len(x) / (time.perf_counter() - t))
    print(f"model.predict, batch 64, steps_per_execution 32: samples/s median {statistics.median(rates):,.0f} "
          f"(min {min(rates):,.0f}, max {max(rates):,.0f}), {PASSES} passes")


def forward(m, x):
    tv = [v.value for v in m.trainable_variables]
    ntv = [v.value for v in m.non_trainable_variables]
    f = jax.jit(lambda b: m.stateless_call(tv, ntv, b)[0])
    batches = [jnp.asarray(x[i:i + BATCH]) for i in range(0, len(x) - BATCH + 1, BATCH)]
    compiled = f.lower(batches[0]).compile()
    cost = compiled.cost_analysis()
    cost = cost[0] if isinstance(cost, list) else cost
    kinds = collections.Counter()
    for line in compiled.as_text().splitlines():
        line = line.strip()
        if " = " in line and not line.startswith(("ROOT %tuple", "//")):
            rhs = line.split(" = ", 1)[1]
            op = rhs.split("(", 1)[0].split(" ")[-1]
            target = rhs.split('custom_call_target="', 1)[1].split('"')[0] if "custom_call_target" in rhs else ""
            kinds[op + (f"[{target}]" if target else "")] += 1
    print(f"jitted forward, batch 64: XLA cost analysis {cost.get('flops', 0) / 1e6:.1f} MFLOP per batch; "
          f"optimized HLO ops: {dict(sorted(kinds.items()))}")
    if TRACE:
        os.makedirs(TRACE, exist_ok=True)
        with open(f"{TRACE}/forward.hlo.txt", "w") as fh:
            fh.write(compiled.as_text())
    for b in batches[:3]:
        jax.block_until_ready(f(b))
    per_pass = []
    for _ in range(PASSES):
        t = time.perf_counter()
        for b in batches:
            out = f(b)
        jax.block_until_ready(out)
        per_pass.append((time.perf_counter() - t) * 1e6 / len(batches))
    print(f"jitted forward over {len(batches)} batches (dispatch pipelined): us per batch median "
          f"{statistics.median(per_pass):.0f} (min {min(per_pass):.0f}, max {max(per_pass):.0f})")
    med, low = us_per_call(f, batches[0])
    print(f"jitted forward, one batch at a time (blocking): us per batch median {med:.0f} (min {low:.0f})")
    return f, batches


def layers_alone(m, x):
    """Each layer jitted alone on its real input; us per call (median, min) with a blocking wait per call."""
    h = jnp.asarray(x[:BATCH])
    rows = []
    for layer in m.layers:
        tv = [v.value for v in layer.trainable_variables]
        f = jax.jit(lambda b, layer=layer, tv=tv: layer.stateless_call(tv, [], b)[0])
        med, low = us_per_call(f, h)
        rows.append((f"{layer.name} {tuple(h.shape)} -> {tuple(f(h).shape)}", med, low))
        h = f(h)
    print("| layer alone (jitted, batch 64) | us median | us min |\n|---|---|---|")
    for name, med, low in rows:
        print(f"| {name} | {med:.0f} | {low:.0f} |")
    print(f"| sum of layers | {sum(r[1] for r in rows):.0f} | {sum(r[2] for r in rows):.0f} |")


def trace(f, batches):
    from xplane_kernels import read_xspace  # the trace through TensorFlow's copy of the XPlane proto

    jax.profiler.start_trace(TRACE)
    for b in batches:
        out = f(b)
    jax.block_until_ready(out)
    jax.profiler.stop_trace()
    space = read_xspace(TRACE)
    by_name = collections.defaultdict(lambda: [0.0, 0])
    for plane in space.planes:
        for line in plane.lines:
            for ev in line.events:
                name = plane.event_metadata[ev.metadata_id].name
                by_name[(line.name, name)][0] += ev.duration_ps / 1e6
                by_name[(line.name, name)][1] += 1
    merged = collections.defaultdict(lambda: [0.0, 0])  # XLA's worker threads merged: one line per event name
    for (ln, name), (us, n) in by_name.items():
        key = ("XLA CPU client" if ln.startswith("tf_XLAPjRtCpuClient") else ln, name)
        merged[key][0] += us
        merged[key][1] += n
    print(f"trace of one pass ({len(batches)} batches)\n| trace line | event | us per batch | count | us per event |\n"
          "|---|---|---|---|---|")
    for (ln, name), (us, n) in sorted(merged.items(), key=lambda e: -e[1][0])[:25]:
        print(f"| {ln} | {name[:60]} | {us / len(batches):.1f} | {n} | {us / n:.1f} |")


def main():
    print(f"Keras {keras.__version__}, JAX {jax.__version__}, devices {jax.devices()}, "
          f"XLA_FLAGS={os.environ.get('XLA_FLAGS', '')!r}")
    m, x = model()
    predict_rates(m, x)
    f, batches = forward(m, x)
    layers_alone(m, x)
    if TRACE:
        trace(f, batches)


if __name__ == "__main__":
    main()
