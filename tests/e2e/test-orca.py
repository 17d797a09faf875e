#!/usr/bin/python3
"""The journey with a real screen reader: Orca, keyboard only.

Under Xvfb (meson runs this through xvfb-run), on a session bus of its own,
with openbox as window manager, the app is started, then Orca. Orca has
no speech server (nothing is spoken aloud, no speech-dispatcher runs), but
everything it would say is written to its debug log as "SPEECH OUTPUT:
'...'"; that log is the transcript. Only key presses (xdotool, through the X server as a keyboard
would) drive the app: no AT-SPI calls, no clicks. Each step asserts on
what Orca said, and the whole transcript is printed as TAP comments, so
meson keeps it in the test log.

A step that a stack (GTK 4.8 with Orca 43, GTK 4.18 with Orca 48, GTK 4.24
with Orca 51) cannot do is marked TODO there (an expected failure) with the
precise reason, never faked. Anything said that holds a GTK or libadwaita
class name fails a check of its own, and so does a control whose name is
said twice.

Usage: test-orca.py LDN-GUIDE-BINARY
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

TAP = sys.stdout

WORK = tempfile.mkdtemp(prefix="ldn-orca-")
PDF = os.path.join(WORK, "orca-sheet.pdf")
QUESTION = "Can I take it with my thyroid pills"

# HOME and the XDG folders are set before the session bus starts, so the
# bus, the accessibility bus it starts, Orca and the app all use them.
os.environ.update(HOME=WORK, XDG_CONFIG_HOME=os.path.join(WORK, "config"),
                  XDG_DATA_HOME=os.path.join(WORK, "data"), XDG_CACHE_HOME=os.path.join(WORK, "cache"),
                  XDG_RUNTIME_DIR=os.path.join(WORK, "runtime"), GSETTINGS_BACKEND="keyfile",
                  LDN_GUIDE_USER_DATA=os.path.join(WORK, "user.sqlite"), LANGUAGE="en", LANG="C.UTF-8",
                  # GTK 4.8 on X11 warns that it knows no screen positions
                  # when Orca asks; that must not abort the app.
                  G_DEBUG="fatal-criticals")
for name in ("NO_AT_BRIDGE", "GTK_A11Y"):
    os.environ.pop(name, None)
for folder in ("config/glib-2.0/settings", "data", "cache", "runtime"):
    os.makedirs(os.path.join(WORK, folder), mode=0o700)
with open(os.path.join(WORK, "config", "glib-2.0", "settings", "keyfile"), "w", encoding="utf-8") as f:
    f.write("[org/gnome/desktop/interface]\ntoolkit-accessibility=true\n")
    # This journey starts in the guide; the first-run steps ("Prepare for
    # Your Visit") are walked by the AT-SPI journey (test-journey.py).
    f.write("[io/github/ldnguide/LdnGuide]\noverview-seen=true\n")

LOG = os.path.join(WORK, "orca-debug.log")
processes = []
transcript = []     # (step name, [utterances])
results = []        # (step name, problem or None, todo reason or None)
_log_position = 0


def start(argv, **kwargs):
    process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, **kwargs)
    processes.append(process)
    return process


def said_since_last():
    """What Orca said since the last call."""
    global _log_position
    try:
        with open(LOG, encoding="utf-8", errors="replace") as log:
            log.seek(_log_position)
            text = log.read()
            _log_position = log.tell()
    except FileNotFoundError:
        return []
    # An utterance may span lines (a sheet page read in full): one line here.
    # Orca 43 writes the voice after the text ("{...}" or "voice=..."); Orca
    # 48 writes "None" when there is no speech server to choose one; Orca 51
    # writes no space before the voice.
    return [" ".join(m.group(1).split("\n")) for m in re.finditer(r"SPEECH OUTPUT: ' ?(.*?) ?' ?(?:\{|voice=|None$)", text,
                                                                 re.DOTALL | re.MULTILINE)]


# Orca with speech on but no speech server (nothing is spoken aloud, no
# speech-dispatcher is started): speech.speak() still logs each utterance
# as "SPEECH OUTPUT: '...'". Speech must stay on: with it off Orca logs
# focus changes but sends messages (what an app announces) to braille only.
# The log is line-buffered: "orca --debug-file" writes through a buffer,
# so what Orca said would show up seconds late, in 8 KiB lumps.
ORCA_LAUNCHER = r"""
import importlib, re, runpy, sys
log, orca, major = sys.argv[1], sys.argv[2], int(sys.argv[3])
if major >= 48:
    # Orca 48 and later's modules import each other in circles that only
    # work in the order Orca's own launcher imports them.
    with open(orca, encoding="utf-8") as launcher:
        for name in re.findall(r"^from orca import (\w+)$", launcher.read(), re.MULTILINE):
            importlib.import_module("orca." + name)
    importlib.import_module("orca.orca")
