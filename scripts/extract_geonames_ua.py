"""Build ``geomap/gazetteer/geonames_ua.tsv.gz`` from GeoNames' dump for Ukraine.

Source: ``UA.zip`` as distributed at https://download.geonames.org/export/dump/UA.zip,
snapshot of 2026-07-29 (latest row modified 2026-07-28), sha256 checked below; a
copy lies in ``../shared/data/geonames/UA.zip`` (see its README for provenance).
Licence: GeoNames data, CC BY 4.0, attribution "GeoNames, geonames.org".

The extract keeps what conflict reporting names:

* every populated place (class P), with its population where GeoNames has one;
* districts and hromadas (ADM2, ADM3) and the oblasts (ADM1, for their aliases);
* the facilities: airports and air bases, ports and harbours, power plants, dams,
  bridges, military sites, oil depots and refineries;
* islands and spits (Snake Island, Kinburn Spit).

Alternate names keep their Latin spellings (every romanisation) and their
Cyrillic ones (Ukrainian and Russian); other scripts, codes and lower-case
transcriptions are dropped. Rows are sorted by geonameid and gzipped without a
timestamp, so the same dump always gives the same bytes.

Usage: python scripts/extract_geonames_ua.py [PATH/TO/UA.zip]
"""

from __future__ import annotations

import gzip
import hashlib
import io
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "data" / "geonames" / "UA.zip"
TARGET = ROOT / "geomap" / "gazetteer" / "geonames_ua.tsv.gz"
SHA256 = "499fe805ff1d09d700d3dc0078d0f468e060cb275bedb134af22ae27aa5d0ee4"
COLUMNS = (
    "geonameid",
    "name",
    "feature_code",
    "lat",
    "lon",
    "admin1",
    "admin2",
    "admin3",
    "population",
    "alternatenames",
)
ADMIN_CODES = frozenset({"ADM1", "ADM2", "ADM3"})
FACILITY_CODES = frozenset(
    {
        "AIRB",  # air base
        "AIRF",  # airfield
        "AIRH",  # heliport
        "AIRP",  # airport
        "BDG",  # bridge
        "DAM",
        "DAMQ",  # ruined dam
        "HBR",  # harbour
        "INSM",  # military installation
        "MILB",  # military base
        "OILR",  # oil refinery
        "OILT",  # oil tank farm (depot)
        "PRT",  # port
        "PS",  # power station
        "PSH",  # hydroelectric power station
        "PSN",  # nuclear power station
        "RFY",  # refinery
        "ISL",  # island
        "SPIT",
    }
)
_LATIN = re.compile(r"^[A-Z\u00c0-\u024f][\w'’ʼ.\- \u00c0-\u024f]*$")
_CYRILLIC = re.compile(r"^[\u0400-\u04ff][\u0400-\u04ff'’ʼ.\- ]*$")


def keep_row(feature_class: str, feature_code: str) -> bool:
    """True for the rows the extract keeps."""
    return (
        feature_class == "P"
        or (feature_class == "A" and feature_code in ADMIN_CODES)
        or feature_code in FACILITY_CODES
    )


def keep_alias(name: str) -> bool:
    """A Latin spelling that starts with a capital, or a Cyrillic one; no codes.

    >>> [keep_alias(n) for n in ["Zaporizhzhia", "Запоріжжя", "IEV", "jitomira", "ザポリージャ"]]
    [True, True, False, False, False]
    """
    if any(ch.isdigit() for ch in name) or (name.isupper() and len(name) <= 4):
        return False
    return bool(_LATIN.match(name) or _CYRILLIC.match(name))


def extract(source: Path) -> bytes:
    """The gzipped TSV extract of ``source`` (GeoNames' UA.zip)."""
    data = source.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        raise SystemExit(f"{source}: sha256 {digest}, expected {SHA256}")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        lines = archive.read("UA.txt").decode("utf-8").splitlines()
    rows = []
    for line in lines:
        f = line.split("\t")
        if not keep_row(f[6], f[7]):
            continue
        aliases = sorted({a for a in f[3].split(",") if a and a != f[1] and keep_alias(a)})
        population = f[14] or "0"
        rows.append(
            (int(f[0]), f[1], f[7], f[4], f[5], f[10], f[11], f[12], population, "|".join(aliases))
        )
    rows.sort()
    # Fields come from a tab-separated file, so none holds a tab or a newline.
    text = "".join("\t".join(map(str, row)) + "\n" for row in [COLUMNS, *rows])
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    TARGET.write_bytes(extract(source))
    print(f"wrote {TARGET} ({TARGET.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
