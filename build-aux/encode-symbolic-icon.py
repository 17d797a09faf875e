#!/usr/bin/env python3
"""Render a symbolic SVG icon to GTK's recolourable .symbolic.png at one size.

Usage: encode-symbolic-icon.py ENCODER ICON.svg SIZE OUTPUT.symbolic.png

The app ships its section icons as these PNGs so that showing them does
not load the SVG renderer (librsvg) before the first frame.
"""
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    encoder, svg, size, output = sys.argv[1:]
    name = os.path.basename(svg)[:-len(".svg")]
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([encoder, "-o", tmp, svg, f"{size}x{size}"], check=True)
        shutil.move(os.path.join(tmp, name + ".symbolic.png"), output)


if __name__ == "__main__":
    main()
