"""`timeline new DIR`: a starter dataset that validates as it is, never written over a folder."""
from __future__ import annotations

import timeline
from timeline.cli import main


def test_new_dataset_validates_as_it_is(tmp_path, capsys):
    folder = tmp_path / "apollo"
    assert main(["new", str(folder), "--title", "Apollo 11"]) == 0
    ds = timeline.load(folder)
    assert ds.title == "Apollo 11"
    for name in ("events", "actors", "roles", "sources", "quotes", "stories"):
        assert len(getattr(ds, name)) == 1, name
    q = ds.quotes.iloc[0]
    assert ds.seeds[q["source"]][q["start_offset"]:q["end_offset"]] == q["text"]
    assert (folder / "README.md").is_file() and (folder / "seeds").is_dir()
    capsys.readouterr()
    assert main(["validate", str(folder)]) == 0
    assert "1 events" in capsys.readouterr().out


def test_new_never_overwrites_without_force(tmp_path, capsys):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "events.csv").write_text("my work", encoding="utf-8")
    assert main(["new", str(folder)]) == 1
    assert (folder / "events.csv").read_text(encoding="utf-8") == "my work"
    assert "--force" in capsys.readouterr().err
    assert main(["new", str(folder), "--force"]) == 0
    timeline.load(folder)


def test_the_readme_names_every_column(tmp_path):
    from timeline.model import TABLES

    main(["new", str(tmp_path / "d")])
    readme = (tmp_path / "d" / "README.md").read_text(encoding="utf-8")
    for table in TABLES:
        assert table.file in readme
        for column in table.names:
            assert column in readme, (table.file, column)
