#!/usr/bin/python3
"""The whole journey through the real app, driven through AT-SPI.

Runs /usr/bin/python3 with Debian's dogtail and pyatspi under Xvfb, on
a session bus of its own, with toolkit accessibility on. Every control
is found by its accessible name, as a screen reader user would find it;
a control that cannot be found by name is a failure. The journey: walk
the guide to its end, play and pause the timeline and pick a dose, tick a
side effect, answer a safety question, add a question of one's own, and
save the discussion sheet as PDF through the file chooser; then the PDF
must hold what was entered. TAP output, one test per step.

Usage: test-journey.py LDN-GUIDE-BINARY
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

# dogtail prints notes of its own; only the TAP lines go to stdout.
TAP = sys.stdout
sys.stdout = sys.stderr

WORK = tempfile.mkdtemp(prefix="ldn-journey-")
SETTINGS = os.path.join(WORK, "config", "glib-2.0", "settings")
os.makedirs(SETTINGS)
with open(os.path.join(SETTINGS, "keyfile"), "w", encoding="utf-8") as f:
    # dogtail refuses to run unless toolkit accessibility is on.
    f.write("[org/gnome/desktop/interface]\ntoolkit-accessibility=true\n")
    # Tall enough that the first side effect sits below the warning signs on
    # screen: GTK 4.8 check boxes can only be clicked where they are shown.
    f.write("[io/github/ldnguide/LdnGuide]\nwindow-height=1000\n")
os.environ.update(XDG_CONFIG_HOME=os.path.join(WORK, "config"), GSETTINGS_BACKEND="keyfile",
                  LDN_GUIDE_USER_DATA=os.path.join(WORK, "user.sqlite"), GTK_A11Y="atspi",
                  HOME=WORK, LANGUAGE="en",
                  # Asked for screen positions, GTK 4.8 on X11 warns that it has
                  # none; that warning must not abort the app, criticals still do.
                  G_DEBUG="fatal-criticals")
os.environ.pop("NO_AT_BRIDGE", None)

# A private session bus whose services (the accessibility registry among
# them) print to a pipe of their own rather than into the TAP output.
BUS = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
os.environ["DBUS_SESSION_BUS_ADDRESS"] = BUS.stdout.readline().decode().strip()

import pyatspi  # noqa: E402
from dogtail import config, tree  # noqa: E402

config.config.logDebugToFile = False
config.config.logDebugToStdOut = False
config.config.searchCutoffCount = 10
config.config.searchBackoffDuration = 0.3
config.config.actionDelay = 0.3

results = []
QUESTION = "Could my cough syrup contain an opioid?"
SUGGESTED = "Could any medicine I take now contain an opioid?"
PDF = os.path.join(WORK, "journey-sheet.pdf")


def step(name):
    def wrap(func):
        def run(app):
            try:
                func(app)
                results.append((name, None))
            except Exception as error:  # the journey goes on; each step reports
                results.append((name, f"{type(error).__name__}: {error}"))
        run.step_name = name
        return run
    return wrap


def wait_for(condition, what, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


# Roles by what they are, not by the words AT-SPI uses for them: Debian
# 12's at-spi2-core says "push button", newer ones (trixie, sid) "button"
# for the same ATSPI_ROLE_PUSH_BUTTON. A control of another role still fails.
ROLES = {
    "push button": pyatspi.ROLE_PUSH_BUTTON,
    "toggle button": pyatspi.ROLE_TOGGLE_BUTTON,
    "check box": pyatspi.ROLE_CHECK_BOX,
    "radio button": pyatspi.ROLE_RADIO_BUTTON,
    "page tab": pyatspi.ROLE_PAGE_TAB,
    "text": pyatspi.ROLE_TEXT,
    "entry": pyatspi.ROLE_ENTRY,
    "label": pyatspi.ROLE_LABEL,
    "list item": pyatspi.ROLE_LIST_ITEM,
    "table row": pyatspi.ROLE_TABLE_ROW,
    # GTK 4.10+ gives list box rows ATSPI_ROLE_LIST_ITEM too; "row" is
    # kept for the words newer at-spi2-core uses for the same role.
    "row": pyatspi.ROLE_LIST_ITEM,
}


def has_role(node, roles):
    return node.getRole() in {ROLES[role] for role in roles}


def named(parent, name, roles):
    """The first control called NAME with one of ROLES, or a failure.

    GTK 4.8 appends a button's visible text to the name it was given
    ("Previous page Back"), so a name may be followed by more words; in
    its own dialogs the name keeps the mnemonic's "_" ("_Save Save")."""
    def match(node):
        spoken = node.name.replace("_", "")
        return (spoken == name or spoken.startswith(name + " ")) and has_role(node, roles)
    found = parent.findChild(match, retry=True, requireResult=False)
    if found is None:
        raise AssertionError(f"no {'/'.join(roles)} named “{name}”")
    return found


