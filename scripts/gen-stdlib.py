#!/usr/bin/env python3
"""Generate stdlib/iso27001-2022.isms from the ISO/IEC 27001:2022 reference data.

Usage:
    scripts/gen-stdlib.py [DATA_DIR] [--check]

DATA_DIR defaults to ``../shared/data`` relative to the repository root and must hold
``annex-a-2022.csv``, ``attributes-27002-2022.csv`` and
``annex-a-2022-title-variants.csv``. The catalog is written to
``stdlib/iso27001-2022.isms`` under the repository root. With ``--check`` nothing is
written; the exit status is 1 when the committed file is out of date.

Only identifiers, short titles and classification tags are emitted, never normative text
of the standards. The output is deterministic: same input, byte-identical file.

Python 3 standard library only.
"""

import csv
import re
import sys
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO_ROOT / ".." / "shared" / "data"
OUTPUT = REPO_ROOT / "stdlib" / "iso27001-2022.isms"

FRAMEWORK = "iso27001:2022"
CATALOG_TITLE = "ISO/IEC 27001:2022 Annex A"

THEMES = [
    ("organizational", "Organizational controls"),
    ("people", "People controls"),
    ("physical", "Physical controls"),
    ("technological", "Technological controls"),
]

# CSV column -> field name in the catalog entry, in output order.
ATTRIBUTE_FIELDS = [
    ("control_type", "type"),
    ("information_security_properties", "properties"),
    ("cybersecurity_concepts", "concepts"),
    ("operational_capabilities", "capabilities"),
    ("security_domains", "domains"),
]

# Expected totals, checked before anything is written.
EXPECTED_TOTAL = 93
EXPECTED_PER_THEME = {"organizational": 37, "people": 8, "physical": 14, "technological": 34}
EXPECTED_TYPES = {"preventive": 83, "detective": 13, "corrective": 14}

IDENT = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")
CONTROL_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)+\Z")


def fail(message):
    sys.stderr.write("gen-stdlib: error: %s\n" % message)
    sys.exit(2)


def read_csv(path):
    if not path.is_file():
        fail("missing data file %s" % path)
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def numeric_key(control_number):
    """Sort key for `5.10` style numbers: numeric per segment (5.2 < 5.10)."""
    return tuple(int(part) for part in control_number.split("."))


def ident(value, where):
    """Return `value` as a bare `.isms` identifier.

    Attribute values in the data are lower-case snake_case identifiers already
    (`governance_and_ecosystem`), and every one of them matches
    `[A-Za-z][A-Za-z0-9_-]*` as of the 2022 data set, so this normally returns the value
    unchanged. Should a future data file carry a value that is not an identifier (a
    published `#Tag` spelling, spaces, mixed case), it is normalised here: lower-cased,
    a leading `#` dropped, every run of other characters replaced by `_`, and the change
    is reported on stderr so it can be reviewed.
    """
    value = value.strip()
    if IDENT.match(value):
        return value
    normalised = re.sub(r"[^a-z0-9_-]+", "_", value.lower().lstrip("#")).strip("_")
    if not IDENT.match(normalised):
        fail("%s: value %r cannot be turned into an identifier" % (where, value))
    sys.stderr.write("gen-stdlib: note: %s: normalised %r to %r\n" % (where, value, normalised))
    return normalised


def split_values(cell, where):
    values = [ident(part, where) for part in cell.split(";") if part.strip()]
    if not values:
        fail("%s: empty value list" % where)
    return values


def quote(text):
    """An `.isms` double-quoted string (single line)."""
    if "\n" in text or "\r" in text:
        fail("unexpected line break in %r" % text)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'


def comment_text(text):
    """Collapse a note to one line for a `//` comment."""
    return " ".join(text.split())


