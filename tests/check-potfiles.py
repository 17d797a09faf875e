#!/usr/bin/env python3
"""Fail when a source file has translatable strings but po/POTFILES.in
does not list it, or lists a file that does not exist."""
import pathlib
import re
import sys

MARKERS = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext)\s*\(|translatable="yes"')


def main(root):
    root = pathlib.Path(root)
    listed = {line.strip() for line in (root / "po" / "POTFILES.in").read_text().splitlines()
              if line.strip() and not line.startswith("#")}
    found = set()
    for path in sorted((root / "src").rglob("*")):
        if path.suffix in (".c", ".ui") and MARKERS.search(path.read_text(encoding="utf-8")):
            found.add(str(path.relative_to(root)))

    missing = sorted(found - listed)
    gone = sorted(p for p in listed if not (root / p).exists())
    print("1..2")
    for p in missing:
        print(f"# not in POTFILES.in: {p}")
    print(f"{'not ok' if missing else 'ok'} 1 - every file with translatable strings is listed")
    for p in gone:
        print(f"# listed but missing: {p}")
    print(f"{'not ok' if gone else 'ok'} 2 - every listed file exists")
    return 1 if missing or gone else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