def press(node):
    for action in ("click", "activate", "press", "toggle"):
        if action in node.actions:
            node.doActionNamed(action)
            return
    # GTK 4.8 gives check boxes no AT-SPI action: do what a keyboard user
    # does, focus the control and press Space.
    # GTK 4.8 gives check boxes no AT-SPI action and cannot be focused
    # through AT-SPI either: click where the control is on screen.
    if node.size[0] > 0:
        node.click()
        return
    raise AssertionError(f"“{node.name}” ({node.roleName}) can be neither pressed nor clicked")


def is_checked(node):
    return node.getState().contains(pyatspi.STATE_CHECKED)


def section(app, name):
    press(named(app, name, ("page tab", "toggle button", "push button")))


ROW = ("list item", "table row", "push button", "row")


# GTK 4.8 names a nameless widget whose role is not a container's by its
# class ("LdnSituationView filler"), and Orca reads it. The app's own classes
# must not be; GTK's and libadwaita's own parts are theirs to fix.
TYPE_NAME = re.compile(r"^Ldn[A-Z][A-Za-z]+$")


def type_named(root):
    """Nodes named by one of the app's class names ("LdnSituationView")."""
    return [f"{n.getRoleName()} “{n.name}”" for n in pyatspi.utils.findAllDescendants(root, lambda n: bool(
        TYPE_NAME.match(n.name or "")))]


@step("the steps are named once, and no view is named by its class")
def names_said_once(app):
    titles = ("Learn About LDN", "My Situation and Safety", "What Matters to Me", "Understanding an Off-Label Medicine",
              "Where I Stand", "My Questions", "My Discussion Sheet")
    problems = [f"the step is called “{row.name}”, not “{title}”"
                for title in titles for row in [named(app, title, ROW)] if row.name != title]
    press(named(app, "My Situation and Safety", ROW))
    named(app, "Medicine name", ("text", "entry"))
    leaks = type_named(app)
    if leaks:
        problems.append("named by their class: " + ", ".join(leaks))
    press(named(app, "Back to the steps", ("push button",)))
    time.sleep(1.5)  # the slide back to the steps
    if problems:
        raise AssertionError("; ".join(problems))


@step("the first run opens Prepare for Your Visit: list co-codamol and see it flagged at once")
def prepare_medicine(app):
    press(named(app, "My Situation and Safety", ROW))
    named(app, "Medicine name", ("text", "entry")).text = "co-codamol 30/500"
    named(app, "Dose", ("text", "entry")).text = "2 tablets"
    named(app, "How often", ("text", "entry")).text = "four times a day"
    press(named(app, "Add medicine", ("push button",)))
    wait_for(lambda: app.findChild(lambda n: "looks like an opioid medicine" in (n.name or ""), requireResult=False,
                                   retry=False), "the opioid flag")
    press(named(app, "Back to the steps", ("push button",)))
    time.sleep(1.5)  # the slide back to the steps
    press(named(app, "Learn About LDN", ROW))
    wait_for(lambda: app.findChild(lambda n: n.name.startswith("Next page"), requireResult=False, retry=False),
             "the guide")


@step("walk the guide from the first page to All sources")
def walk_guide(app):
    next_button = named(app, "Next page", ("push button",))
    for page in range(2, 15):
        press(next_button)
        wait_for(lambda: app.findChild(lambda n: n.name == f"{page} of 15", requireResult=False, retry=False),
                 f"progress “{page} of 15”")
    press(next_button)
    # The progress under the page, which reads "All Sources" on the last page.
    wait_for(lambda: app.findChild(lambda n: n.name == "All Sources" and has_role(n, ("push button", "toggle button",
                                                                                        "label")),
                                   requireResult=False, retry=False), "the All sources page")


@step("play, pause and play the timeline, and pick 3 mg")
def play_timeline(app):
    section(app, "Timeline")
    press(named(app, "3 mg", ("push button", "radio button", "toggle button")))
    # One button that reads "Pause the timeline" while the 9 s sweep plays
    # and "Play the timeline" otherwise. A slow (sanitizer) build can take
    # longer than the sweep to walk the tree, so each press is checked
    # against what the button said just before it, not against a guess.
    names = ("Play the timeline", "Pause the timeline")
    button = wait_for(lambda: app.findChild(
        lambda n: has_role(n, ("push button",)) and n.name.replace("_", "").startswith(names),
        requireResult=False, retry=False), "the play/pause button")
    for _ in range(3):
        before = button.name
        wanted = names[0] if before.startswith(names[1]) else names[1]
        press(button)
        wait_for(lambda: button.name.startswith(wanted), f"the button to read “{wanted}” after “{before}”")