def load(data_dir):
    annex = read_csv(data_dir / "annex-a-2022.csv")
    attributes = read_csv(data_dir / "attributes-27002-2022.csv")
    variants = read_csv(data_dir / "annex-a-2022-title-variants.csv")

    themes = {name for name, _ in THEMES}
    controls = {}
    for row in annex:
        number = row["id"].strip()
        if not CONTROL_NUMBER.match(number):
            fail("annex-a-2022.csv: bad control id %r" % number)
        if number in controls:
            fail("annex-a-2022.csv: duplicate control %s" % number)
        theme = row["theme"].strip()
        if theme not in themes:
            fail("annex-a-2022.csv: %s has unknown theme %r" % (number, theme))
        controls[number] = {"theme": theme, "title": row["title"].strip(), "aliases": []}

    seen = set()
    for row in attributes:
        number = row["id"].strip()
        if number not in controls:
            fail("attributes-27002-2022.csv: %s is not an Annex A control" % number)
        if number in seen:
            fail("attributes-27002-2022.csv: duplicate control %s" % number)
        seen.add(number)
        entry = controls[number]
        for column, field in ATTRIBUTE_FIELDS:
            entry[field] = split_values(row[column], "attributes %s %s" % (number, column))
        entry["note"] = comment_text(row.get("notes") or "")
    missing = sorted(set(controls) - seen, key=numeric_key)
    if missing:
        fail("attributes-27002-2022.csv: no attributes for %s" % ", ".join(missing))

    for row in variants:
        number = row["id"].strip()
        if number not in controls:
            fail("annex-a-2022-title-variants.csv: %s is not an Annex A control" % number)
        if row["title_27001_annex_a"].strip() != controls[number]["title"]:
            fail("annex-a-2022-title-variants.csv: %s title does not match annex-a-2022.csv" % number)
        alias = row["title_alternative"].strip()
        if alias and alias != controls[number]["title"]:
            controls[number]["aliases"].append(alias)

    return controls


def verify(controls):
    if len(controls) != EXPECTED_TOTAL:
        fail("expected %d controls, found %d" % (EXPECTED_TOTAL, len(controls)))
    per_theme = Counter(entry["theme"] for entry in controls.values())
    if dict(per_theme) != EXPECTED_PER_THEME:
        fail("controls per theme %s, expected %s" % (dict(per_theme), EXPECTED_PER_THEME))
    types = Counter(t for entry in controls.values() for t in entry["type"])
    if dict(types) != EXPECTED_TYPES:
        fail("control types %s, expected %s" % (dict(types), EXPECTED_TYPES))


def render(controls):
    out = [
        "// Generated by scripts/gen-stdlib.py from ISO/IEC 27001:2022 reference data. "
        "Do not edit by hand.",
        "",
        "/// ISO/IEC 27001:2022 Annex A reference controls: identifiers, short titles, themes",
        "/// and ISO/IEC 27002:2022 attributes.",
        "catalog %s %s {" % (FRAMEWORK, quote(CATALOG_TITLE)),
    ]
    for name, title in THEMES:
        out.append("  theme %s %s" % (name, quote(title)))
    out.append("")
    for number in sorted(controls, key=numeric_key):
        entry = controls[number]
        out.append("  entry A.%s %s {" % (number, quote(entry["title"])))
        if entry["note"]:
            out.append("    // Source note (27002 attribute sources): %s" % entry["note"])
        out.append("    theme %s" % entry["theme"])
        for alias in entry["aliases"]:
            out.append("    alias %s" % quote(alias))
        for _, field in ATTRIBUTE_FIELDS:
            out.append("    %s %s" % (field, ", ".join(entry[field])))
        out.append("  }")
    out.append("}")
    return "\n".join(out) + "\n"


def main(argv):
    args = [a for a in argv if a != "--check"]
    check = len(args) != len(argv)
    if len(args) > 1 or any(a.startswith("-") for a in args):
        sys.stderr.write(__doc__)
        return 2
    data_dir = Path(args[0]) if args else DEFAULT_DATA_DIR
    controls = load(data_dir)
    verify(controls)
    text = render(controls)
    if check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.is_file() else None
        if current != text:
            sys.stderr.write("gen-stdlib: %s is out of date; run scripts/gen-stdlib.py\n" % OUTPUT)
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    print("gen-stdlib: wrote %d entries to %s" % (len(controls), OUTPUT.relative_to(REPO_ROOT)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
