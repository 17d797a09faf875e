#!/usr/bin/env python3
"""Check what a software center needs from the metainfo and that
Debian 12's appstreamcli does not enforce: a dated release with notes,
the launchable, an OARS rating, the offline-only promise, branding colours,
the controls it supports, and at least four screenshots, each with a
caption and each committed under data/screenshots/ (made by
build-aux/take-screenshots.py)."""
import os
import sys
import xml.etree.ElementTree as ET


def screenshot_problems(root, screenshots_dir):
    found = []
    shots = root.findall("screenshots/screenshot")
    if len(shots) < 4:
        found.append(f"{len(shots)} screenshots; a software center wants at least 4")
    if len([s for s in shots if s.get("type") == "default"]) != 1:
        found.append("not exactly one default screenshot")
    for shot in shots:
        image = shot.findtext("image", "")
        name = image.rsplit("/", 1)[-1]
        if not image.startswith("https://"):
            found.append(f"screenshot {image!r} is not an https address")
        if not os.path.isfile(os.path.join(screenshots_dir, name)):
            found.append(f"screenshot {name} is not in {screenshots_dir}")
        if not shot.findtext("caption"):
            found.append(f"screenshot {name} has no caption")
    return found


def problems(root, screenshots_dir):
    found = screenshot_problems(root, screenshots_dir)
    if root.find("launchable[@type='desktop-id']") is None:
        found.append("no <launchable type='desktop-id'>")
    # AppStream 1.0: <developer id="..."><name>, no <developer_name>.
    developer = root.find("developer")
    if developer is None or not developer.get("id") or not developer.findtext("name"):
        found.append("no <developer id=...> with a <name>")
    if root.find("developer_name") is not None:
        found.append("<developer_name> is deprecated since AppStream 1.0: use <developer>")
    known = {"id", "metadata_license", "project_license", "name", "summary", "description", "developer",
             "screenshots", "launchable", "url", "content_rating", "releases", "provides", "recommends",
             "requires", "supports", "branding", "categories", "keywords", "translation", "update_contact"}
    for child in root:
        if child.tag not in known:
            found.append(f"unknown tag <{child.tag}> (AppStream 0.16 would only hint at it)")
    if root.find("content_rating[@type='oars-1.1']") is None:
        found.append("no OARS 1.1 content rating")
    releases = root.findall("releases/release")
    if not releases:
        found.append("no release")
    for release in releases:
        if not release.get("version") or not release.get("date"):
            found.append("a release without version or date")
        if release.find("description") is None:
            found.append(f"release {release.get('version')} has no notes")
    internet = root.find("supports/internet")
    if internet is None or internet.text != "offline-only":
        found.append("no <supports><internet>offline-only</internet></supports>")
    if root.find("requires/display_length") is None:
        found.append("no display_length")
    schemes = {c.get("scheme_preference") for c in root.findall("branding/color[@type='primary']")}
    if not {"light", "dark"} <= schemes:
        found.append("no primary branding colour for both light and dark")
    controls = {c.text for c in root.findall("supports/control")}
    if not {"keyboard", "pointing", "touch"} <= controls:
        found.append("supported controls must list keyboard, pointing and touch")
    return found


def main():
    path, screenshots_dir = sys.argv[1], sys.argv[2]
    print("1..1")
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        print(f"not ok 1 - cannot read {path}: {e}")
        return 1
    found = problems(root, screenshots_dir)
    for p in found:
        print(f"# {p}")
    print(f"{'not ok' if found else 'ok'} 1 - {path} has what a software center needs")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
