#!/usr/bin/env python3
"""Learns the criteria's "learned_cues" from the labelled responses: word sequences (one to
three words) weighed by how often they came with each mistake, a naive Bayes second opinion
that the engine asks only for the mistakes its patterns did not find.

usage: train_cues.py [--criteria FILE] [--data DIR] [--features N] [--dry-run | --check]

Reads every labelled set under DIR (default tests/data/scoring: the holdout sets, dev and
cases), writes the table (default-cues.tsv beside FILE) and rewrites the "learned_cues"
section of FILE (default assets/criteria/default.json) in place, leaving the rest of the file
byte for byte as it was.
The words are cut exactly as the engine cuts them (src/core/learned_cues.cpp): ASCII letters
folded to lower case, digits and apostrophes (straight or curly) make words; anything else
separates them."""
import argparse, glob, json, math, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# The mistakes the cues speak for and the sum of weights (prior included) each needs. They were
# chosen on held-out sets by a time split: a model trained only on the sets written before a
# set, judged on that set beside the criteria of that time (see the README, "Learned cues").
# Fixing and problem-solving questions are left to the patterns: their cues added as many
# false alarms on supportive answers ("Say whatever you need to say") as findings.
THRESHOLDS = {"dismissing": 3.0, "making_it_about_you": 10.0, "hijacking": 12.0}
# Imagining the partner's position ("I'd be raging too if that happened to me") is not
# hijacking (domain.md), though its words are a story's: that validation silences the column.
SILENCED_BY = {"hijacking": ["perspective"]}
MIN_COUNT = 3  # a sequence seen fewer times says nothing reliable
TABLE = "default-cues.tsv"  # beside the criteria file
WORD = re.compile(r"[a-z0-9']+")


def words(text):
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    folded = "".join(ch.lower() if "A" <= ch <= "Z" else ch for ch in text)
    return WORD.findall(folded)


def sequences(text):
    w = words(text)
    out = set(w)
    out.update(a + " " + b for a, b in zip(w, w[1:]))
    out.update(a + " " + b + " " + c for a, b, c in zip(w, w[1:], w[2:]))
    return out


def labelled(data_dir):
    files = sorted(glob.glob(os.path.join(data_dir, "holdout*", "*.jsonl")))
    files += [os.path.join(data_dir, name) for name in ("dev.jsonl", "cases.jsonl")]
    for path in files:
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    case = json.loads(line)
                    yield case["response"], set(case["mistakes"])


def train(data_dir, features):
    columns = list(THRESHOLDS)
    seen, with_mistake, totals, total = {}, {m: {} for m in columns}, dict.fromkeys(columns, 0), 0
    for response, mistakes in labelled(data_dir):
        total += 1
        seqs = sequences(response)
        for s in seqs:
            seen[s] = seen.get(s, 0) + 1
        for m in columns:
            if m in mistakes:
                totals[m] += 1
                counts = with_mistake[m]
                for s in seqs:
                    counts[s] = counts.get(s, 0) + 1

    def weight(m, s):
        a = with_mistake[m].get(s, 0)
        b = seen[s] - a
        return math.log((a + 0.5) / (totals[m] + 1)) - math.log((b + 0.5) / (total - totals[m] + 1))

    # Keep the sequences that say the most: a strong weight for some mistake, seen often.
    ranked = sorted((s for s, n in seen.items() if n >= MIN_COUNT),
                    key=lambda s: (-max(abs(weight(m, s)) for m in columns) * math.sqrt(seen[s]), s))
    kept = sorted(ranked[:features])
    lines = [f"# Learned cues: {len(kept)} word sequences weighed by how often they came with each mistake in",
             f"# {total} labelled practice answers. Written by tests/tools/train_cues.py; retrain rather than edit.",
             "\t".join(["sequence"] + columns),
             "\t".join(["(prior)"] + [format_weight(math.log((totals[m] + 1) / (total - totals[m] + 1)))
                                      for m in columns])]
    for s in kept:
        lines.append("\t".join([s] + [format_weight(weight(m, s)) for m in columns]))
    section = {
        "description": "A second opinion for answers the patterns find clean: word sequences weighed by how "
                       "often they came with each mistake in labelled practice answers (the table, trained by "
                       "tests/tools/train_cues.py). A mistake is flagged when the prior plus the weights of the "
                       "sequences in an answer pass its threshold; raise a threshold to make it more cautious.",
        "table": TABLE,
        "thresholds": THRESHOLDS,
        "silenced_by": SILENCED_BY,
        "explain": "Wording like this often comes with this mistake in practice answers.",
    }
    return section, "\n".join(lines) + "\n"


def format_weight(w):
    text = f"{w:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def section_text(section):
    body = json.dumps({"learned_cues": section}, indent=2, ensure_ascii=False)
    lines = body.split("\n")[1:-1]  # drop the braces of the wrapper, keep its indentation
    return "\n".join(lines)


def with_section(criteria, section):
    """The criteria file's text with its "learned_cues" section replaced (or added)."""
    with open(criteria, encoding="utf-8") as f:
        text = f.read()
    new = section_text(section)
    start = text.find('\n  "learned_cues": {')
    if start >= 0:
        end = text.find("\n  }", start + 1) + len("\n  }")
        text = text[:start + 1] + new.lstrip("\n") + text[end:]
    else:
        anchor = text.find('\n  "weights": {')
        if anchor < 0:
            sys.exit(f"{criteria}: no \"weights\" section to put the learned cues before")
        text = text[:anchor + 1] + new + ",\n" + text[anchor + 1:]
    json.loads(text)  # never write a file that does not parse
    return text


def read(path):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return f.read()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--criteria", default=os.path.join(ROOT, "assets", "criteria", "default.json"))
    ap.add_argument("--data", default=os.path.join(ROOT, "tests", "data", "scoring"))
    ap.add_argument("--features", type=int, default=3000)
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 when the table or the section differs from a fresh training")
    ap.add_argument("--words", nargs=2, metavar=("IN", "OUT"),
                    help="only cut words: each line of IN is a JSON string; each line of OUT, its "
                         "words joined by single spaces (the C++ cut is tested against this)")
    args = ap.parse_args()
    if args.words:
        with open(args.words[0], encoding="utf-8") as texts, open(args.words[1], "w", encoding="utf-8") as out:
            for line in texts:
                out.write(json.dumps(" ".join(words(json.loads(line)))) + "\n")
        return
    section, table = train(args.data, args.features)
    table_path = os.path.join(os.path.dirname(args.criteria), section["table"])
    criteria_text = with_section(args.criteria, section)
    if args.check:
        stale = [path for path, want in ((table_path, table), (args.criteria, criteria_text)) if read(path) != want]
        if stale:
            sys.exit("learned cues out of date in " + ", ".join(stale) +
                     ": the labelled data changed; run python3 tests/tools/train_cues.py")
        print("learned cues up to date")
        return
    print(f"{table.count(chr(10)) - 4} sequences")
    if not args.dry_run:
        with open(table_path, "w", encoding="utf-8") as f:
            f.write(table)
        with open(args.criteria, "w", encoding="utf-8") as f:
            f.write(criteria_text)


if __name__ == "__main__":
    main()
