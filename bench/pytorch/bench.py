"""W1-W3 in PyTorch with a plain training loop: the PyTorch peer of keras4j's benchmark.

Run by bench/run.sh with PyTorch 2.13 from the local wheel mirror, 2 threads, once with OMP_WAIT_POLICY=passive
(prefix "pytorch") and once with OpenMP's default waiting (prefix "pytorch_ompdefault").
Usage: python bench.py [runs, default 5] [prefix, default "pytorch"]
Prints JSON: "<prefix>/<workload>" -> samples/s of each timed run (one untimed warm-up first). Synthetic data with the same
shapes and sizes as the Java peers (values drawn by numpy, not bit-identical to Java's).
"""
import json
import sys
import time

import numpy as np
import torch
from torch import nn

torch.set_num_threads(2)
torch.manual_seed(0)
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
PREFIX = sys.argv[2] if len(sys.argv) > 2 else "pytorch"
rng = np.random.default_rng(0)


def repeat(fn):
    fn()
    return [fn() for _ in range(RUNS)]


def train(model, opt, loss_fn, x, y, epochs, batch):
    def run():
        n = x.shape[0]
        t = time.perf_counter()
        for _ in range(epochs):
            for s in range(0, n, batch):
                opt.zero_grad()
                loss = loss_fn(model(x[s:s + batch]), y[s:s + batch])
                loss.backward()
                opt.step()
        return epochs * n / (time.perf_counter() - t)
    return run


def passes(run, k):
    """Samples per second of k passes of run, as every peer of the suite times W1's prediction (10 passes)."""
    def many():
        return k / sum(1 / run() for _ in range(k))
    return many


def predict(model, x, batch):
    def run():
        n = x.shape[0]
        t = time.perf_counter()
        with torch.no_grad():
            for s in range(0, n, batch):
                model(x[s:s + batch])
        return n / (time.perf_counter() - t)
    return run


results = {}
x1 = torch.tensor(rng.standard_normal((20000, 5)), dtype=torch.float32)
y1 = (x1[:, 0] + x1[:, 1] > 0).float().unsqueeze(1)
m1 = nn.Sequential(nn.Linear(5, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 1), nn.Sigmoid())
results[PREFIX + "/w1_train"] = repeat(train(m1, torch.optim.SGD(m1.parameters(), lr=0.01, momentum=0.9),
                                           nn.BCELoss(), x1, y1, 5, 32))
results[PREFIX + "/w1_predict"] = repeat(passes(predict(m1, x1, 1024), 10))

x2 = torch.tensor(rng.standard_normal((60000, 784)), dtype=torch.float32)
y2 = torch.tensor(rng.integers(0, 10, 60000))
m2 = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 256), nn.ReLU(), nn.Linear(256, 10))
results[PREFIX + "/w2_train"] = repeat(train(m2, torch.optim.Adam(m2.parameters(), lr=1e-3), nn.CrossEntropyLoss(),
                                           x2, y2, 1, 128))

x3 = torch.tensor(rng.random((10000, 1, 28, 28)), dtype=torch.float32)
y3 = torch.tensor(rng.integers(0, 10, 10000))
m3 = nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3, padding=1),
                   nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(3136, 128), nn.ReLU(), nn.Linear(128, 10))
results[PREFIX + "/w3_train"] = repeat(train(m3, torch.optim.Adam(m3.parameters(), lr=1e-3), nn.CrossEntropyLoss(),
                                           x3, y3, 1, 64))
results[PREFIX + "/w3_predict"] = repeat(predict(m3, x3, 64))
results[PREFIX + "/version"] = [float(torch.__version__.split(".")[0] + "." + torch.__version__.split(".")[1])]
print(json.dumps(results))
