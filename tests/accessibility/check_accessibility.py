#!/usr/bin/python3
"""Checks the accessible tree of a running TokenDesk window over AT-SPI.

Fails (exit 1) when an interactive control that is showing has no accessible name, or when
an expected validation message is not exposed: as the text of a label (or text field), and
as the description of the field it is about.

Expectations come from the driver's output (see a11y_driver.cpp):
    expect-text<TAB>MESSAGE
    expect-description<TAB>NAME<TAB>MESSAGE

Run with the system Python (Debian's python3-pyatspi): /usr/bin/python3.
"""

import argparse
import re
import sys
import time

try:
    import pyatspi
except ImportError as error:  # a clear failure, never a silent skip
    print("check_accessibility: pyatspi is not available (%s); install the Debian package "
          "python3-pyatspi and run with /usr/bin/python3" % error, file=sys.stderr)
    sys.exit(1)


def _roles(*names):
    # Some roles only exist in newer AT-SPI versions.
    return {getattr(pyatspi, name) for name in names if hasattr(pyatspi, name)}


# What a user operates: each of these must have a name when it is on screen. Table cells and
# list items are left out: they are named by their text (an empty cell is legitimately empty).
INTERACTIVE_ROLES = _roles(
    "ROLE_PUSH_BUTTON", "ROLE_PUSH_BUTTON_MENU", "ROLE_TOGGLE_BUTTON", "ROLE_CHECK_BOX",
    "ROLE_RADIO_BUTTON", "ROLE_COMBO_BOX", "ROLE_TEXT", "ROLE_ENTRY", "ROLE_PASSWORD_TEXT",
    "ROLE_SPIN_BUTTON", "ROLE_LIST", "ROLE_LIST_BOX", "ROLE_TABLE", "ROLE_TREE",
    "ROLE_TREE_TABLE", "ROLE_PAGE_TAB", "ROLE_MENU", "ROLE_MENU_ITEM", "ROLE_CHECK_MENU_ITEM",
    "ROLE_RADIO_MENU_ITEM", "ROLE_SLIDER")

# Where a message shown to the user may live.
TEXT_ROLES = _roles(
    "ROLE_LABEL", "ROLE_STATIC", "ROLE_TEXT", "ROLE_ENTRY", "ROLE_PARAGRAPH", "ROLE_HEADING",
    "ROLE_STATUS_BAR", "ROLE_ALERT", "ROLE_NOTIFICATION")

MAX_DEPTH = 80
MAX_CHILDREN = 2000

# A mnemonic marker that reached a name ("Permitted &URLs"): read out as "ampersand", and a
# sign that the label lost its buddy. "&&" is an escaped ampersand, a spaced one is prose.
STRAY_MNEMONIC = re.compile(r"(?<!&)&(?!&)\w")


def labelled_by(acc):
    """Names of the labels an AT-SPI relation ties to acc (a label whose buddy acc is)."""
    names = []
    try:
        for relation in acc.getRelationSet():
            if relation.getRelationType() != pyatspi.RELATION_LABELLED_BY:
                continue
            for index in range(relation.getNTargets()):
                target = relation.getTarget(index)
                if target is not None and target.name:
                    names.append(target.name)
    except Exception:
        pass
    return names


class Node:
    __slots__ = ("role", "role_name", "name", "description", "text", "ident", "path", "showing",
                 "labels")

    def __init__(self, acc, path):
        self.role = acc.getRole()
        self.role_name = acc.getRoleName()
        self.name = acc.name or ""
        self.description = acc.description or ""
        self.showing = acc.getState().contains(pyatspi.STATE_SHOWING)
        self.labels = labelled_by(acc) if self.role in INTERACTIVE_ROLES else []
        self.text = ""
        if self.role in TEXT_ROLES:
            try:
                text = acc.queryText()
                self.text = text.getText(0, text.characterCount) or ""
            except NotImplementedError:
                pass
        self.ident = ""
        try:
            self.ident = acc.get_accessible_id() or ""
        except Exception:  # older libatspi, or no id
            pass
        self.path = path

    def label(self):
        """The role, and what else may tell a reader which widget it is."""
        what = self.role_name
        if self.ident:
            what += " id=%s" % self.ident
        if self.description:
            what += ", description %r" % self.description[:60]
        if self.text:
            what += ", text %r" % self.text[:60]
        return what


def normalise(text):
    return " ".join(text.split())


def step(node, index):
    if node.name:
        return "%s '%s'" % (node.role_name, node.name[:40])
    return "%s[%d]" % (node.role_name, index)


def walk(acc, path, depth, out):
    """Collects the showing nodes below acc (a hidden node's children are hidden too)."""
    try:
        node = Node(acc, path)
    except Exception:  # the object went away while we looked
        return
    if not node.showing and node.role != pyatspi.ROLE_APPLICATION:
        return
    out.append(node)
    if depth >= MAX_DEPTH:
        return
    try:
        count = min(acc.childCount, MAX_CHILDREN)
    except Exception:
        return
    for index in range(count):
        try:
            child = acc.getChildAtIndex(index)
        except Exception:
            continue
        if child is None:
            continue
        try:
            child_step = step(Node(child, ""), index)
        except Exception:
            continue
        walk(child, path + [child_step], depth + 1, out)


