#!/usr/bin/env python3
"""Summarises a bench/run.sh results file. Per cell: the median of the rounds' knut/real ratios (a round
runs the two back to back, so the machine's drift cancels in its ratio; req/s: above 1 is better for knut,
p99: below 1 is), the range of those ratios, each server's median figures, and limitsrv's ratio to real
upsd when the run measured it (the machine's ceiling: how far from it each server is). Then the admission runs
(cells ramp-load:N and many:N), one line per server.

Usage: summary.py RESULTS_FILE
"""
import statistics
import sys


def runs(path):
    """The key=value lines of the file, as dicts."""
    with open(path) as f:
        for line in f:
            if line.startswith("server="):
                yield dict(word.split("=", 1) for word in line.split() if "=" in word)


def median(rows, key):
    values = [float(r[key]) for r in rows if key in r]
    return statistics.median(values) if values else 0.0


def paired(real, other):
    """The (real, other) runs of the same round of a cell."""
    by_round = {r["round"]: r for r in real}
    return [(by_round[o["round"]], o) for o in other if o["round"] in by_round]


def ratio(a, b):
    return a / b if b > 0 else 0.0


def ratios(pairs, key):
    """Each pair's other/real ratio of {key}."""
    return [ratio(float(o[key]), float(r[key])) for r, o in pairs]


def main(path):
    cells = {}
    for r in runs(path):
        cells.setdefault(r["cell"], {}).setdefault(r["server"], []).append(r)
    print()
    print("| mode | clients | rounds | real req/s | knut req/s | ratio | ratio range | real p50 ms | knut p50 ms "
          "| real p99 ms | knut p99 ms | p99 ratio | real RSS kB | knut RSS kB | limitsrv/real |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    admission = []
    for cell, servers in cells.items():
        if cell.startswith(("ramp-load:", "many:")):
            admission.append((cell, servers))
            continue
        real, knut = servers.get("real", []), servers.get("knut", [])
        pairs = paired(real, knut)
        if not pairs:
            continue
        rps_ratios = ratios(pairs, "rps")
        p99_ratios = ratios(pairs, "p99_ms")
        limit_ratios = ratios(paired(real, servers.get("limit", [])), "rps")
        limit = f"{statistics.median(limit_ratios):.2f}" if limit_ratios else "–"
        print(f"| {real[0]['mode']} | {real[0]['clients']} | {len(pairs)} "
              f"| {median(real, 'rps'):.0f} | {median(knut, 'rps'):.0f} "
              f"| {statistics.median(rps_ratios):.2f} | {min(rps_ratios):.2f}–{max(rps_ratios):.2f} "
              f"| {median(real, 'p50_ms'):.3f} | {median(knut, 'p50_ms'):.3f} "
              f"| {median(real, 'p99_ms'):.3f} | {median(knut, 'p99_ms'):.3f} | {statistics.median(p99_ratios):.2f} "
              f"| {median(real, 'srv_rss_kb'):.0f} | {median(knut, 'srv_rss_kb'):.0f} | {limit} |")
    if admission:
        print()
        print("Admission: clients connected, ramp seconds, req/s while measured")
        for cell, servers in admission:
            for name in ("real", "knut"):
                for r in servers.get(name, []):
                    print(f"  {cell} {name}: connected={r.get('connected')} ramp_s={r.get('ramp_s')} "
                          f"rps={r.get('rps')} p99_ms={r.get('p99_ms')} errors={r.get('errors')} "
                          f"rss_kb={r.get('srv_rss_kb')}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
