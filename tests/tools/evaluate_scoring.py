#!/usr/bin/env python3
"""Measures the scoring engine against labelled responses (JSON Lines) through the `score`
command: level agreement, per-mistake precision/recall/F1, and false alarms on clean answers.

usage: evaluate_scoring.py APP CASES.jsonl SCENARIO_DIR [--show-misses] [--min-level PCT]
       [--min-f1 X] [--max-clean-fp PCT]
Exits 1 when a given threshold is not met."""
import argparse, collections, json, os, subprocess, sys, tempfile

MISTAKES = ["fixing", "i_understand", "hijacking", "problem_solving_question",
            "making_it_about_you", "dismissing"]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("app"); ap.add_argument("cases"); ap.add_argument("scenario_dir")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--min-level", type=float); ap.add_argument("--min-f1", type=float)
    ap.add_argument("--max-clean-fp", type=float); ap.add_argument("--criteria")
    args = ap.parse_args()
    cases = [json.loads(l) for l in open(args.cases, encoding="utf-8") if l.strip()]
    groups = collections.defaultdict(list)
    for i, c in enumerate(cases):
        groups[(c["scenario"], c.get("step"))].append(i)
    results = [None] * len(cases)
    for (scenario, step), idx in groups.items():
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
            for i in idx:
                f.write(cases[i]["response"].replace("\n", " ") + "\n")
            name = f.name
        cmd = [args.app, "score", "--scenario", os.path.join(args.scenario_dir, scenario), "--responses", name]
        if step: cmd += ["--step", step]
        if args.criteria: cmd += ["--criteria", args.criteria]
        out = subprocess.run(cmd, capture_output=True, text=True)
        os.unlink(name)
        if out.returncode != 0:
            sys.exit(f"score failed for {scenario}: {out.stderr.strip()}")
        for i, line in zip(idx, out.stdout.splitlines()):
            results[i] = json.loads(line)
    level_ok = 0
    tp = collections.Counter(); fp = collections.Counter(); fn = collections.Counter()
    clean = clean_fp = 0
    confusion = collections.Counter()
    misses = []
    for c, r in zip(cases, results):
        want_m, got_m = set(c["mistakes"]), set(r["mistakes"])
        confusion[(c["level"], r["level"])] += 1
        ok = c["level"] == r["level"]
        level_ok += ok
        for m in MISTAKES:
            if m in want_m and m in got_m: tp[m] += 1
            elif m in got_m: fp[m] += 1
            elif m in want_m: fn[m] += 1
        if not want_m:
            clean += 1
            clean_fp += bool(got_m)
        if not ok or want_m != got_m:
            misses.append((c, r))
    n = len(cases)
    level_pct = 100.0 * level_ok / n
    print(f"cases: {n}  level agreement: {level_ok}/{n} = {level_pct:.1f}%")
    print("confusion (want->got): " + ", ".join(f"{a}->{b}: {k}" for (a, b), k in sorted(confusion.items())))
    ttp = sum(tp.values()); tfp = sum(fp.values()); tfn = sum(fn.values())
    micro_p = ttp / (ttp + tfp) if ttp + tfp else 1.0
    micro_r = ttp / (ttp + tfn) if ttp + tfn else 1.0
    micro_f1 = 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0
    for m in MISTAKES:
        p = tp[m] / (tp[m] + fp[m]) if tp[m] + fp[m] else 1.0
        rr = tp[m] / (tp[m] + fn[m]) if tp[m] + fn[m] else 1.0
        f1 = 2 * p * rr / (p + rr) if p + rr else 0.0
        print(f"  {m:26s} P {p:.2f}  R {rr:.2f}  F1 {f1:.2f}  (tp {tp[m]}, fp {fp[m]}, fn {fn[m]})")
    clean_pct = 100.0 * clean_fp / clean if clean else 0.0
    print(f"mistake micro F1: {micro_f1:.3f}  clean responses with a false mistake: {clean_fp}/{clean} = {clean_pct:.1f}%")
    if args.show_misses:
        for c, r in misses:
            print(f"- want {c['level']} {sorted(c['mistakes'])} got {r['level']} {sorted(r['mistakes'])}: {c['response']}")
            print("    " + "; ".join(f"{m['criterion']}='{m['text']}'" for m in r["matches"]))
    failed = []
    if args.min_level is not None and level_pct < args.min_level: failed.append("level agreement")
    if args.min_f1 is not None and micro_f1 < args.min_f1: failed.append("mistake F1")
    if args.max_clean_fp is not None and clean_pct > args.max_clean_fp: failed.append("clean false alarms")
    if failed:
        print("below threshold: " + ", ".join(failed)); return 1
    return 0

if __name__ == "__main__":
    sys.exit(main())
