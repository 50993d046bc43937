#!/usr/bin/env python3
"""Agreement of `empathy-trainer disclose` with labelled statements (JSON Lines with text,
layer and emotions): layer agreement, exact emotion-set agreement, and the misses.

usage: evaluate_disclosure.py APP CASES.jsonl [--criteria FILE] [--quiet]
"""
import json
import subprocess
import sys
import tempfile


def main():
    args = [a for a in sys.argv[1:] if a != "--quiet"]
    quiet = "--quiet" in sys.argv
    if len(args) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    app, cases_path, extra = args[0], args[1], args[2:]
    cases = [json.loads(line) for line in open(cases_path, encoding="utf-8") if line.strip()]
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        for c in cases:
            f.write(c["text"].replace("\n", " ") + "\n")
        texts = f.name
    run = subprocess.run([app, "disclose", "--texts", texts] + extra, capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stderr, file=sys.stderr)
        return run.returncode
    got = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(got) == len(cases), (len(got), len(cases))
    layer_ok = emotions_ok = 0
    for c, g in zip(cases, got):
        lo = g["layer"] == c["layer"]
        eo = sorted(g["emotions"]) == sorted(c["emotions"])
        layer_ok += lo
        emotions_ok += eo
        if not (lo and eo) and not quiet:
            print(f"MISS {c['text']!r}: want {c['layer']} {sorted(c['emotions'])}, "
                  f"got {g['layer']} {g['emotions']}")
    n = len(cases)
    print(f"{cases_path}: {n} statements, layer {100.0 * layer_ok / n:.1f}%, "
          f"emotions {100.0 * emotions_ok / n:.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
