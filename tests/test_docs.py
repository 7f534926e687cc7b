"""The example rows in the README and docs/FORMAT.md are real rows of the bundled dataset."""
from __future__ import annotations

import csv
import io
import re

import pytest

from tests.helpers import ROOT

DATA = ROOT / "data" / "trump-kim"
KEYS = {"roles.csv": ("actor", "from"), "dataset.json": None}


def _format_examples():
    """(file, header, row) from FORMAT.md: a fenced block of a header and one row, under '## X.csv'."""
    text = (ROOT / "docs" / "FORMAT.md").read_text(encoding="utf-8")
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        name = section.split("\n", 1)[0].strip()
        if not name.endswith(".csv"):
            continue
        for block in re.findall(r"```\n(.*?)```", section, flags=re.S):
            lines = block.strip().split("\n")
            if len(lines) == 2:
                yield name, lines[0], lines[1]


def _readme_examples():
    """(file, header, row) from the README's 'Example rows' block ('events.csv   header' / indented row)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"Example rows:\n\n```\n(.*?)```", text, flags=re.S).group(1).rstrip("\n").split("\n")
    for head, row in zip(block[0::2], block[1::2]):
        name, header = head.split(None, 1)
        yield name, header, row.strip()


EXAMPLES = list(_format_examples()) + list(_readme_examples())


def test_every_table_has_examples_in_both_documents():
    assert {name for name, _, _ in EXAMPLES} == {"events.csv", "actors.csv", "roles.csv", "sources.csv", "quotes.csv"}
    assert len(EXAMPLES) == 10


@pytest.mark.parametrize("name,header,row", EXAMPLES, ids=[f"{n}:{r[:24]}" for n, _, r in EXAMPLES])
def test_example_row_is_a_row_of_the_bundled_dataset(name, header, row):
    shown = dict(zip(next(csv.reader([header])), next(csv.reader([row]))))
    keys = KEYS.get(name, ("id",))
    for real in csv.DictReader(io.StringIO((DATA / name).read_text(encoding="utf-8"))):
        if all(real[k] == shown[k] for k in keys):
            assert {c: real[c] for c in shown} == shown
            return
    pytest.fail(f"{name}: no row like {row}")
