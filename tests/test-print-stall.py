#!/usr/bin/env python3
"""`ldn-guide --print-sheet` ends within its timeout even when the print
backend never gives the main loop back (GTK's CUPS backend did, with a
libcups whose httpUpdate never read): the watchdog writes the error and
the process exits non-zero.

The stalled backend is tests/print-stall-preload.c, loaded with
LD_PRELOAD (LDN_TEST_STALL=list: listing the printers never ends). No
print queue is needed. test-print-queue.py stalls the sending step the
same way, where a real queue is there to list.
"""
import os
import subprocess
import sys
import tempfile
import time

TIMEOUT = 2
# The watchdog's deadline is the timeout plus one second; the rest is
# the app starting under Xvfb (slow with sanitizers).
WITHIN = 15


def tap(ok, description, detail=""):
    print(f"{'ok' if ok else 'not ok'} - {description}")
    if detail and not ok:
        for line in detail.splitlines():
            print(f"# {line}")
    return ok


def stalled_env(base, step, folder):
    env = dict(base, LDN_GUIDE_USER_DATA=os.path.join(folder, "user.sqlite"),
               LDN_GUIDE_PRINT_TIMEOUT=str(TIMEOUT), LDN_TEST_STALL=step,
               LD_PRELOAD=base["LDN_TEST_STALL_PRELOAD"])
    # An ASan build wants its runtime first; the preload comes before it.
    env["ASAN_OPTIONS"] = ":".join(filter(None, [base.get("ASAN_OPTIONS"), "verify_asan_link_order=0"]))
    return env


def run_stalled(binary, env, *args):
    """(returncode or None when it had to be killed, stderr, seconds)"""
    start = time.monotonic()
    try:
        result = subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=60)
        return result.returncode, result.stderr, time.monotonic() - start
    except subprocess.TimeoutExpired as expired:
        stderr = expired.stderr.decode() if isinstance(expired.stderr, bytes) else (expired.stderr or "")
        return None, stderr + "\n(killed after 60 s: the command hung)", time.monotonic() - start


def main():
    binary = os.environ["LDN_GUIDE_BINARY"]
    print("1..1")
    with tempfile.TemporaryDirectory() as folder:
        env = stalled_env(os.environ, "list", folder)
        code, stderr, seconds = run_stalled(binary, env, "--print-sheet", "--printer=Office")
        ok = tap(code not in (None, 0) and seconds < WITHIN
                 and f"did not list the printers within {TIMEOUT} seconds" in stderr,
                 f"a print system that never lists its printers ends the command with a clear error "
                 f"(took {seconds:.1f} s)",
                 f"exit status {code}\n{stderr}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
