"""`timeline validate --fix`: offsets the loader finds go back into quotes.csv, nothing else changes."""
from __future__ import annotations

import pytest

import timeline
from timeline.formats import offsets as fix
from timeline.cli import main

from tests.helpers import BOLTON, ROOT, SEED_TEXT, mini_tables, to_csv, write_mini

DATA = ROOT / "data" / "trump-kim"


def _strip_offsets(text: str) -> str:
    """quotes.csv with every start_offset and end_offset cell emptied (rows otherwise as they were)."""
    rows = fix.csv_cells(text)
    header = [fix._value(text[a:b]) for a, b in rows[0][0]]
    cols = [header.index(c) for c in fix.COLUMNS]
    edits = [cells[k] for cells, _ in rows[1:] for k in cols if k < len(cells)]
    for a, b in sorted(edits, reverse=True):
        text = text[:a] + text[b:]
    return text


def test_fix_puts_removed_offsets_back_exactly(tmp_path):
    import shutil

    folder = tmp_path / "tk"
    shutil.copytree(DATA, folder)
    original = (folder / "quotes.csv").read_bytes()
    stripped = _strip_offsets(original.decode("utf-8"))
    assert stripped != original.decode("utf-8")
    (folder / "quotes.csv").write_bytes(stripped.encode("utf-8"))
    assert main(["validate", "--fix", str(folder)]) == 0
    assert (folder / "quotes.csv").read_bytes() == original


def test_empty_offsets_are_found_by_the_loader(tmp_path):
    t = mini_tables()
    t["quotes.csv"][1][-2:] = ["", ""]
    ds = timeline.load(write_mini(tmp_path / "m", t))
    q = ds.quotes.iloc[0]
    start = SEED_TEXT.index(BOLTON)
    assert (q["start_offset"], q["end_offset"]) == (start, start + len(BOLTON))


def test_fix_adds_the_columns_when_the_header_has_none(tmp_path):
    t = mini_tables()
    for row in t["quotes.csv"]:
        del row[-2:]
    folder = write_mini(tmp_path / "m", t)
    before = (folder / "quotes.csv").read_text(encoding="utf-8")
    assert fix.fix_offsets(folder) == [2]
    after = (folder / "quotes.csv").read_text(encoding="utf-8")
    start = SEED_TEXT.index(BOLTON)
    lines_before, lines_after = before.splitlines(), after.splitlines()
    assert lines_after[0] == lines_before[0] + ",start_offset,end_offset"
    assert lines_after[1] == lines_before[1] + f",{start},{start + len(BOLTON)}"


def test_fix_keeps_crlf_quoting_and_a_byte_order_mark(tmp_path):
    t = mini_tables()
    t["quotes.csv"][1][-2:] = ["", ""]
    folder = write_mini(tmp_path / "m", t)
    text = to_csv(t["quotes.csv"]).replace("\n", "\r\n").replace("bolton-best-friend,", '"bolton-best-friend",')
    (folder / "quotes.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    fix.fix_offsets(folder)
    start = SEED_TEXT.index(BOLTON)
    want = text.replace(",seed,,", f",seed,{start},{start + len(BOLTON)}")
    assert want != text
    assert (folder / "quotes.csv").read_bytes() == b"\xef\xbb\xbf" + want.encode("utf-8")


def test_a_quote_found_twice_asks_for_offsets_and_lists_both_places(tmp_path):
    t = mini_tables()
    word = "Kim"
    t["quotes.csv"][1][3] = word
    t["quotes.csv"][1][-2:] = ["", ""]
    folder = write_mini(tmp_path / "m", t)
    with pytest.raises(timeline.ValidationError) as e:
        timeline.load(folder)
    (problem,) = e.value.problems
    first = SEED_TEXT.index(word)
    second = SEED_TEXT.index(word, first + 1)
    assert problem.file == "quotes.csv" and problem.row == 2
    assert f"{first}..{first + 3}" in problem.message and f"{second}..{second + 3}" in problem.message
    assert "start_offset and end_offset" in problem.message
    before = (folder / "quotes.csv").read_bytes()
    assert fix.fix_offsets(folder) == [] and (folder / "quotes.csv").read_bytes() == before


@pytest.mark.parametrize("typed, seed_has, name", [
    ("'", "’", "right single quotation mark"),
    ("-", "–", "en dash"),
])
def test_a_near_miss_names_the_character_and_its_position(tmp_path, typed, seed_has, name):
    from timeline import quotes

    seed = f"Hij zei: ‘Ik ben er{seed_has}klaar voor’, en vertrok. En toen was het stil in de zaal."
    quote = f"Ik ben er{typed}klaar voor"
    msg = quotes.verify(quote, seed, None, None)
    assert f"character 9 of the quote is '{typed}'" in msg and name in msg


def test_a_near_miss_names_an_extra_space():
    from timeline import quotes

    msg = quotes.verify(BOLTON.replace("dacht dat", "dacht  dat"), SEED_TEXT, None, None)
    assert "extra ' ' (space) at character 9" in msg


def test_fix_writes_into_a_semicolon_separated_file(tmp_path):
    import csv
    import io

    t = mini_tables()
    t["quotes.csv"][1][-2:] = ["", ""]
    folder = write_mini(tmp_path / "m", t)
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\n").writerows(t["quotes.csv"])
    (folder / "quotes.csv").write_text(buf.getvalue(), encoding="utf-8")
    assert fix.fix_offsets(folder) == [2]
    start = SEED_TEXT.index(BOLTON)
    assert (folder / "quotes.csv").read_text(encoding="utf-8") == buf.getvalue().replace(
        ";seed;;", f";seed;{start};{start + len(BOLTON)}")
