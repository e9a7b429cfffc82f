"""Keras 3.15.1 on JAX 0.10.2: W2 training (MLP 784-512-256-10, Adam, batch 128) split into its parts, the peer of
io.keras4j.bench.W2Profile (the raw TensorFlow Java loop's per-step and per-kernel times); docs/perf/w2jax.md.

Versions: keras 3.15.1, jax 0.10.2 (jaxlib 0.10.2, XLA's CPU client). Same model, seed, data and batch as
bench/keras/bench.py's W2 (steps_per_execution 32). Prints
1. model.fit(x, y, epochs=1, batch_size=128) samples/s and microseconds per step (469 steps), median and range of
   `passes` timed calls after one untimed one;
2. Keras's own train step (model.train_step under jax.jit with the state donated, as Keras' JAX trainer jits it)
   on the 468 full batches already on the device: us per step with dispatch pipelined, and one step at a time
   (blocking); the same for the step without the optimizer (loss and gradients only);
3. the parts alone, each jitted on arrays of the step's exact shapes, us per call (median of `reps` blocking calls,
   and the floor: an empty jitted call): the 8 matrix products of one step (3 forward, 2 backward dX, 3 backward dW)
   each alone and all 8 in one call, the forward pass, softmax + cross-entropy with its gradient, the Adam update of
   the 6 variables (Keras' optimizer, stateless_apply);
4. the optimized HLO of the train step: instruction kinds, fusions, custom calls (which library runs the dots);
   with --dump DIR the HLO text is written to DIR/w2_train_step.hlo.txt;
5. with --trace DIR: a jax.profiler trace of 468 train steps, events summed by name (per thunk where XLA records).

Usage: KERAS_BACKEND=jax python bench/keras/profile_w2_jax.py [passes, default 5] [--dump DIR] [--trace DIR]
"""
import collections
import os
import re
import statistics
import sys
import time

os.environ["KERAS_BACKEND"] = "jax"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import keras  # noqa: E402
import numpy as np  # noqa: E402
from workloads import w2_data, w2_layers  # noqa: E402

assert keras.__version__ == "3.15.1", keras.__version__
assert jax.__version__ == "0.10.2", jax.__version__
ARGS = [a for i, a in enumerate(sys.argv[1:]) if not a.startswith("--") and sys.argv[i] not in ("--dump", "--trace")]
PASSES = int(ARGS[0]) if ARGS else 5
DUMP = sys.argv[sys.argv.index("--dump") + 1] if "--dump" in sys.argv else None
TRACE = sys.argv[sys.argv.index("--trace") + 1] if "--trace" in sys.argv else None
REPS = 300
BATCH = 128


def model():
    rng = np.random.default_rng(0)
    rng.standard_normal((20000, 5))  # bench.py draws W1's data first; the same draws keep x2 equal to the suite's
    x2, y2 = w2_data(rng)
    keras.utils.set_random_seed(2)
    m = keras.Sequential(w2_layers())
    m.compile(keras.optimizers.Adam(1e-3), "categorical_crossentropy", steps_per_execution=32)
    return m, x2, y2


def us_per_call(fn, *args, reps=REPS):
    """Median and min microseconds of a blocking call (dispatch + compute + wait)."""
    jax.block_until_ready(fn(*args))
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        jax.block_until_ready(fn(*args))
        times.append((time.perf_counter() - t) * 1e6)
    return statistics.median(times), min(times)


