#!/usr/bin/env python3
"""Start-up benchmark: the installed LDN Guide against the smallest libadwaita app.

Installs the build into a temporary DESTDIR (meson install), compiles its
GSettings schema and icon cache there, and starts it from there as a user
would: XDG_DATA_DIRS names the installed share/ first (icon theme, schema,
help), LDN_GUIDE_CONTENT and LDN_GUIDE_LOCALEDIR name the installed content
and translations (the binary's compiled-in prefix is not the DESTDIR). The
minimal app runs in exactly the same environment. Run this script under
dbus-run-session: both apps share one Xvfb and one session bus.

Three figures, each as a ratio LDN Guide / minimal app:
  * time to first frame, median of the per-pair ratios of alternating runs
    timed from outside by first-frame-watch (noisy on a busy machine);
  * peak RSS (VmHWM) at the first frame, median of pairs;
  * instructions from exec to the first frame, counted by callgrind with
    LDN_GUIDE_EXIT_AFTER_FIRST_FRAME=1, which makes both apps _exit right
    after the first frame clock cycle that painted their mapped window.
    Machine load does not change this count, so it is the figure to trust.
    One thing does: GTK 4.8 loads the icon theme in a thread of its own
    (about 64 M instructions), and when that has not finished (or was made
    stale) by the main thread's first icon lookup, the main thread loads
    it again. Which happens depends on timing, in either app, so a count is
    either about 64 M lower (loaded once) or not (loaded twice). Each app
    runs four times; the ratio of the medians is compared with the target,
    and the ratios of the lowest and of the highest counts (like with like)
    and the main thread's own counts (callgrind --separate-threads) are
    printed too.

It never fails on speed; it fails only if an app does not start.
"""
import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

TIME_TARGET = 1.10
RSS_TARGET = 1.05
INSTRUCTION_TARGET = 1.15


def start_xvfb():
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=[write_fd], stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        display = pipe.readline().strip()
    if not display:
        sys.exit("startup: Xvfb did not start")
    return xvfb, ":" + display


def install(build_dir, destdir):
    """meson install into DESTDIR; returns the installed prefix inside it."""
    subprocess.run(["meson", "install", "-C", build_dir, "--no-rebuild", "--quiet",
                    "--destdir", destdir], check=True, stdout=subprocess.DEVNULL)
    found = glob.glob(os.path.join(destdir, "**", "bin", "ldn-guide"), recursive=True)
    if not found:
        sys.exit("startup: meson install put no bin/ldn-guide in " + destdir)
    prefix = os.path.dirname(os.path.dirname(found[0]))
    share = os.path.join(prefix, "share")
    # What the package's post-install step (skipped under DESTDIR) does.
    subprocess.run(["glib-compile-schemas", os.path.join(share, "glib-2.0", "schemas")], check=True)
    updater = shutil.which("gtk4-update-icon-cache")
    if updater:
        subprocess.run([updater, "-q", "-t", "-f", os.path.join(share, "icons", "hicolor")], check=True)
    return prefix


class Display:
    """One Xvfb for every run; started again if it ends or its socket goes
    (on a shared machine something else may remove it), as the summary says."""

    def __init__(self):
        self.restarts = 0
        self.xvfb, self.name = start_xvfb()

    def alive(self):
        return self.xvfb.poll() is None

    def restart(self):
        self.stop()
        self.restarts += 1
        self.xvfb, self.name = start_xvfb()

    def stop(self):
        self.xvfb.terminate()
        self.xvfb.wait()


def run_once(watch, program, env, display):
    for attempt in range(2):
        env = dict(env, DISPLAY=display.name)
        result = subprocess.run([watch, "--timeout=30", "--", program], env=env,
                                capture_output=True, text=True)
        lost = not display.alive() or "cannot open the X display" in result.stderr
        if result.returncode == 0 or attempt == 1 or not lost:
            break
        display.restart()
    if result.returncode != 0:
        sys.exit(f"startup: {os.path.basename(program)} did not show a window: {result.stderr.strip()}")
    fields = dict(item.split("=") for item in result.stdout.split())
    return float(fields["first_frame_ms"]), int(fields["peak_rss_kib"]) / 1024


