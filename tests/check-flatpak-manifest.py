#!/usr/bin/env python3
"""Fail when the Flatpak manifest asks for more than the app needs.

LDN Guide holds health notes and must never reach the network or the
user's files outside its own sandbox; printing and saving go through
portals. This check keeps the manifest honest about that.
"""
import json
import re
import sys

REPO_URL = "https://github.com/ldnguide/LdnGuide"

ALLOWED_FINISH_ARGS = {
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",
}
FORBIDDEN_PREFIXES = (
    "--share=network",
    "--filesystem",
    "--socket=x11",
    "--socket=session-bus",
    "--socket=system-bus",
    "--device=all",
    "--talk-name",
    "--system-talk-name",
    "--own-name",
    "--persist",
)


def problems(manifest):
    found = []
    if manifest.get("id") != "io.github.ldnguide.LdnGuide":
        found.append("id must be io.github.ldnguide.LdnGuide")
    if manifest.get("runtime") != "org.gnome.Platform":
        found.append("runtime must be org.gnome.Platform")
    if manifest.get("sdk") != "org.gnome.Sdk":
        found.append("sdk must be org.gnome.Sdk")
    version = str(manifest.get("runtime-version", ""))
    if not version.isdigit() or int(version) < 50:
        found.append(f"runtime-version must be 50 or newer, not {version!r}")
    if manifest.get("command") != "ldn-guide":
        found.append("command must be ldn-guide")

    for arg in manifest.get("finish-args", []):
        if arg.startswith(FORBIDDEN_PREFIXES):
            found.append(f"finish-arg {arg} grants access the app must not have")
        elif arg not in ALLOWED_FINISH_ARGS:
            found.append(f"finish-arg {arg} is not on the allowed list")

    modules = [m for m in manifest.get("modules", []) if isinstance(m, dict)]
    app = modules[-1] if modules else {}
    sources = [s for s in app.get("sources", []) if isinstance(s, dict)]
    if len(sources) != 1 or sources[0].get("type") not in ("dir", "git"):
        found.append("the last module must build this repository: one dir source (this checkout)"
                     " or one git source (a release)")
    elif sources[0]["type"] == "git":
        found += release_source_problems(sources[0])
    return found


def release_source_problems(source):
    """A release builds one tagged commit of the project's own repository."""
    found = []
    if source.get("url") not in (REPO_URL, REPO_URL + ".git"):
        found.append(f"the git source must be {REPO_URL}, not {source.get('url')!r}")
    if not re.fullmatch(r"v[0-9]+\.[0-9]+\.[0-9]+", str(source.get("tag", ""))):
        found.append(f"the git source needs a release tag such as v0.1.0, not {source.get('tag')!r}")
    if not re.fullmatch(r"[0-9a-f]{40}", str(source.get("commit", ""))):
        found.append(f"the git source needs the tag's full commit hash, not {source.get('commit')!r}")
    if "branch" in source:
        found.append("a release builds a tag and its commit, not a branch")
    return found


def main():
    path = sys.argv[1]
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f"Bail out! cannot read {path}: {e}")
        return 1
    found = problems(manifest)
    print("1..1")
    if found:
        for p in found:
            print(f"# {p}")
        print(f"not ok 1 - {path}")
        return 1
    print(f"ok 1 - {path} asks only for ipc, wayland, fallback-x11 and dri")
    return 0


if __name__ == "__main__":
    sys.exit(main())
