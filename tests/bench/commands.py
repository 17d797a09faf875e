#!/usr/bin/env python3
"""Whole-process benchmarks of the command line, as a person runs it.

  * --export-sheet of a 60-page sheet (every note and text box full, 200
    long questions): wall time and CPU per run, median of several runs,
    against the target of 250 ms;
  * --export-sheet with no data at all: how many pages a person who
    entered nothing gets (the target is one);
  * --import-data of a hostile 73 MB file with a million checklist
    entries: it must be refused, and the peak RSS of the whole process
    stay under 200 MB.

Each run is a fresh `ldn-guide` process; its CPU time and peak RSS come
from wait4(2). Prints numbers; fails only if a command does not do its
job (an export that fails, a hostile import that is accepted).
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

EXPORT_TARGET_MS = 250
IMPORT_RSS_TARGET_MIB = 200


def run(argv, env):
    """Runs ARGV; returns (exit status, wall ms, CPU ms, peak RSS MiB, stderr)."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = (time.monotonic() - start) * 1000
        err.seek(0)
        message = err.read().decode(errors="replace").strip()
    cpu = (usage.ru_utime + usage.ru_stime) * 1000
    return os.waitstatus_to_exitcode(status), wall, cpu, usage.ru_maxrss / 1024, message


def pdf_pages(path):
    with open(path, "rb") as pdf:
        return len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf.read()))


def words(n_chars, seed):
    text = []
    length = 0
    i = seed
    while True:
        word = ("question", "dose", "morning", "tired", "sleep", "doctor", "pharmacy", "week")[i % 8]
        if length + len(word) + 1 > n_chars:
            return " ".join(text)
        text.append(word)
        length += len(word) + 1
        i += 1


def long_data(template):
    """Every text box full and 200 long questions, from an --export-data file."""
    data = dict(template)
    data["checklist"] = [dict(entry, noticed=True, severity="moderate", since="2026-11-01",
                              note=words(10000, n)) for n, entry in enumerate(template["checklist"])]
    data["other_side_effects"] = words(10000, 1)
    data["what_matters"] = words(10000, 2)
    data["safety"] = dict(template["safety"], other_medicines=words(10000, 3))
    data["questions"] = [words(600, n) + "?" for n in range(200)]
    return data


def hostile_file(path, template):
    """About 73 MB: a million checklist entries, written in pieces so that
    this script stays small (a forked child's peak RSS starts at ours)."""
    entry = json.dumps({"id": "vivid-dreams", "noticed": True, "severity": "mild", "note": ""},
                       separators=(",", ":"))
    entry = entry.replace('"note":""', '"note":"%s"' % ("x" * (71 - len(entry))))  # 73 bytes with ",\n"
    with open(path, "w") as out:
        out.write('{"format": "ldn-guide-data", "version": 1, "checklist": [')
        block = ",\n".join([entry] * 1000)
        for i in range(1000):
            out.write(block if i == 0 else ",\n" + block)
        out.write('], "other_side_effects": "", "safety": %s, "questions": [], "what_matters": "",'
                  ' "teach_back": {}}' % json.dumps(template["safety"]))
    return os.path.getsize(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", required=True)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="ldn-commands-") as work:
        env = dict(os.environ, LDN_GUIDE_USER_DATA=os.path.join(work, "user", "user.sqlite"))
        template_path = os.path.join(work, "template.json")
        status, *_, message = run([args.app, "--export-data=" + template_path], env)
        if status != 0:
            sys.exit("commands: --export-data failed: " + message)
        with open(template_path) as f:
            template = json.load(f)

        # A person with no data.
        empty_pdf = os.path.join(work, "empty.pdf")
        status, *_, message = run([args.app, "--export-sheet=" + empty_pdf], env)
        if status != 0:
            sys.exit("commands: --export-sheet with no data failed: " + message)
        empty_pages = pdf_pages(empty_pdf)

        # The longest sheet.
        long_path = os.path.join(work, "long.json")
        with open(long_path, "w") as f:
            json.dump(long_data(template), f)
        status, *_, message = run([args.app, "--import-data=" + long_path], env)
        if status != 0:
            sys.exit("commands: importing the long data failed: " + message)
        sheet_pdf = os.path.join(work, "long.pdf")
        runs = []
        for _ in range(args.runs + 1):
            status, wall, cpu, rss, message = run([args.app, "--export-sheet=" + sheet_pdf], env)
            if status != 0:
                sys.exit("commands: --export-sheet failed: " + message)
            runs.append((wall, cpu, rss))
        runs = runs[1:]  # the first warms the page cache
        long_pages = pdf_pages(sheet_pdf)

        # A hostile import.
        hostile_path = os.path.join(work, "hostile.json")
        size = hostile_file(hostile_path, template)
        status, hostile_wall, _, hostile_rss, hostile_message = run([args.app, "--import-data=" + hostile_path], env)
        if status == 0:
            sys.exit("commands: the hostile import was accepted")
        hostile_message = hostile_message.splitlines()[-1] if hostile_message else "(nothing)"

    wall = statistics.median(r[0] for r in runs)
    cpu = statistics.median(r[1] for r in runs)
    print("command line, whole process (fresh ldn-guide each run):")
    print(f"  --export-sheet, {long_pages}-page sheet: wall median {wall:.0f} ms"
          f" (min {min(r[0] for r in runs):.0f}, max {max(r[0] for r in runs):.0f}),"
          f" CPU median {cpu:.0f} ms, peak RSS {statistics.median(r[2] for r in runs):.1f} MiB,"
          f" {args.runs} runs (target < {EXPORT_TARGET_MS} ms: {'met' if wall < EXPORT_TARGET_MS else 'NOT met'})")
    print(f"  --export-sheet with no data: {empty_pages} page{'s' if empty_pages != 1 else ''}"
          f" (target 1: {'met' if empty_pages == 1 else 'NOT met'})")
    print(f"  --import-data of a {size / 1e6:.0f} MB file with a million checklist entries: refused in"
          f" {hostile_wall:.0f} ms, peak RSS {hostile_rss:.1f} MiB (target < {IMPORT_RSS_TARGET_MIB} MiB:"
          f" {'met' if hostile_rss < IMPORT_RSS_TARGET_MIB else 'NOT met'}); it said: {hostile_message}")


if __name__ == "__main__":
    main()
