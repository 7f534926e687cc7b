"""Print the load test's figures from locust's CSV: throughput, p50/p95/p99, errors, per request kind.

    python bench/load/report.py bench-out/load/locust_stats.csv [seconds]

Exit status 1 when any request failed.
"""
from __future__ import annotations

import csv
import sys


def main(path: str) -> int:
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    total = next(r for r in rows if r["Name"] == "Aggregated")
    n, fails = int(total["Request Count"]), int(total["Failure Count"])
    print(f"requests: {n:,}   errors: {fails}   throughput: {float(total['Requests/s']):.1f} req/s")
    print(f"latency (all): p50 {total['50%']} ms   p95 {total['95%']} ms   p99 {total['99%']} ms   "
          f"max {float(total['Max Response Time']):.0f} ms")
    print()
    print(f"{'request':34} {'count':>7} {'fail':>5} {'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6}  (ms)")
    for r in sorted((r for r in rows if r["Name"] != "Aggregated"), key=lambda r: r["Name"]):
        print(f"{r['Name'][:34]:34} {int(r['Request Count']):7,} {int(r['Failure Count']):5} "
              f"{float(r['Requests/s']):7.1f} {r['50%']:>6} {r['95%']:>6} {r['99%']:>6}")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