def find_application(pid, name):
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        try:
            app = desktop.getChildAtIndex(index)
            if app is None:
                continue
            if pid and app.get_process_id() == pid:
                return app
            if not pid and name and app.name == name:
                return app
        except Exception:
            continue
    return None


def read_expectations(path):
    texts, descriptions = [], []
    if not path:
        return texts, descriptions
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "expect-text" and len(fields) == 2:
                texts.append(fields[1])
            elif fields[0] == "expect-description" and len(fields) == 3:
                descriptions.append((fields[1], fields[2]))
    return texts, descriptions


def check(nodes, texts, descriptions):
    problems = []
    for node in nodes:
        where = " > ".join(node.path)
        # A label tied by a relation names a control for a screen reader too.
        if node.role in INTERACTIVE_ROLES and not node.name.strip() and not node.labels:
            problems.append("no accessible name: %s\n      at %s" % (node.label(), where))
        if (node.role in INTERACTIVE_ROLES or node.role in TEXT_ROLES) \
                and STRAY_MNEMONIC.search(node.name):
            problems.append("mnemonic '&' in the accessible name %r: %s\n      at %s"
                            % (node.name, node.label(), where))
    for message in texts:
        wanted = normalise(message)
        if not any(node.role in TEXT_ROLES
                   and (wanted in normalise(node.name) or wanted in normalise(node.text))
                   for node in nodes):
            problems.append("validation message not exposed as text: %r" % message)
    for name, message in descriptions:
        named = [node for node in nodes if node.name == name]
        if not named:
            problems.append("no showing node named %r (expected to describe %r)" % (name, message))
        elif not any(normalise(message) in normalise(node.description) for node in named):
            problems.append("%s %r does not have %r in its description (it has %r)"
                            % (named[0].role_name, name, message, named[0].description))
    return problems


def notes(nodes):
    """Not failures: things a reviewer may want to know about."""
    found = []
    # Qt names a combo box by its current value on Linux (setAccessibleName does not reach
    # AT-SPI); what it is for comes only from a label tied to it (QLabel::setBuddy).
    unlabelled = [node.name for node in nodes
                  if node.role == pyatspi.ROLE_COMBO_BOX and not node.labels]
    if unlabelled:
        found.append("%d combo box(es) without a label relation, read by value only: %s"
                     % (len(unlabelled), ", ".join(repr(name) for name in unlabelled)))
    return found


def dump(nodes, stream):
    for node in nodes:
        extra = ""
        if node.labels:
            extra += " labelled-by=%r" % node.labels
        if node.description:
            extra += " desc=%r" % node.description
        if node.text and node.text != node.name:
            extra += " text=%r" % node.text[:80]
        if node.ident:
            extra += " id=%s" % node.ident
        print("%s%s %r%s" % ("  " * len(node.path), node.role_name, node.name, extra), file=stream)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pid", type=int, default=0, help="process id of the application")
    parser.add_argument("--name", default="", help="application name, when no pid is given")
    parser.add_argument("--expect", default="", help="file with the driver's expectations")
    parser.add_argument("--scenario", default="", help="shown in the report")
    parser.add_argument("--timeout", type=float, default=20.0,
                        help="seconds to wait for the application to appear")
    parser.add_argument("--settle", type=float, default=6.0,
                        help="seconds to look again while the tree is incomplete")
    parser.add_argument("--dump", action="store_true", help="print the tree")
    args = parser.parse_args()
    if not args.pid and not args.name:
        parser.error("give --pid or --name")

    texts, descriptions = read_expectations(args.expect)
    deadline = time.monotonic() + args.timeout
    app = None
    while app is None and time.monotonic() < deadline:
        app = find_application(args.pid, args.name)
        if app is None:
            time.sleep(0.2)
    if app is None:
        print("check_accessibility: the application (pid %d) did not appear on the AT-SPI bus; "
              "is the accessibility bus running and QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 set?"
              % args.pid, file=sys.stderr)
        return 1

    # The tree fills in as the application answers; look again until it passes or time is up.
    deadline = time.monotonic() + args.settle
    while True:
        nodes = []
        walk(app, [step(Node(app, ""), 0)], 0, nodes)
        windows = [node for node in nodes if len(node.path) == 2]
        problems = check(nodes, texts, descriptions)
        if windows and not problems:
            break
        if time.monotonic() >= deadline:
            break
        time.sleep(0.5)

    if args.dump:
        dump(nodes, sys.stdout)
    interactive = sum(1 for node in nodes if node.role in INTERACTIVE_ROLES)
    prefix = "[%s] " % args.scenario if args.scenario else ""
    for note in notes(nodes):
        print("%snote: %s" % (prefix, note))
    if not windows:
        print("%sFAIL: the application shows no window" % prefix)
        return 1
    if problems:
        print("%sFAIL: %d problem(s) among %d showing nodes (%d interactive):"
              % (prefix, len(problems), len(nodes), interactive))
        for problem in problems:
            print("  - " + problem)
        return 1
    print("%sOK: %d showing nodes, %d interactive, all named; %d message(s) and %d "
          "description(s) found" % (prefix, len(nodes), interactive, len(texts), len(descriptions)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