from orca import debug
try:
    from orca import speech
    speech.init = lambda: None
except ImportError:
    # Orca 50 and later: no speech module, a speech manager starts the server.
    from orca import speech_manager
    speech_manager.SpeechManager._init_server = lambda self: None
debug.debugLevel = debug.LEVEL_INFO
debug.debugFile = open(log, "w", buffering=1, encoding="utf-8")
sys.argv = [orca]
runpy.run_path(orca, run_name="__main__")
"""

# What Orca says when it echoes a key.
ECHO = {"shift+Tab": "left shift", "Tab": "tab", "Next": "page down", "Prior": "page up", "Return": "return", "space": "space",
        "Down": "down", "Up": "up", "Home": "home"}


ECHOES = set(ECHO.values()) | {"left shift", "left control", "left alt", "space", "tab", "return"} | \
    set("abcdefghijklmnopqrstuvwxyz0123456789")


def count_echoes(echo):
    # Orca 43 echoes a key as 'tab ' {…}, Orca 48 as 'tab' {…}, Orca 51 as 'tab'{…}.
    try:
        with open(LOG, encoding="utf-8", errors="replace") as log:
            return len(re.findall(f"SPEECH OUTPUT: ' ?{re.escape(echo)} ?' ?[{{N]", log.read()))
    except FileNotFoundError:
        return 0


def settle(quiet=0.8, longest=6.0):
    """Waits until Orca has finished with the last key: its log stops
    growing for QUIET seconds (at most LONGEST seconds)."""
    deadline = time.monotonic() + longest
    size, still_since = -1, time.monotonic()
    while time.monotonic() < deadline:
        now_size = os.path.getsize(LOG) if os.path.exists(LOG) else 0
        if now_size != size:
            size, still_since = now_size, time.monotonic()
        elif time.monotonic() - still_since >= quiet:
            return
        time.sleep(0.1)


class Step:
    def __init__(self, name):
        self.name = name
        self.heard = []

    def key(self, *keys):
        for key in keys:
            # Orca echoes each key it handles ("tab"); waiting for that echo
            # keeps the keys in step with Orca, however slow it is.
            echo = ECHO.get(key) or ECHO.get(key.split("+")[-1], key.split("+")[-1].lower())
            before = count_echoes(echo)
            subprocess.run(["xdotool", "key", "--clearmodifiers", key], check=True)
            deadline = time.monotonic() + 5
            while count_echoes(echo) <= before and time.monotonic() < deadline:
                time.sleep(0.1)
            settle(quiet=0.7 if key.endswith("Tab") else 1.5, longest=10)
            new = said_since_last()
            # A busy Orca can take a second or more to present the new focus.
            deadline = time.monotonic() + 3
            while all(u.strip() in ECHOES for u in new) and time.monotonic() < deadline:
                time.sleep(0.2)
                new += said_since_last()
            if not all(u.strip() in ECHOES for u in new):
                settle(quiet=0.5, longest=5)
                new += said_since_last()
            self.heard.extend(new)

    def type(self, text):
        subprocess.run(["xdotool", "type", "--delay", "40", text], check=True)
        settle()
        self.heard.extend(said_since_last())

    def spoken(self):
        return " | ".join(self.heard)

    def until(self, pattern, key="Tab", limit=40):
        """Presses KEY until Orca says something matching PATTERN (a
        regular expression); returns what matched. A person tabbing until
        they hear what they look for."""
        start_at = len(self.heard)
        for _ in range(limit):
            self.key(key)
            for utterance in self.heard[start_at:]:
                if re.search(pattern, utterance):
                    return utterance
        raise AssertionError(f"after {limit} × {key}, Orca never said /{pattern}/")

    def expect(self, pattern, since=0):
        """Orca said PATTERN during this step (waiting a little for it)."""
        deadline = time.monotonic() + 10
        while True:
            for utterance in self.heard[since:]:
                if re.search(pattern, utterance):
                    return utterance
            if time.monotonic() > deadline:
                raise AssertionError(f"Orca never said /{pattern}/")
            time.sleep(0.3)
            self.heard.extend(said_since_last())


ORCA_MAJOR = 0     # set by main()


def step(name, todo=None):
    """A journey step; TODO, if given, is why GTK 4.8 + Orca 43 cannot do it,
    or a function of ORCA_MAJOR returning why this Orca cannot (or None)."""
    def wrap(func):
        def run():
            current = Step(name)
            try:
                func(current)
                problem = None
            except Exception as error:  # the journey goes on; each step reports
                problem = f"{type(error).__name__}: {error}"
            transcript.append((name, current.heard))
            results.append((name, problem, todo(ORCA_MAJOR) if callable(todo) else todo))
        return run
    return wrap


def section(s, number):
    """Alt+NUMBER switches the section (the app's own shortcut)."""
    s.key(f"alt+{number}")


@step("read the first guide page and turn to the next")
def read_guide(s):
    s.until(r"What naltrexone is heading")
    s.until(r"Naltrexone is a medicine that blocks opioid receptors")
    s.key("ctrl+Next")
    s.expect(r"heading")
    s.expect(r"The standard dose: 50 mg heading|Page 2 of 15")


@step("read a row of the side-by-side table")
def table_row(s):
    # Page 4 compares the standard dose with LDN in a table.
    s.key("ctrl+Next", "ctrl+Next")
    s.expect(r"Page 4 of 15|heading")
    s.until(r"^[^|]*: [^|]*; [^|]*: ", limit=40)


@step("answer a teach-back question")
def teach_back(s):
    s.until(r"radio button", limit=40)
    mark = len(s.heard)
    s.key("space")
    s.expect(r"(Right|Not quite)\.", since=mark)


@step("set 3 mg every night and hear the chart summary")
def timeline(s):
    section(s, 2)
    # Orca 43 says a radio button's name and its role as two utterances;
    # Orca 48 says "3 mg not selected radio button." in one.
    s.until(r"^3 mg\.?( (not )?(selected )?(push button|radio button|toggle button)\.?)?$")
    s.key("space")
    s.until(r"Every Night")
    mark = len(s.heard)
    s.key("space")
    s.expect(r"selected|checked|pressed", since=mark)
    s.until(r"[Ee]very night.*(occupancy|block)|(occupancy|block).*every night", limit=30)


@step("hear the dose field's name and value, once")
def dose_field(s):
    # Still on the Timeline: back from the example doses to the dose field.
    heard = s.until(r"spin button", key="shift+Tab", limit=30)
    if heard.count("Dose (mg)") != 1 or not re.search(r"Dose \(mg\)( spin button)?[ .:]*3([.,]0)?\b", heard):
        raise AssertionError(f"the dose field was read as “{heard}”")


@step("tick a side effect and set how bad")
def side_effect(s):
    section(s, 3)
    # The check box itself: with GTK 4.18 Orca also reads the row that
    # holds it as "collapsed Noticed: Vivid dreams … check box".
    s.until(r"^Noticed: Vivid dreams", limit=40)
    mark = len(s.heard)
    s.key("space")
    s.expect(r"^checked", since=mark)
    # Back to the side effect's row, and open it.
    s.key("shift+Tab")
    s.expect(r"Vivid dreams or nightmares")
    mark = len(s.heard)
    s.key("Return")
    s.expect(r"expanded", since=mark)
    s.until(r"Severity: Vivid dreams or nightmares: Not set", limit=10)
    # Open the drop-down, go one down, choose.
    s.key("space")
    s.key("Down")
    mark = len(s.heard)
    s.key("Return")
    s.expect(r"Severity: Vivid dreams or nightmares: Mild", since=mark)


@step("answer the opioid question and hear why it matters")
def opioid(s):
    # The safety questions are in Prepare's "My Situation and Safety" step.
    section(s, 5)
    s.until(r"My Situation and Safety", limit=40)
    s.key("Return")
    s.until(r"Safety Questions page tab", limit=60)
    s.key("space")
    s.until(r"Yes: Do you take any opioid medicine", limit=20)
    mark = len(s.heard)
    s.key("space")
    s.expect(r"^selected|Yes.*selected", since=mark)
    s.expect(r"Why it matters: ", since=mark)


@step("add a question")
def add_question(s):
    section(s, 3)
    s.until(r"My Questions page tab", key="shift+Tab", limit=60)
    s.key("space")
    s.until(r"Your own question", limit=40)
    s.type(QUESTION)
    mark = len(s.heard)
    s.key("Return")
    s.expect(r"Question added", since=mark)


@step("hear the paper size and the sheet's first page in full")
def sheet_page(s):
    section(s, 4)
    s.until(r"Preview of page 1 of \d+", limit=40)
    s.expect(r"This page holds: .*Flags")
    # The page is read in full, not only its headings (issue 15) ...
    s.expect(r"What to monitor:")
    # ... and on the way there, the paper size said with its value.
    s.expect(r"Paper Size: (A4|US Letter)")


@step("save the PDF")
def save_pdf(s):
    section(s, 4)
    s.until(r"Save as PDF", limit=40)
    s.key("Return")
    # The file chooser opens with focus on the name, which Orca reads.
    s.expect(r"ldn-discussion-sheet|Save Sheet as PDF")
    s.key("ctrl+a")
    s.type(PDF)
    mark = len(s.heard)
    s.key("Return")
    deadline = time.monotonic() + 20
    while not (os.path.exists(PDF) and os.path.getsize(PDF) > 0):
        if time.monotonic() > deadline:
            raise AssertionError("no PDF was written")
        time.sleep(0.3)
    s.expect(r"Saved as .orca-sheet.pdf.", since=mark)


CLASS_NAME = re.compile(r"\b(Gtk|Adw)[A-Z][A-Za-z]+")
# What Orca says for a control ends with its role; a name said twice in it
# ("Add Question Add question Add Question") is a doubled name.
CONTROL = re.compile(r"(push button|toggle button|radio button|check box|spin button|combo box|slider|entry|menu item)\.?$")


def doubled_name(utterance):
    """The words said twice in what Orca says for one control, or None."""
    if len(utterance) > 160 or not CONTROL.search(utterance):
        return None
    words = re.findall(r"[\w()]+", utterance.lower())
    for size in range(len(words) // 2, 1, -1):
        seen = set()
        for i in range(len(words) - size + 1):
            chunk = tuple(words[i:i + size])
            if chunk in seen and len(" ".join(chunk)) >= 6:
                return " ".join(chunk)
            seen.add(chunk)
    return None


STEPS = [read_guide, table_row, teach_back, timeline, dose_field, side_effect, opioid, add_question, sheet_page, save_pdf]


def wait_for(condition, what, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def main():
    binary = sys.argv[1]
    for tool in ("orca", "openbox", "xdotool", "dbus-daemon"):
        if shutil.which(tool) is None:
            print(f"1..0 # SKIP {tool} is not installed (build-aux/ldn-dev test installs it)", file=TAP)
            return 0

    # The speech capture patches Orca's speech module: written for Orca 43
    # (Debian 12), it works with 48 (trixie) and 51 (sid) too, whose log
    # lines differ a little (see said_since_last and count_echoes).
    version = subprocess.run(["orca", "--version"], capture_output=True, text=True).stdout.strip()
    major = re.search(r"(\d+)\.", version)
    if major is None or int(major.group(1)) < 43:
        print(f"1..0 # SKIP the speech capture needs Orca 43 or later, not {version or 'this Orca'}", file=TAP)
        return 0
    print(f"# {version}", file=TAP)
    global ORCA_MAJOR
    ORCA_MAJOR = int(major.group(1))

    quiet = subprocess.DEVNULL
    bus = start(["dbus-daemon", "--session", "--nofork", "--print-address=1"], stdout=subprocess.PIPE,
                stderr=quiet)
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().decode().strip()
    app_log = open(os.path.join(WORK, "app.log"), "w", encoding="utf-8")
    try:
        start(["openbox"], stdout=quiet, stderr=quiet)
        time.sleep(0.5)
        # The app first, so it is on the accessibility bus when Orca looks.
        app = start([binary], cwd=WORK, stdout=app_log, stderr=app_log)
        time.sleep(3)
        orca_log = open(os.path.join(WORK, "orca.stderr"), "w", encoding="utf-8")
        start(["/usr/bin/python3", "-c", ORCA_LAUNCHER, LOG, shutil.which("orca"), major.group(1)], stdout=orca_log, stderr=orca_log)
        wait_for(lambda: os.path.exists(LOG) and "LDN Guide frame" in open(LOG, errors="replace").read(),
                 "Orca to present the LDN Guide window", 40)
        settle(quiet=1.5, longest=10)
        transcript.append(("start", said_since_last()))
        for run in STEPS:
            if app.poll() is not None:
                results.append((run.__name__, f"the app exited ({app.returncode})", None))
                continue
            run()
        # GTK 4.8 names a widget that has no name by its class, and Orca
        # reads it ("GtkStackPage panel", "GtkImage Back to the steps").
        leaks = [f"{name}: “{u}”" for name, heard in transcript for u in heard if CLASS_NAME.search(u)]
        results.append(("no GTK or libadwaita class name was said",
                        "said: " + "; ".join(leaks[:6]) if leaks else None, None))
        doubled = [f"{name}: “{u}” says “{doubled_name(u)}” twice" for name, heard in transcript for u in heard
                   if doubled_name(u)]
        # Orca 43 says a name, the role and state, then the description:
        # a description that only repeats the name is the name said twice.
        doubled += [f"{name}: “{a}”, “{b}”, “{c}”" for name, heard in transcript
                    for a, b, c in zip(heard, heard[1:], heard[2:])
                    if CONTROL.search(b) and a.strip(" .") == c.strip(" .") and a.strip(" .") not in ECHOES]
        results.append(("no control's name was said twice",
                        "; ".join(doubled[:6]) if doubled else None, None))
        # GTK 4.10+ gives a selectable label a popup (its Copy menu):
        # Orca 48 said "opens popup" after every paragraph of the guide.
        # Not checked: GTK's own file chooser (the last step), whose name
        # field does offer a popup (Orca 51 says "N opens popup" as the
        # name is typed), and controls that do open one.
        popups = [f"{name}: “{u}”" for name, heard in transcript if name != "save the PDF" for u in heard
                  if re.search(r"\S.* opens popup\.?$", u) and not re.search(r"button", u)]
        results.append(("no paragraph was read as opening a popup",
                        "; ".join(popups[:6]) if popups else None, None))
    except AssertionError as error:
        results.append(("start Orca with the app", str(error), None))
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in reversed(processes):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        app_log.close()

    print("# What Orca said, step by step:", file=TAP)
    for name, heard in transcript:
        print(f"# == {name}", file=TAP)
        for utterance in heard:
            print(f"#   {utterance}", file=TAP)
    with open(os.path.join(WORK, "app.log"), encoding="utf-8", errors="replace") as f:
        problems = [line.rstrip() for line in f if "CRITICAL" in line or "ERROR" in line]
    for line in problems:
        print(f"# app: {line}", file=TAP)
    if any(problem for _, problem, todo in results if not todo):
        with open(os.path.join(WORK, "orca.stderr"), encoding="utf-8", errors="replace") as f:
            for line in f.readlines()[-15:]:
                print(f"# orca: {line.rstrip()}", file=TAP)
    if os.environ.get("LDN_ORCA_KEEP"):
        print(f"# kept {WORK}", file=TAP)
    else:
        shutil.rmtree(WORK, ignore_errors=True)

    print(f"1..{len(results)}", file=TAP)
    failed = False
    for number, (name, problem, todo) in enumerate(results, 1):
        if problem:
            print(f"# {problem}", file=TAP)
        if todo:
            print(f"{'not ok' if problem else 'ok'} {number} - {name} # TODO {todo}", file=TAP)
        else:
            print(f"{'not ok' if problem else 'ok'} {number} - {name}", file=TAP)
            failed = failed or bool(problem)
    return 1 if failed or not results else 0


if __name__ == "__main__":
    sys.exit(main())
