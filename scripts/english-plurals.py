#!/usr/bin/env python3
"""Fills in the English plural forms of translations/tokendesk_en.ts.

Source strings are written "%n token(s)"; English needs "1 token" and "2 tokens". Qt takes
plural forms from a translation, so the English one carries them. With --check, nothing is
written and the exit status says whether every plural message is filled in correctly.
"""
import re
import sys
import xml.etree.ElementTree as ET

WORD_PLURALS = {"entry(s)": ("entry", "entries"), "(es)": ("", "es")}


def forms(source):
    singular, plural = source, source
    for pattern, (one, many) in WORD_PLURALS.items():
        singular = singular.replace(pattern, one)
        plural = plural.replace(pattern, many)
    return singular.replace("(s)", ""), plural.replace("(s)", "s")


def main():
    args = [a for a in sys.argv[1:] if a != "--check"]
    check = "--check" in sys.argv
    path = args[0] if args else "translations/tokendesk_en.ts"
    tree = ET.parse(path)
    problems = []
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source")
        expected = forms(source)
        translation = message.find("translation")
        actual = tuple((f.text or "") for f in translation.findall("numerusform"))
        if check:
            if actual != expected or translation.get("type") is not None:
                problems.append(source)
            continue
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        translation.text = "\n            "
        for i, text in enumerate(expected):
            form = ET.SubElement(translation, "numerusform")
            form.text = text
            form.tail = "\n            " if i == 0 else "\n        "
    if check:
        for source in problems:
            print(f"{path}: plural forms missing or stale for: {source}")
        if problems:
            print("Run: scripts/dev.sh translations")
        return 1 if problems else 0
    body = ET.tostring(tree.getroot(), encoding="unicode")
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
