#!/usr/bin/env python3
"""The content's translations are complete and keep every number.

Usage: check-content-translation.py COMPILER FILE.po... -- CONTENT.json...

Extracts a fresh template from the content files (so a new text is caught
even before anyone refreshes data/content/po/), then, per .po file (TAP):
  - every message is translated and not fuzzy (each missing one is named);
  - every number in the English text appears in the translation, and the
    translation adds none. Spanish may write a decimal comma ("4,5" for
    "4.5"); nothing else about a number may change.
Run it alone: meson test -C _build content-translations --print-errorlogs
"""
import collections
import os
import re
import subprocess
import sys
import tempfile

NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def unquote(text):
    return (text.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t")
            .replace("\\\\", "\\"))


def read_po(path):
    """{(msgctxt, msgid): (msgstr, fuzzy)} for every message but the header."""
    messages = {}
    # msgcat writes every entry the same way, one blank line apart.
    canonical = subprocess.run(["msgcat", "--no-wrap", "--force-po", path],
                               capture_output=True, text=True, check=True).stdout
    blocks = canonical.split("\n\n")
    for block in blocks:
        fields = {}
        key = None
        fuzzy = False
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            if line.startswith("#"):
                continue
            m = re.match(r'^(msgctxt|msgid|msgstr) "(.*)"$', line)
            if m:
                key = m.group(1)
                fields[key] = unquote(m.group(2))
            elif line.startswith('"') and key:
                fields[key] += unquote(line[1:-1])
        if fields.get("msgid"):
            messages[(fields.get("msgctxt", ""), fields["msgid"])] = (fields.get("msgstr", ""), fuzzy)
    return messages


def numbers(text, decimal_comma):
    found = NUMBER.findall(text)
    if decimal_comma:
        found = [n.replace(",", ".") for n in found]
    return collections.Counter(found)


def main():
    compiler = sys.argv[1]
    split = sys.argv.index("--")
    catalogs = sys.argv[2:split]
    content = sys.argv[split + 1:]

    with tempfile.TemporaryDirectory() as tmp:
        template_path = os.path.join(tmp, "content.pot")
        subprocess.run([compiler, "--template=" + template_path] + content, check=True)
        template = read_po(template_path)

    print(f"1..{2 * len(catalogs)}")
    failed = False
    number = 0
    for catalog in catalogs:
        po = read_po(catalog)
        missing = []
        changed = []
        for (context, msgid) in template:
            msgstr, fuzzy = po.get((context, msgid), ("", False))
            if not msgstr or fuzzy:
                missing.append(f"{'fuzzy' if msgstr else 'not translated'}: {context}: {msgid!r}")
                continue
            english = numbers(msgid, False)
            translated = numbers(msgstr, True)
            if english != translated:
                lost = english - translated
                added = translated - english
                changed.append(f"{context}: numbers differ (missing {sorted(lost.elements())}, "
                               f"added {sorted(added.elements())}): {msgstr!r}")
        for line in missing:
            print(f"# {line}")
        number += 1
        print(f"{'not ok' if missing else 'ok'} {number} - {catalog}: all {len(template)} texts translated")
        for line in changed:
            print(f"# {line}")
        number += 1
        print(f"{'not ok' if changed else 'ok'} {number} - {catalog}: numbers kept")
        failed |= bool(missing or changed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