def count_instructions(valgrind, program, env, out_dir, display):
    """Instructions from exec to the first frame under callgrind: (all
    threads, the main thread alone)."""
    out = os.path.join(out_dir, "callgrind.out." + os.path.basename(program))
    for old in glob.glob(out + "-*"):
        os.remove(old)
    if not display.alive():
        display.restart()
    env = dict(env, LDN_GUIDE_EXIT_AFTER_FIRST_FRAME="1", DISPLAY=display.name)
    result = subprocess.run([valgrind, "--tool=callgrind", "--separate-threads=yes",
                             "--callgrind-out-file=" + out, program],
                            env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        sys.exit(f"startup: {os.path.basename(program)} under callgrind ended with {result.returncode}:"
                 f" {result.stderr.strip()[-2000:]}")
    counts = {}
    for path in glob.glob(out + "-*"):
        with open(path) as data:
            for line in data:
                if line.startswith("summary:") or line.startswith("totals:"):
                    counts[int(path.rsplit("-", 1)[1])] = int(line.split()[1])
                    break
    if 1 not in counts:
        sys.exit("startup: callgrind wrote no summary for " + program)
    return sum(counts.values()), counts[1]


def verdict(ratio, target):
    return "met" if ratio <= target else f"NOT met, {ratio / target - 1:.0%} over"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", required=True, help="meson build directory to install from")
    parser.add_argument("--minimal", required=True)
    parser.add_argument("--watch", required=True)
    parser.add_argument("--pairs", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--callgrind-runs", type=int, default=4,
                        help="callgrind runs of each app (0 to skip)")
    parser.add_argument("--keep", help="install into this folder and keep it (default: a temporary one)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="ldn-startup-") as work:
        destdir = os.path.abspath(args.keep) if args.keep else os.path.join(work, "root")
        prefix = install(args.build_dir, destdir)
        share = os.path.join(prefix, "share")
        app = os.path.join(prefix, "bin", "ldn-guide")

        env = dict(os.environ, GSK_RENDERER="cairo", GSETTINGS_BACKEND="memory",
                   XDG_DATA_DIRS=share + ":" + os.environ.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share"),
                   LDN_GUIDE_CONTENT=os.path.join(share, "ldn-guide", "content.sqlite"),
                   LDN_GUIDE_LOCALEDIR=os.path.join(share, "locale"),
                   LDN_GUIDE_USER_DATA=os.path.join(work, "user", "user.sqlite"))
        for name in ("WAYLAND_DISPLAY", "GSETTINGS_SCHEMA_DIR", "LDN_GUIDE_EXIT_AFTER_FIRST_FRAME"):
            env.pop(name, None)

        display = Display()
        apps = {"ldn": app, "minimal": args.minimal}
        samples = {"ldn": [], "minimal": []}
        instructions = {"ldn": [], "minimal": []}
        try:
            for _ in range(args.warmup):
                for program in apps.values():
                    run_once(args.watch, program, env, display)
            for pair in range(args.pairs):
                order = ("ldn", "minimal") if pair % 2 == 0 else ("minimal", "ldn")
                for name in order:
                    samples[name].append(run_once(args.watch, apps[name], env, display))

            valgrind = shutil.which("valgrind")
            if valgrind and args.callgrind_runs > 0:
                for _ in range(args.callgrind_runs):
                    for name, program in apps.items():
                        instructions[name].append(count_instructions(valgrind, program, env, work, display))
        finally:
            display.stop()

    frame = {name: [s[0] for s in runs] for name, runs in samples.items()}
    rss = {name: [s[1] for s in runs] for name, runs in samples.items()}
    frame_ratio = statistics.median(a / b for a, b in zip(frame["ldn"], frame["minimal"]))
    rss_ratio = statistics.median(a / b for a, b in zip(rss["ldn"], rss["minimal"]))

    print(f"start-up of the installed app ({prefix} under a temporary DESTDIR),"
          f" {args.pairs} pairs after {args.warmup} warm-up pairs, one Xvfb, GSK_RENDERER=cairo:")
    for name, label in (("minimal", "minimal libadwaita app"), ("ldn", "LDN Guide")):
        line = (f"  {label:24} first frame median {statistics.median(frame[name]):6.1f} ms"
                f" (min {min(frame[name]):.1f}, max {max(frame[name]):.1f});"
                f" peak RSS median {statistics.median(rss[name]):6.1f} MiB")
        if instructions[name]:
            line += f"; instructions to first frame {statistics.median(n[0] for n in instructions[name]) / 1e6:.1f} M"
        print(line)
    print(f"  time to first frame ratio {frame_ratio:.2f} (target {TIME_TARGET}: {verdict(frame_ratio, TIME_TARGET)})")
    print(f"  peak RSS ratio            {rss_ratio:.2f} (target {RSS_TARGET}: {verdict(rss_ratio, RSS_TARGET)})")
    if instructions["ldn"]:
        total = {name: [n[0] for n in runs] for name, runs in instructions.items()}
        main_thread = {name: [n[1] for n in runs] for name, runs in instructions.items()}
        ratio = statistics.median(total["ldn"]) / statistics.median(total["minimal"])
        print(f"  instruction ratio         {ratio:.2f} (target {INSTRUCTION_TARGET}:"
              f" {verdict(ratio, INSTRUCTION_TARGET)}; callgrind, {args.callgrind_runs} runs each,"
              f" LDN Guide {', '.join(f'{n / 1e6:.1f}' for n in total['ldn'])} M,"
              f" minimal {', '.join(f'{n / 1e6:.1f}' for n in total['minimal'])} M)")
        print(f"  lowest and highest counts {min(total['ldn']) / min(total['minimal']):.2f} and"
              f" {max(total['ldn']) / max(total['minimal']):.2f} (the icon theme loaded once and twice,"
              f" if each app met both cases)")
        main_ratio = statistics.median(main_thread["ldn"]) / statistics.median(main_thread["minimal"])
        print(f"  main thread alone         {main_ratio:.2f}"
              f" (LDN Guide {', '.join(f'{n / 1e6:.1f}' for n in main_thread['ldn'])} M,"
              f" minimal {', '.join(f'{n / 1e6:.1f}' for n in main_thread['minimal'])} M)")
    else:
        print("  instruction ratio         not measured (no valgrind, or --callgrind-runs=0)")
    if display.restarts:
        print(f"  (Xvfb went away and was started again {display.restarts} time(s) during the runs)")


if __name__ == "__main__":
    main()