def fit_rates(m, x, y):
    m.fit(x, y, epochs=1, batch_size=BATCH, verbose=0)
    rates = []
    for _ in range(PASSES):
        t = time.perf_counter()
        m.fit(x, y, epochs=1, batch_size=BATCH, verbose=0)
        rates.append(len(x) / (time.perf_counter() - t))
    steps = -(-len(x) // BATCH)
    med = statistics.median(rates)
    print(f"model.fit, batch 128, steps_per_execution 32: samples/s median {med:,.0f} (min {min(rates):,.0f}, "
          f"max {max(rates):,.0f}), {PASSES} passes; us per step median {len(x) / med / steps * 1e6:.0f} "
          f"(min {len(x) / max(rates) / steps * 1e6:.0f}, max {len(x) / min(rates) / steps * 1e6:.0f})")


def state_of(m):
    return ([v.value for v in m.trainable_variables], [v.value for v in m.non_trainable_variables],
            [v.value for v in m.optimizer.variables], [v.value for v in m.metrics_variables])


def copy(tree):
    return jax.tree_util.tree_map(lambda a: jnp.array(a, copy=True), tree)


def hlo_summary(compiled, name):
    text = compiled.as_text()
    if DUMP:
        os.makedirs(DUMP, exist_ok=True)
        with open(f"{DUMP}/{name}.hlo.txt", "w") as fh:
            fh.write(text)
    entry = text[text.index("ENTRY"):]
    kinds = collections.Counter()
    for line in entry.splitlines():
        line = line.strip()
        if " = " not in line or line.startswith("//"):
            continue
        rhs = line.split(" = ", 1)[1]
        op = re.match(r"\S+\s+([\w-]+)\(", rhs) or re.match(r"\(.*?\)\s+([\w-]+)\(", rhs)
        op = op.group(1) if op else rhs.split("(", 1)[0].split(" ")[-1]
        target = re.search(r'custom_call_target="([^"]+)"', rhs)
        kind = re.search(r"kind=(\w+)", rhs)
        label = op + (f"[{target.group(1)}]" if target else "") + (f"[{kind.group(1)}]" if kind else "")
        kinds[label] += 1
    dots = len(re.findall(r"\bdot\(", text))
    cost = compiled.cost_analysis()
    cost = cost[0] if isinstance(cost, list) else cost
    print(f"{name}: XLA cost analysis {cost.get('flops', 0) / 1e6:.1f} MFLOP; ENTRY instructions "
          f"{dict(sorted(kinds.items()))}; dot instructions in the module {dots}")
    # the matrix products and library calls: YNNPACK fusions (kCustom) and XLA's own dot instructions in ENTRY
    for line in entry.splitlines():
        line = line.strip()
        if "kind=kCustom" in line or re.search(r"\bdot\(", line) or "custom-call(" in line:
            name, rhs = line.split(" = ", 1)
            shape = rhs.split(" ", 1)[0]
            op = re.search(r'op_name="([^"]+)"', rhs)
            dims = re.search(r"lhs_contracting_dims=\{(\d*)\}, rhs_contracting_dims=\{(\d*)\}", rhs)
            print(f"  {name} {shape}" + (f" contracting lhs {dims.group(1)} rhs {dims.group(2)}" if dims else "")
                  + f" ({op.group(1) if op else ''})")
    return text


def train_steps(m, x, y):
    step = jax.jit(m.train_step, donate_argnums=0)
    n = (len(x) // BATCH) * BATCH
    batches = [(jnp.asarray(x[i:i + BATCH]), jnp.asarray(y[i:i + BATCH])) for i in range(0, n, BATCH)]
    state = copy(state_of(m))
    compiled = step.lower(state, batches[0]).compile()
    hlo = hlo_summary(compiled, "w2_train_step")

    def grads_only(tv, ntv, ov, mv, xb, yb):
        (loss, _), g = jax.value_and_grad(m.compute_loss_and_updates, has_aux=True)(
            tv, ntv, mv, xb, yb, None, training=True, optimizer_variables=ov)
        return loss, g

    # the optimizer's variables are arguments, not captured: the donating step frees the buffers of each state
    grad_fn = jax.jit(grads_only)
    hlo_summary(grad_fn.lower(state[0], state[1], state[2], state[3], *batches[0]).compile(), "w2_loss_and_grads")

    def pipelined():
        nonlocal state
        t = time.perf_counter()
        for b in batches:
            logs, state = step(state, b)
        jax.block_until_ready(state)
        return (time.perf_counter() - t) * 1e6 / len(batches)

    def blocking():
        nonlocal state
        times = []
        for b in batches:
            t = time.perf_counter()
            logs, state = step(state, b)
            jax.block_until_ready(state)
            times.append((time.perf_counter() - t) * 1e6)
        return statistics.median(times)

    pipelined()
    piped = [pipelined() for _ in range(PASSES)]
    blocked = [blocking() for _ in range(PASSES)]
    print(f"jitted train step over {len(batches)} batches (dispatch pipelined): us per step median "
          f"{statistics.median(piped):.0f} (min {min(piped):.0f}, max {max(piped):.0f})")
    print(f"jitted train step, one at a time (blocking): us per step median {statistics.median(blocked):.0f} "
          f"(min {min(blocked):.0f}, max {max(blocked):.0f}) [median of each pass's median]")
    tv, ntv, ov, mv = state[0], state[1], state[2], state[3]
    g_med, g_min = us_per_call(grad_fn, tv, ntv, ov, mv, *batches[0])
    print(f"jitted loss + gradients only (no optimizer), blocking: us per call median {g_med:.0f} (min {g_min:.0f})")
    return state, batches, step, hlo


def parts(m, state, batches):
    tv = state[0]
    w1, b1, w2, b2, w3, b3 = tv
    xb, yb = batches[0]
    h1 = jax.nn.relu(xb @ w1 + b1)
    h2 = jax.nn.relu(h1 @ w2 + b2)
    logits = h2 @ w3 + b3
    d3 = jax.nn.softmax(logits) - yb
    d2 = (d3 @ w3.T) * (h2 > 0)
    d1 = (d2 @ w2.T) * (h1 > 0)
    rows = []
    empty = jax.jit(lambda a: a)
    floor = us_per_call(empty, b3)
    rows.append(("empty jitted call (dispatch + wait floor)", 0.0, *floor))
    dims_t = (((0,), (0,)), ((), ()))  # contract the batch axis of both: a^T @ b, as XLA's gradient dots do
    gemms = [
        ("fwd x @ W1", lambda a, b: a @ b, xb, w1, 128 * 784 * 512),
        ("fwd h1 @ W2", lambda a, b: a @ b, h1, w2, 128 * 512 * 256),
        ("fwd h2 @ W3", lambda a, b: a @ b, h2, w3, 128 * 256 * 10),
        ("bwd dX d3 @ W3^T", lambda a, b: a @ b.T, d3, w3, 128 * 10 * 256),
        ("bwd dX d2 @ W2^T", lambda a, b: a @ b.T, d2, w2, 128 * 256 * 512),
        ("bwd dW h2^T @ d3", lambda a, b: jax.lax.dot_general(a, b, dims_t), h2, d3, 256 * 128 * 10),
        ("bwd dW h1^T @ d2", lambda a, b: jax.lax.dot_general(a, b, dims_t), h1, d2, 512 * 128 * 256),
        ("bwd dW x^T @ d1", lambda a, b: jax.lax.dot_general(a, b, dims_t), xb, d1, 784 * 128 * 512),
    ]
    for name, f, a, b, macs in gemms:
        rows.append((f"{name} {tuple(a.shape)}x{tuple(b.shape)}", 2 * macs / 1e6, *us_per_call(jax.jit(f), a, b)))
    all8 = jax.jit(lambda *ab: [f(ab[2 * i], ab[2 * i + 1]) for i, (_, f, _, _, _) in enumerate(gemms)])
    args8 = [t for _, _, a, b, _ in gemms for t in (a, b)]
    total_mflop = sum(2 * g[4] for g in gemms) / 1e6
    rows.append(("all 8 products in one jitted call", total_mflop, *us_per_call(all8, *args8)))
    hlo_summary(all8.lower(*args8).compile(), "w2_eight_gemms")

    def forward(tv, xb):
        return m.stateless_call(tv, state[1], xb, training=True)[0]

    rows.append(("forward pass (3 dense + softmax)", 0.0, *us_per_call(jax.jit(forward), tv, xb)))

    def loss_fn(logits, yb):
        p = jax.nn.softmax(logits)
        return jnp.mean(keras.losses.categorical_crossentropy(yb, p))

    rows.append(("softmax + cross-entropy, value and gradient wrt logits", 0.0,
                 *us_per_call(jax.jit(jax.value_and_grad(loss_fn)), logits, yb)))
    grads = [jnp.ones_like(v) * 1e-3 for v in tv]
    opt_vars = state[2]
    adam = jax.jit(lambda ov, g, tv: m.optimizer.stateless_apply(ov, g, tv))
    rows.append(("Adam, 6 variables (Keras stateless_apply)", 0.0, *us_per_call(adam, opt_vars, grads, tv)))
    hlo_summary(adam.lower(opt_vars, grads, tv).compile(), "w2_adam")
    print("| part (jitted alone, batch 128) | MFLOP | us median | us min |\n|---|---|---|---|")
    for name, mflop, med, low in rows:
        print(f"| {name} | {mflop:.1f} | {med:.0f} | {low:.0f} |")


def category(name, op_name):
    """The part of the step an ENTRY instruction of the train step's HLO belongs to, from its name and op_name."""
    if name.startswith("dot") or (name.startswith("ynn_fusion") and op_name.endswith("dot_general")):
        return "GEMM"
    if "/adam/" in op_name:
        return "Adam"
    if "compile_loss" in op_name or ("jvp(dense_2)" in op_name and "dot_general" not in op_name):
        return "softmax + loss (forward and gradient)"
    if "relu" in op_name or ("select_n" in op_name and "dense" in op_name) or "reduce_sum" in op_name:
        return "bias + relu (forward and gradient)"
    return "other (copies, metrics, iteration count)"


def trace(step, state, batches, hlo):
    from xplane_kernels import read_xspace  # the trace through TensorFlow's copy of the XPlane proto

    cats = {}
    for line in hlo[hlo.index("ENTRY"):].splitlines():
        m = re.match(r"\s*(?:ROOT )?%([\w.\-]+) = ", line)
        if m:
            op = re.search(r'op_name="([^"]+)"', line)
            cats[m.group(1)] = category(m.group(1), op.group(1) if op else "")
    jax.profiler.start_trace(TRACE)
    t = time.perf_counter()
    for b in batches:
        logs, state = step(state, b)
    jax.block_until_ready(state)
    wall = (time.perf_counter() - t) * 1e6 / len(batches)
    jax.profiler.stop_trace()
    space = read_xspace(TRACE)
    merged = collections.defaultdict(lambda: [0.0, 0])
    for plane in space.planes:
        for line in plane.lines:
            ln = ("XLA CPU client" if line.name.startswith("tf_XLAPjRtCpuClient") else
                  "XLA workers" if line.name.startswith("tf_XLAEigen") else line.name)
            for ev in line.events:
                key = (ln, plane.event_metadata[ev.metadata_id].name)
                merged[key][0] += ev.duration_ps / 1e6
                merged[key][1] += 1
    steps = len(batches)
    print(f"trace of {steps} train steps: {wall:.0f} us per step (traced)\n"
          "| trace line | event | us per step | count | us per event |\n|---|---|---|---|---|")
    for (ln, name), (us, n) in sorted(merged.items(), key=lambda e: -e[1][0])[:40]:
        print(f"| {ln} | {name[:70]} | {us / steps:.1f} | {n} | {us / n:.1f} |")
    by_cat = collections.defaultdict(float)
    for (ln, name), (us, n) in merged.items():
        if name in cats and ln != "python":
            by_cat[cats[name]] += us / steps
    print("| part of the step (HLO thunks by op_name) | us per step (traced) |\n|---|---|")
    for c, us in sorted(by_cat.items(), key=lambda e: -e[1]):
        print(f"| {c} | {us:.1f} |")
    print(f"| all thunks | {sum(by_cat.values()):.1f} |")
    return state


def main():
    print(f"Keras {keras.__version__}, JAX {jax.__version__}, devices {jax.devices()}, "
          f"XLA_FLAGS={os.environ.get('XLA_FLAGS', '')!r}, load average {os.getloadavg()}")
    m, x, y = model()
    fit_rates(m, x, y)
    state, batches, step, hlo = train_steps(m, x, y)
    if TRACE:
        state = trace(step, state, batches, hlo)
    parts(m, state, batches)
    print(f"load average {os.getloadavg()}")


if __name__ == "__main__":
    main()
