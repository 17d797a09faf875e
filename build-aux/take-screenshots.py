#!/usr/bin/env python3
"""Take the app's screenshots from the real app, under Xvfb.

Usage (under a session bus): take-screenshots.py BUILDDIR OUTDIR
or simply: build-aux/ldn-dev screenshots

Each shot starts the built app on its own Xvfb screen the size of the
window, with the sample person's data (data/screenshots/sample-data.json)
imported, the section chosen through a private GSettings key file, and
animations off so the chart shows its whole curve. Variants: Spanish
(LANG=es_ES.UTF-8, with the sample person's own words in Spanish), large text (text scaled 1.5 through gtk-xft-dpi) and high
contrast (libadwaita's high-contrast style). The four desktop shots and the
phone shot are the ones the metainfo lists.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

DESKTOP = (1200, 760)
PHONE = (360, 640)

SHOTS = [
    # name, size, section, variant
    ("learn", DESKTOP, "learn", None),
    ("timeline", DESKTOP, "timeline", None),
    ("side-effects", DESKTOP, "side-effects", None),
    ("sheet", DESKTOP, "sheet", None),
    ("diary", DESKTOP, "diary", None),
    ("prepare", DESKTOP, "prepare", None),
    ("phone-learn", PHONE, "learn", None),
    ("phone-timeline", PHONE, "timeline", None),
    ("phone-side-effects", PHONE, "side-effects", None),
    ("es-learn", DESKTOP, "learn", "spanish"),
    ("es-side-effects", DESKTOP, "side-effects", "spanish"),
    ("es-sheet", (1200, 1040), "sheet", "spanish"),  # tall enough to show the sheet
    ("es-phone-sheet", PHONE, "sheet", "spanish"),
    ("large-text-learn", DESKTOP, "learn", "large-text"),
    ("large-text-phone-learn", PHONE, "learn", "large-text"),
    ("large-text-phone-timeline", PHONE, "timeline", "large-text"),
    ("large-text-phone-side-effects", PHONE, "side-effects", "large-text"),
    ("large-text-phone-sheet", PHONE, "sheet", "large-text"),
    ("high-contrast-timeline", DESKTOP, "timeline", "high-contrast"),
    ("high-contrast-phone-learn", PHONE, "learn", "high-contrast"),
]


def start_xvfb(width, height):
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp",
         "-noreset"],  # a reset would clear the root window's resources (Xft.dpi)
        pass_fds=[write_fd], stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        display = pipe.readline().strip()
    if not display:
        sys.exit("take-screenshots: Xvfb did not start")
    return xvfb, ":" + display


def write_settings(home, size, section, variant):
    settings_dir = os.path.join(home, "glib-2.0", "settings")
    os.makedirs(settings_dir, exist_ok=True)
    with open(os.path.join(settings_dir, "keyfile"), "w", encoding="utf-8") as f:
        f.write("[io/github/ldnguide/LdnGuide]\n"
                f"window-width={size[0]}\nwindow-height={size[1]}\n"
                f"last-section='{section}'\nlearn-page='low-dose'\noverview-seen=true\n")
    gtk_dir = os.path.join(home, "gtk-4.0")
    os.makedirs(gtk_dir, exist_ok=True)
    with open(os.path.join(gtk_dir, "settings.ini"), "w", encoding="utf-8") as f:
        f.write("[Settings]\ngtk-enable-animations=false\n")


def prepare_screen(display, size, variant):
    x_env = dict(os.environ, DISPLAY=display)
    # The pointer rests on the header bar's empty middle: no hover, no tooltip.
    subprocess.run(["xdotool", "mousemove", str(size[0] // 2), "3"], env=x_env, check=True)
    if variant == "large-text":
        # What GNOME's "Large Text" does under X11: Xft.dpi at 1.5 × 96.
        subprocess.run(["xprop", "-root", "-f", "RESOURCE_MANAGER", "8s", "-set", "RESOURCE_MANAGER",
                        "Xft.dpi:\t144\n"], env=x_env, check=True)


def app_env(build, home, display, variant):
    env = dict(os.environ,
               DISPLAY=display, GSK_RENDERER="cairo", GDK_DEBUG="gl-disable", GDK_DISABLE="gl",
               XDG_CONFIG_HOME=home, GSETTINGS_BACKEND="keyfile",
               GSETTINGS_SCHEMA_DIR=os.path.join(build, "data"),
               LDN_GUIDE_CONTENT=os.path.join(build, "src", "content.sqlite"),
               LDN_GUIDE_LOCALEDIR=os.path.join(build, "po"),
               LDN_GUIDE_USER_DATA=os.path.join(home, "user.sqlite"),
               LANG="C.UTF-8", LANGUAGE="en")
    env.pop("WAYLAND_DISPLAY", None)
    if variant == "spanish":
        # A real Spanish locale: newer glibc ignores LANGUAGE under C.UTF-8.
        env.update(LANG="es_ES.UTF-8", LC_ALL="es_ES.UTF-8", LANGUAGE="")
    if variant == "high-contrast":
        env["ADW_DEBUG_HIGH_CONTRAST"] = "1"
    return env


def take(build, out_dir, sample, name, size, section, variant):
    app = os.path.join(build, "src", "ldn-guide")
    with tempfile.TemporaryDirectory(prefix="ldn-shot-") as home:
        write_settings(home, size, section, variant)
        xvfb, display = start_xvfb(*size)
        try:
            env = app_env(build, home, display, variant)
            prepare_screen(display, size, variant)
            if variant == "spanish":
                sample = sample.replace("sample-data.json", "sample-data-es.json")
            subprocess.run([app, f"--import-data={sample}"], env=env, check=True,
                           stdout=subprocess.DEVNULL)
            proc = subprocess.Popen([app], env=env)
            time.sleep(4)
            if proc.poll() is not None:
                sys.exit(f"take-screenshots: the app ended before shot {name}")
            path = os.path.join(out_dir, name + ".png")
            subprocess.run(["import", "-display", display, "-window", "root", path], check=True)
            proc.terminate()
            proc.wait()
        finally:
            xvfb.terminate()
            xvfb.wait()
    print(path)


def main():
    build, out_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    sample = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "screenshots", "sample-data.json")
    for tool, package in (("import", "imagemagick"), ("xdotool", "xdotool"), ("xprop", "x11-utils")):
        if shutil.which(tool) is None:
            sys.exit(f"take-screenshots: needs {tool} (Debian package {package})")
    os.makedirs(out_dir, exist_ok=True)
    only = set(sys.argv[3:])
    for name, size, section, variant in SHOTS:
        if not only or name in only:
            take(build, out_dir, os.path.abspath(sample), name, size, section, variant)


if __name__ == "__main__":
    main()
