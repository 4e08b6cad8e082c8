"""Geoparsing cost in instructions, which a loaded or throttled machine does not change.

Timings on a shared machine vary by a third from one run to the next; the count
of instructions that ``valgrind --tool=callgrind`` reports does not (with
``PYTHONHASHSEED`` fixed). This runs ``geomap geoparse`` on the two shared
corpora and on one of their texts, and prints the difference per MB of text:
the cost after start-up. geotext, on the same texts in the same way, is the peer.
Instructions are not time (geomap's run more slowly per instruction than
geotext's), so compare this figure across versions, not with the MB/s target.

Usage: python bench/instructions.py [--eval-dir ../shared/eval]   (needs valgrind)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ("geowebnews.jsonl", "geovirus.jsonl")
GEOTEXT = "import json, sys\nfrom geotext import GeoText\n" + (
    "for line in open(sys.argv[1], encoding='utf-8'): GeoText(json.loads(line)['text'])"
)


def instructions(command: list[str], work: Path) -> int:
    """Instructions that ``command`` executes, counted by callgrind."""
    out = work / "callgrind.out"
    subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    totals = [line for line in out.read_text().splitlines() if line.startswith("totals:")]
    out.unlink()
    return int(totals[0].split()[1])


def per_megabyte(command: list[str], many: Path, one: Path, megabytes: float, work: Path):
    """Instructions per MB of ``many`` after start-up (``one`` measures the start-up)."""
    start_up = instructions([*command, str(one)], work)
    return (instructions([*command, str(many)], work) - start_up) / megabytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind)")
    lines = [
        line
        for name in CORPORA
        for line in (args.eval_dir / name).read_text(encoding="utf-8").splitlines()
    ]
    megabytes = sum(len(json.loads(line)["text"].encode()) for line in lines[1:]) / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        many, one = work / "many.jsonl", work / "one.jsonl"
        many.write_text("\n".join(lines) + "\n", encoding="utf-8")
        one.write_text(lines[0] + "\n", encoding="utf-8")
        ours = per_megabyte(
            [sys.executable, "-m", "geomap", "geoparse"], many, one, megabytes, work
        )
        try:
            import geotext  # noqa: F401
        except ImportError:
            peer = None
        else:
            peer = per_megabyte([sys.executable, "-c", GEOTEXT], many, one, megabytes, work)
    print(f"texts: {len(lines)}, {megabytes:.2f} MB (both shared corpora)")
    print(f"geomap geoparse after start-up: {ours / 1e6:,.0f} million instructions per MB")
    if peer is None:
        print("geotext: not installed (pip install -e '.[bench]')")
    else:
        print(f"geotext, same texts: {peer / 1e6:,.0f} million instructions per MB")
        print(
            f"geomap needs {ours / peer:.1f}x geotext's instructions per MB (a count, to "
            "compare versions; the MB/s target is judged by bench/geoparse.py's times)"
        )


if __name__ == "__main__":
    main()
