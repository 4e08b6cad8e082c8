"""Event benchmark: the shared dev set of real articles, built and scored.

Builds ``../shared/eval/events/dev-articles.jsonl`` with ``geomap build`` (no
cache), scores the layers with the set's own ``score.py`` and prints its table:
located, typed, sub-typed and dated recall (key events and all), precision,
per-type recall and claims. It then measures the gazetteer on the same gold:
the share of gold events whose place ``geomap geoparse`` finds within the
event's ``tol_km``, in the event's own sentence and anywhere in its article.
Each target is printed as met or not.

Usage: python bench/events.py [--eval-dir ../shared/eval/events]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from geomap.geometry import great_circle_km

ROOT = Path(__file__).resolve().parent.parent
GEOMAP = [sys.executable, "-m", "geomap"]
TARGETS = {  # (level, what): target, as the events issue sets them
    ("typed", "key recall"): 0.80,
    ("typed", "precision"): 0.80,
    ("subtyped", "key recall"): 0.70,
}


def build_and_score(eval_dir: Path, folder: Path) -> tuple[str, dict]:
    """The scorer's printed table and its JSON figures for a fresh build."""
    layers = folder / "layers"
    subprocess.run(
        [
            *GEOMAP,
            "build",
            str(eval_dir / "dev-articles.jsonl"),
            "--layers",
            str(layers),
            "--out",
            str(folder / "out"),
            "--no-cache",
        ],
        check=True,
        capture_output=True,
    )
    scorer = [sys.executable, str(eval_dir / "score.py"), str(eval_dir / "dev-events.jsonl")]
    table = subprocess.run(
        [*scorer, str(layers), "--by-type"], check=True, capture_output=True, text=True
    ).stdout
    figures = subprocess.run(
        [*scorer, str(layers), "--json"], check=True, capture_output=True, text=True
    ).stdout
    return table, json.loads(figures.strip().splitlines()[-1])


def gazetteer_coverage(eval_dir: Path) -> tuple[float, float, int]:
    """Shares of gold events whose place geoparse finds within tol_km: among the
    toponyms of the event's sentence, and among all of its article's."""
    out = subprocess.run(
        [*GEOMAP, "geoparse", str(eval_dir / "dev-articles.jsonl")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    found = {r["doc_id"]: r["toponyms"] for r in map(json.loads, out.splitlines())}
    in_sentence = in_article = total = 0
    for line in (eval_dir / "dev-events.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        toponyms = found.get(gold["doc_id"], [])
        for event in gold["events"]:
            total += 1

            def near(t, event=event):
                return (
                    great_circle_km(event["lat"], event["lon"], t["lat"], t["lon"])
                    <= event["tol_km"]
                )

            in_article += any(near(t) for t in toponyms)
            in_sentence += any(
                near(t) for t in toponyms if event["start"] <= t["start"] < event["end"]
            )
    return in_sentence / total, in_article / total, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval" / "events")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        table, figures = build_and_score(args.eval_dir, Path(tmp))
    print(table.rstrip())
    print()
    in_sentence, in_article, total = gazetteer_coverage(args.eval_dir)
    print(
        f"gazetteer: of {total} gold events, geoparse finds the place within tol_km "
        f"in the event's sentence for {in_sentence:.3f}, anywhere in its article for "
        f"{in_article:.3f}"
    )
    print()
    for (level, what), target in TARGETS.items():
        key = "key_recall" if what == "key recall" else "precision"
        value = figures[key][level] or 0.0
        verdict = "met" if value >= target else "NOT met"
        print(f"target {level} {what} >= {target:.2f}: {value:.3f} {verdict}")


if __name__ == "__main__":
    main()
