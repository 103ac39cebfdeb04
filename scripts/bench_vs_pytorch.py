#!/usr/bin/env python3
"""Runs `attnview bench --json` and the same sgemm/conv2d/unfold shapes in PyTorch, in the same run and
on the same threads, and prints both with the ratio attnview/PyTorch (of median times).

Run by hand (CI never needs torch), from the repository root, after `swift build -c release`:

    ../venv-torch/bin/python scripts/bench_vs_pytorch.py [--binary .build/release/attnview] [--repeats 15]

The machine is shared and noisy: both sides report medians, and they run interleaved three
times; the table shows the median of those rounds.
"""
import argparse
import json
import re
import statistics
import subprocess
import time

import torch
import torch.nn.functional as F


def tf_same(size, k, s):
    out = (size + s - 1) // s
    total = max((out - 1) * s + k - size, 0)
    return total // 2, total - total // 2


def torch_case(name, shape):
    """Builds a PyTorch closure for the case attnview described as `shape`."""
    m = re.match(r"M=(\d+) N=(\d+) K=(\d+)", shape)
    if m:
        mm, nn, kk = map(int, m.groups())
        a, b = torch.rand(mm, kk), torch.rand(kk, nn)
        out = torch.empty(mm, nn)
        return lambda: torch.mm(a, b, out=out)
    m = re.match(r"(\d+)ch (\d+)x\d+ pad (\d+) @(\d+)x\d+", shape)
    if m:
        c, k, p, hw = map(int, m.groups())
        x = torch.rand(1, c, hw, hw)
        return lambda: F.unfold(x, k, padding=p)
    m = re.match(r"(dense|depthwise) (\d+)->(\d+) (\d+)x\d+/(\d+) @(\d+)x\d+", shape)
    kind, c, o, k, s, hw = m.group(1), *map(int, m.groups()[1:])
    groups = c if kind == "depthwise" else 1
    x = torch.rand(1, c, hw, hw)
    w = torch.rand(o, c // groups, k, k)
    if kind == "depthwise":  # EfficientNet-Lite's TF "SAME" padding, as attnview runs it
        t, b = tf_same(hw, k, s)
        return lambda: F.conv2d(F.pad(x, (t, b, t, b)), w, stride=s, groups=groups)
    return lambda: F.conv2d(x, w, stride=s, padding=k // 2)


def median_time(fn, repeats):
    fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/attnview")
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    torch.set_num_threads(2)

    ours, theirs, machine = {}, {}, ""
    for _ in range(args.rounds):
        report = json.loads(subprocess.check_output([args.binary, "bench", "--json", "--repeats", str(args.repeats)]))
        machine = report["machine"]
        for row in report["results"]:
            ours.setdefault(row["name"], []).append(row["median_ms"])
            fn = torch_case(row["name"], row["shape"])
            theirs.setdefault(row["name"], []).append(median_time(fn, args.repeats) * 1000)
            theirs[row["name"] + "/shape"] = row["shape"]

    print(f"machine: {machine}; torch {torch.__version__}, {torch.get_num_threads()} threads")
    print(f"{'case':30}{'shape':39}{'attnview ms':>12}{'torch ms':>10}{'ratio':>8}")
    for name, times in ours.items():
        a, t = statistics.median(times), statistics.median(theirs[name])
        print(f"{name:30}{theirs[name + '/shape']:39}{a:12.3f}{t:10.3f}{a / t:8.2f}")


if __name__ == "__main__":
    main()