@step("tick a side effect")
def tick_side_effect(app):
    section(app, "Side Effects")
    box = named(app, "Noticed: Vivid dreams or nightmares", ("check box",))
    press(box)
    wait_for(lambda: is_checked(box), "the side effect to be ticked")


@step("answer the opioid safety question Yes")
def answer_safety(app):
    # Only in Prepare's "My Situation and Safety" step, never under Side Effects.
    section(app, "Prepare")
    press(named(app, "My Situation and Safety", ROW))
    press(named(app, "Safety Questions", ("page tab", "toggle button")))
    yes = named(app, "Yes: Do you take any opioid medicine, even now and then?",
                ("push button", "toggle button", "radio button"))
    press(yes)
    wait_for(lambda: is_checked(yes) or yes.getState().contains(pyatspi.STATE_PRESSED), "Yes to be chosen")


@step("add a question of one's own")
def add_question(app):
    section(app, "Side Effects")
    press(named(app, "My Questions", ("page tab", "toggle button")))
    entry = named(app, "Your own question", ("text", "entry"))
    entry.text = QUESTION
    press(named(app, "Add question", ("push button",)))
    wait_for(lambda: app.findChild(lambda n: n.name == QUESTION, requireResult=False, retry=False),
             "the question in the list")


@step("add a suggested question by its button's full name")
def add_suggested(app):
    # Eight buttons show "Add"; each must be told apart by its name.
    add = named(app, f"Add the question: {SUGGESTED}", ("push button",))
    press(add)
    wait_for(lambda: not add.getState().contains(pyatspi.STATE_SENSITIVE), "the suggestion to be added")


@step("save the discussion sheet as PDF through the file chooser")
def save_sheet(app):
    section(app, "Discussion Sheet")
    press(named(app, "Save as PDF", ("push button",)))
    # GTK 4.8 reports the dialog window with the role "filler".
    dialog = wait_for(lambda: next((w for w in app.children if w.name == "Save Sheet as PDF"), None),
                      "the file chooser")
    name = named(dialog, "Name:", ("text", "entry"))
    name.text = PDF
    press(named(dialog, "Save", ("push button",)))
    wait_for(lambda: os.path.exists(PDF) and os.path.getsize(PDF) > 0, "the PDF file", timeout=20)


@step("the sheet's paper size says its value, and page 1 of the preview reads in full")
def sheet_read_in_full(app):
    section(app, "Discussion Sheet")
    paper = wait_for(lambda: app.findChild(lambda n: (n.name or "").startswith("Paper Size"), requireResult=False,
                                           retry=False), "the paper size")
    if paper.name not in ("Paper Size: A4", "Paper Size: US Letter"):
        raise AssertionError(f"the paper size ({paper.getRoleName()}) is called “{paper.name}”")
    page = wait_for(lambda: app.findChild(lambda n: (n.name or "").startswith("Preview of page 1 of"),
                                          requireResult=False, retry=False), "the preview of page 1")
    said = page.description or ""
    for expected in ("LDN: summary for the doctor", "Takes co-codamol 30/500, 2 tablets, four times a day: opioid",
                     "What to monitor:"):
        if expected not in said:
            raise AssertionError(f"the preview of page 1 does not say “{expected}”: {said[:200]}")


@step("the PDF holds what was entered")
def check_pdf(app):
    text = subprocess.run(["pdftotext", "-layout", PDF, "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    for expected in ("LDN: summary for the doctor", "Takes co-codamol 30/500, 2 tablets, four times a day: opioid",
                     "Flags for the doctor", "Do you take any opioid medicine", "Side effects I have noticed",
                     QUESTION, SUGGESTED, "Estimated receptor occupancy after one 3 mg dose"):
        if expected not in flat:
            raise AssertionError(f"“{expected}” is not in the PDF")


def main():
    binary = sys.argv[1]
    steps = [names_said_once, prepare_medicine, walk_guide, play_timeline, tick_side_effect, answer_safety,
             add_question, add_suggested, save_sheet, sheet_read_in_full, check_pdf]
    app_process = subprocess.Popen([binary], cwd=WORK)
    try:
        app = wait_for(lambda: next((a for a in tree.root.applications() if a.name == "ldn-guide"), None),
                       "the app on the accessibility bus", timeout=30)
        for run in steps:
            run(app)
    except AssertionError as error:
        results.append(("find the app on the accessibility bus", str(error)))
    finally:
        app_process.terminate()
        app_process.wait()
        BUS.terminate()
        BUS.wait()
        shutil.rmtree(WORK, ignore_errors=True)

    print(f"1..{len(results)}", file=TAP)
    for number, (name, problem) in enumerate(results, 1):
        if problem:
            print(f"# {problem}", file=TAP)
        print(f"{'not ok' if problem else 'ok'} {number} - {name}", file=TAP)
    return 0 if results and not any(p for _, p in results) else 1


if __name__ == "__main__":
    sys.exit(main())
