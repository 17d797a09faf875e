#!/usr/bin/env python3
"""Start-up benchmark: LDN Guide against the smallest libadwaita app.

Runs both apps alternately on one Xvfb and one session bus (run this
script under dbus-run-session), each launched by first-frame-watch, which
reports from outside the app when its window was mapped, when its first
frame was drawn and its peak memory (VmHWM) at that moment.

Prints the median time to first frame and peak RSS of each, and the
median of the per-pair ratios, against the targets: LDN Guide within
1.2x of the minimal app's time to first frame and 1.25x of its peak RSS.
It never fails on speed; it fails only if an app does not start.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

TIME_TARGET = 1.2
RSS_TARGET = 1.25


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


def run_once(watch, program, env):
    result = subprocess.run([watch, "--timeout=30", "--", program], env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"startup: {os.path.basename(program)} did not show a window: {result.stderr.strip()}")
    fields = dict(item.split("=") for item in result.stdout.split())
    return float(fields["first_frame_ms"]), int(fields["peak_rss_kib"]) / 1024


def verdict(ratio, target):
    return "met" if ratio <= target else "NOT met"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", required=True)
    parser.add_argument("--minimal", required=True)
    parser.add_argument("--watch", required=True)
    parser.add_argument("--pairs", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    args = parser.parse_args()

    xvfb, display = start_xvfb()
    try:
        with tempfile.TemporaryDirectory(prefix="ldn-startup-") as data:
            env = dict(os.environ, DISPLAY=display, GSK_RENDERER="cairo",
                       GSETTINGS_BACKEND="memory", LDN_GUIDE_USER_DATA=os.path.join(data, "user"))
            env.pop("WAYLAND_DISPLAY", None)
            apps = {"ldn": args.app, "minimal": args.minimal}
            for _ in range(args.warmup):
                for program in apps.values():
                    run_once(args.watch, program, env)

            samples = {"ldn": [], "minimal": []}
            for pair in range(args.pairs):
                order = ("ldn", "minimal") if pair % 2 == 0 else ("minimal", "ldn")
                for name in order:
                    samples[name].append(run_once(args.watch, apps[name], env))
    finally:
        xvfb.terminate()
        xvfb.wait()

    frame = {name: [s[0] for s in runs] for name, runs in samples.items()}
    rss = {name: [s[1] for s in runs] for name, runs in samples.items()}
    frame_ratio = statistics.median(a / b for a, b in zip(frame["ldn"], frame["minimal"]))
    rss_ratio = statistics.median(a / b for a, b in zip(rss["ldn"], rss["minimal"]))

    print(f"start-up, {args.pairs} pairs after {args.warmup} warm-up pairs, one Xvfb, GSK_RENDERER=cairo:")
    for name, label in (("minimal", "minimal libadwaita app"), ("ldn", "LDN Guide")):
        print(f"  {label:24} first frame median {statistics.median(frame[name]):6.1f} ms"
              f" (min {min(frame[name]):.1f}, max {max(frame[name]):.1f});"
              f" peak RSS median {statistics.median(rss[name]):6.1f} MiB")
    print(f"  time to first frame ratio {frame_ratio:.2f} (target {TIME_TARGET}: {verdict(frame_ratio, TIME_TARGET)})")
    print(f"  peak RSS ratio            {rss_ratio:.2f} (target {RSS_TARGET}: {verdict(rss_ratio, RSS_TARGET)})")


if __name__ == "__main__":
    main()
