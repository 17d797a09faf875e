#!/usr/bin/env python3
"""Check what a software center needs from the metainfo and that
Debian 12's appstreamcli does not enforce: a dated release with notes,
the launchable, an OARS rating and the offline-only promise."""
import sys
import xml.etree.ElementTree as ET


def problems(root):
    found = []
    if root.find("launchable[@type='desktop-id']") is None:
        found.append("no <launchable type='desktop-id'>")
    if root.find("developer_name") is None and root.find("developer") is None:
        found.append("no developer")
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
    return found


def main():
    path = sys.argv[1]
    print("1..1")
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        print(f"not ok 1 - cannot read {path}: {e}")
        return 1
    found = problems(root)
    for p in found:
        print(f"# {p}")
    print(f"{'not ok' if found else 'ok'} 1 - {path} has what a software center needs")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
