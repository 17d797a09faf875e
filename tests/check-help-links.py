#!/usr/bin/env python3
"""Every link in the help resolves, and every page can be reached.

For each language folder given: every xref="page" or xref="page#section"
names a page id (and a section id in it) that exists; every page other
than index links to exactly one guide, so yelp lists it under one trail
(and index to none); every page is installed
(listed in help/meson.build). TAP output, one test per page.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

MAL = "{http://projectmallard.org/1.0/}"


def read_pages(folder):
    pages = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".page"):
            root = ET.parse(os.path.join(folder, name)).getroot()
            sections = {s.get("id") for s in root.iter(MAL + "section") if s.get("id")}
            pages[root.get("id")] = (name, root, sections)
    return pages


def problems_in(page_id, root, pages, installed, name):
    found = []
    if name not in installed:
        found.append(f"{name} is not listed in help/meson.build")
    guides = root.findall(f"{MAL}info/{MAL}link[@type='guide']")
    if page_id != "index" and not guides:
        found.append(f"{name} has no guide link, so no page lists it")
    # One breadcrumb: yelp shows one trail per guide link, and a front
    # page that names a guide (itself) gets a trail of its own.
    if page_id == "index" and guides:
        found.append(f"{name} is the front page but links to a guide, so yelp shows a trail above it")
    if len(guides) > 1:
        found.append(f"{name} has {len(guides)} guide links, so yelp shows {len(guides)} trails")
    for element in root.iter():
        xref = element.get("xref")
        if xref is None:
            continue
        target, _, section = xref.partition("#")
        target = target or page_id
        if target not in pages:
            found.append(f"xref '{xref}' names no page")
        elif section and section not in pages[target][2]:
            found.append(f"xref '{xref}' names no section of {pages[target][0]}")
    return found


def main():
    meson_build, folders = sys.argv[1], sys.argv[2:]
    with open(meson_build, encoding="utf-8") as f:
        installed = set(re.findall(r"'([^']+\.page)'", f.read()))
    results = []
    for folder in folders:
        pages = read_pages(folder)
        for page_id, (name, root, _) in sorted(pages.items()):
            results.append((f"{os.path.basename(folder)}/{name}",
                            problems_in(page_id, root, pages, installed, name)))
    print(f"1..{len(results)}")
    failed = 0
    for number, (label, found) in enumerate(results, 1):
        for problem in found:
            print(f"# {label}: {problem}")
        print(f"{'not ok' if found else 'ok'} {number} - {label}: every link resolves")
        failed += bool(found)
    return 1 if failed or not results else 0


if __name__ == "__main__":
    sys.exit(main())
