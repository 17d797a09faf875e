#!/usr/bin/env python3
"""Prints the discussion sheet to a real CUPS queue with
`ldn-guide --print-sheet --printer=QUEUE`, no dialog, and reads back the
PDF that cups-pdf writes.

Needs a cups-pdf queue: build-aux/cups-test-queue start sets one up and
prints the two variables this test reads (LDN_TEST_PRINTER and
LDN_TEST_PRINT_OUT). Without them the test is skipped, never passed.
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

QUESTION = "Can I keep taking my cough syrup with codeine?"
# Ligatures and non-Latin glyphs lose their text mapping on the
# PostScript route cups-pdf takes (they print fine), so the text checks
# use plain Latin and the fonts show the rest was drawn with real fonts.
NOTE = "Vivid dreams during week one — 夢 — احلام"


def tap(ok, description, detail=""):
    print(f"{'ok' if ok else 'not ok'} - {description}")
    if detail and not ok:
        for line in detail.splitlines():
            print(f"# {line}")
    return ok


def run_app(binary, env, *args, seconds=120):
    """The command's result; a hang is reported as one, not as a crash."""
    try:
        return subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=seconds)
    except subprocess.TimeoutExpired as expired:
        stderr = expired.stderr.decode() if isinstance(expired.stderr, bytes) else (expired.stderr or "")
        return subprocess.CompletedProcess(expired.cmd, -1, "", f"{stderr}\n(killed after {seconds} s: "
                                           "the command hung; a print backend spinning in the main loop?)")


def person_data(binary, env, folder):
    """A person's data as the JSON import would bring it."""
    export = folder / "empty.json"
    result = run_app(binary, env, f"--export-data={export}")
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    data = json.loads(export.read_text())
    data["safety"]["opioids"] = "yes"
    data["questions"] = [QUESTION]
    for item in data["checklist"]:
        if item["id"] == "vivid-dreams":
            item.update(noticed=True, severity="mild", note=NOTE)
    filled = folder / "person.json"
    filled.write_text(json.dumps(data, ensure_ascii=False))
    return filled


def wait_for_new_pdf(out, before, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        new = [p for p in out.rglob("*.pdf") if p not in before]
        # cups-pdf writes in place: wait until the size stops changing.
        if new:
            size = new[0].stat().st_size
            time.sleep(1)
            if size > 0 and new[0].stat().st_size == size:
                return new[0]
        time.sleep(0.5)
    return None


def main():
    printer = os.environ.get("LDN_TEST_PRINTER")
    out = os.environ.get("LDN_TEST_PRINT_OUT")
    if not printer or not out:
        print("1..0 # SKIP no test print queue: run build-aux/cups-test-queue start (as .ci/run does)")
        return 0

    binary = os.environ["LDN_GUIDE_BINARY"]
    out = pathlib.Path(out)
    print("1..6")
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        env = dict(os.environ, LDN_GUIDE_USER_DATA=str(folder / "user.sqlite"))
        # GTK's print backends warn when there is no system bus (colord,
        # avahi); that is the machine, not the sheet.
        env.pop("G_DEBUG", None)

        imported = run_app(binary, env, f"--import-data={person_data(binary, env, folder)}")
        oks = [tap(imported.returncode == 0, "the person's data is imported", imported.stderr)]

        missing = run_app(binary, env, "--print-sheet", "--printer=no-such-printer-here")
        oks += [tap(missing.returncode not in (-1, 0) and "no-such-printer-here" in missing.stderr and printer in missing.stderr,
                    "an unknown printer is refused, naming the printers there are", missing.stderr)]

        # Handing over the job never ends (tests/print-stall-preload.c):
        # the watchdog ends the command a second after the timeout.
        stall = dict(env, LDN_GUIDE_PRINT_TIMEOUT="2", LDN_TEST_STALL="send",
                     LD_PRELOAD=os.environ["LDN_TEST_STALL_PRELOAD"],
                     ASAN_OPTIONS=":".join(filter(None, [env.get("ASAN_OPTIONS"), "verify_asan_link_order=0"])))
        start = time.monotonic()
        stalled = run_app(binary, stall, "--print-sheet", f"--printer={printer}", seconds=60)
        seconds = time.monotonic() - start
        oks += [tap(stalled.returncode not in (-1, 0) and seconds < 15
                    and printer in stalled.stderr and "did not take the sheet within 2 seconds" in stalled.stderr,
                    f"a printer that never takes the job ends the command with a clear error (took {seconds:.1f} s)",
                    f"exit status {stalled.returncode}\n{stalled.stderr}")]

        before = set(out.rglob("*.pdf"))
        printed = run_app(binary, env, "--print-sheet", f"--printer={printer}", "--paper=letter")
        oks += [tap(printed.returncode == 0, "the sheet is sent to the queue without a dialog", printed.stderr)]

        pdf = wait_for_new_pdf(out, before)
        if not tap(pdf is not None, "cups-pdf writes the printed sheet"):
            print("not ok - the printout carries the flags, side effects and questions # no PDF")
            return 1

        text = subprocess.run(["pdftotext", "-nopgbrk", str(pdf), "-"], capture_output=True, text=True).stdout
        joined = " ".join(text.split())
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
        wanted = ["MOST IMPORTANT", "Do you take any opioid medicine", QUESTION,
                  "Vivid dreams during week one", "Page 1 of", "(letter)", "WenQuanYi"]
        lacking = [w for w in wanted if w not in joined and w not in info and w not in fonts]
        ok = tap(not lacking, "the printout carries the flags, side effects and questions",
                 "missing: " + ", ".join(lacking) + "\n" + info + fonts)
        pdf.unlink()
        return 0 if ok and all(oks) else 1


if __name__ == "__main__":
    sys.exit(main())
