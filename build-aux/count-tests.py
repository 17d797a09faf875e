#!/usr/bin/env python3
"""Print 'N passed, N failed' over one or more meson testlog.json files.

One line per log first, then the total as the last line. Each log is a
build of its own (Debian 12, sanitizers, fuzzing, the trixie and sid
chroots), so a test is counted once per build it ran in. Exits non-zero
when a log is missing, any test failed, or nothing ran.
"""
import json
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
SKIPPED = {"SKIP"}


def main(paths):
    passed = failed = skipped = 0
    for path in paths:
        before = (passed, failed, skipped)
        try:
            with open(path, encoding="utf-8") as log:
                for line in log:
                    if not line.strip():
                        continue
                    result = json.loads(line)["result"]
                    if result in PASSED:
                        passed += 1
                    elif result in SKIPPED:
                        skipped += 1
                    else:
                        failed += 1
                        print(f"failed: {json.loads(line)['name']} ({result}) in {path}")
        except (OSError, ValueError, KeyError) as e:
            print(f"cannot read test log {path}: {e}")
            failed += 1
        if len(paths) > 1:
            print(f"{path}: {passed - before[0]} passed, {failed - before[1]} failed, {skipped - before[2]} skipped")
    if skipped:
        print(f"{skipped} skipped")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
