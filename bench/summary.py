#!/usr/bin/env python3
"""Summarises a bench/run.sh results file: per cell, the median over the rounds of each server's
figures, and the knut/real ratios of those medians (req/s: above 1 is better for knut; p99: below 1 is).
Then the admission runs (cells ramp-load:N and many:N), one line per server.

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


def ratio(a, b):
    return a / b if b > 0 else 0.0


def main(path):
    cells = {}
    for r in runs(path):
        cells.setdefault(r["cell"], {}).setdefault(r["server"], []).append(r)
    print()
    print("| mode | clients | rounds | real req/s | knut req/s | ratio | min ratio | real p50 ms | knut p50 ms "
          "| real p99 ms | knut p99 ms | p99 ratio | real RSS kB | knut RSS kB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    admission = []
    for cell, servers in cells.items():
        if cell.startswith(("ramp-load:", "many:")):
            admission.append((cell, servers))
            continue
        real, knut = servers.get("real", []), servers.get("knut", [])
        if not real or not knut:
            continue
        by_round = {r["round"]: r for r in real}
        round_ratios = [ratio(float(k["rps"]), float(by_round[k["round"]]["rps"]))
                        for k in knut if k["round"] in by_round]
        rr, kr = median(real, "rps"), median(knut, "rps")
        rp99, kp99 = median(real, "p99_ms"), median(knut, "p99_ms")
        print(f"| {real[0]['mode']} | {real[0]['clients']} | {len(round_ratios)} | {rr:.0f} | {kr:.0f} "
              f"| {ratio(kr, rr):.2f} | {min(round_ratios, default=0):.2f} "
              f"| {median(real, 'p50_ms'):.3f} | {median(knut, 'p50_ms'):.3f} | {rp99:.3f} | {kp99:.3f} "
              f"| {ratio(kp99, rp99):.2f} | {median(real, 'srv_rss_kb'):.0f} | {median(knut, 'srv_rss_kb'):.0f} |")
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
