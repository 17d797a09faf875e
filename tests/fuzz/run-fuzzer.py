#!/usr/bin/env python3
"""Runs one libFuzzer target for a fixed number of inputs.

    run-fuzzer.py TARGET WORK_DIR RUNS CORPUS_DIR...

New inputs libFuzzer finds go to WORK_DIR/corpus, never into the saved
corpus in the source tree; a crashing input is written to WORK_DIR and
named in the output, to be copied into the saved corpus as a regression
test once fixed.
"""
import os
import subprocess
import sys


def main():
    target, work_dir, runs, *corpus = sys.argv[1:]
    new_inputs = os.path.join(work_dir, "corpus")
    os.makedirs(new_inputs, exist_ok=True)
    command = [target, f"-runs={runs}", "-seed=1", "-max_len=262144", "-timeout=60",
               "-rss_limit_mb=4096", "-print_final_stats=1",
               f"-artifact_prefix={work_dir}/", new_inputs] + [c for c in corpus if os.path.isdir(c)]
    print(" ".join(command), flush=True)
    result = subprocess.run(command)
    if result.returncode != 0:
        print(f"{os.path.basename(target)} failed; the input that did it is in {work_dir}", file=sys.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
