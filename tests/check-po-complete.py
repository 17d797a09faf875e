#!/usr/bin/env python3
"""A translation is complete: no untranslated and no fuzzy message.

Usage: check-po-complete.py FILE.po...  (TAP, one test per file)
"""
import subprocess
import sys


def open_messages(path, flag):
    out = subprocess.run(["msgattrib", flag, "--no-obsolete", path],
                         capture_output=True, text=True, check=True).stdout
    return [line for line in out.splitlines() if line.startswith("msgid ") and line != 'msgid ""']


def main():
    paths = sys.argv[1:]
    print(f"1..{len(paths)}")
    failed = 0
    for number, path in enumerate(paths, 1):
        missing = open_messages(path, "--untranslated") + open_messages(path, "--only-fuzzy")
        for line in missing[:20]:
            print(f"# not translated: {line[6:]}")
        print(f"{'not ok' if missing else 'ok'} {number} - {path} is complete")
        failed += bool(missing)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
