"""Record the data's fingerprint in the newest entry of data/changelog.yml, or check that it is recorded.

    .venv/bin/python scripts/data-version.py --stamp   # after adding the changelog entry for your data edit
    .venv/bin/python scripts/data-version.py           # says whether the data changed since its newest version

Only the `data_hash` line of the newest entry is rewritten; the rest of the file stays as written.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from llm_medicine import data_version  # noqa: E402
from llm_medicine.data import DataError, load_site_data  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stamp", action="store_true", help="record the current fingerprint in the newest entry")
    args = parser.parse_args()
    data_dir = ROOT / "data"
    try:
        data = load_site_data(data_dir)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    newest = data_version.current(data)
    if args.stamp:
        path = data_dir / f"{data_version.CHANGELOG_FILE}.yml"
        text = path.read_text(encoding="utf-8")
        stamped, count = re.subn(r'(?m)^(  data_hash: )"?[0-9a-f]*"?$', rf'\g<1>"{data_version.fingerprint(data_dir)}"',
                                 text, count=1)
        if count != 1:
            print(f"{path}: the newest entry has no data_hash line", file=sys.stderr)
            return 1
        path.write_text(stamped, encoding="utf-8")
        print(f"recorded data version {newest.version} ({newest.date})")
        return 0
    problem = data_version.unrecorded_change(data, data_dir)
    print(problem or f"data version {newest.version} ({newest.date}) is up to date")
    return 1 if problem else 0


if __name__ == "__main__":
    sys.exit(main())
