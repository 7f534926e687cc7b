"""`timeline new DIR`: a dataset folder to start from, which validates as it is.

Every table has its full header and one example row, `seeds/` has an example source text the
example quote is checked against (its offsets left empty: the loader finds them), and a short
README says what each column holds. Written whole or not at all; never over an existing folder
without `force`.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .. import files
from ..model import TABLES

SEED = "example-source.txt"
QUOTE = "That's one small step for man, one giant leap for mankind."
SEED_TEXT = f"""An example source text. Replace it with the article, statement or transcript your timeline
is built from: quotes are checked against it, word for word.

Apollo 11's lunar module landed on the Moon on 20 July 1969. Hours later, on 21 July at 02:56
UTC, Neil Armstrong stepped onto the surface and said: "{QUOTE}"
"""

ROWS = {
    "events": {"id": "first-step", "title": "First step on the Moon", "kind": "moment", "start": "1969-07-21",
               "display_date": "21 July 1969, 02:56 UTC", "place": "Sea of Tranquillity, the Moon",
               "actors": "armstrong", "tags": "apollo-11", "sources": "example-source",
               "summary": "Neil Armstrong steps onto the Moon."},
    "actors": {"id": "armstrong", "name": "Neil Armstrong", "country": "United States", "colour": "#1f77b4",
               "description": "Astronaut, commander of Apollo 11"},
    "roles": {"actor": "armstrong", "title": "Commander of Apollo 11", "from": "1969-07-16", "to": "1969-07-24",
              "source": "example-source"},
    "sources": {"id": "example-source", "title": "Example source text", "date": "1969-07", "seed": SEED,
                "language": "en"},
    "quotes": {"id": "one-small-step", "event": "first-step", "speaker": "armstrong", "text": QUOTE,
               "language": "en", "source": "example-source"},
    "stories": {"story": "apollo-11", "step": "1", "event": "first-step", "text": "Where the story starts.",
                "text_nl": "Waar het verhaal begint."},
    "media": {"event": "first-step", "kind": "image",
              "url": "https://upload.wikimedia.org/wikipedia/commons/9/98/Aldrin_Apollo_11_original.jpg",
              "caption": "Buzz Aldrin on the Moon, photographed by Neil Armstrong", "credit": "NASA",
              "alt": "An astronaut in a white spacesuit stands on the grey lunar surface"},
}

COLUMNS = {
    "events": "id (slug), title, kind (moment, span or phase), start, end (for span and phase), actors and "
              "sources (ids, ;-separated) are needed; title_nl, summary, summary_nl, display_date, place, "
              "tags, phase (id of a phase event), note and note_nl are optional.",
    "actors": "id and name are needed; country, colour (#rrggbb) and description are optional.",
    "roles": "actor and title are needed: the title an actor held, from one date to another (from, to: both "
             "optional); title_nl and source are optional.",
    "sources": "id and title are needed, and a url or a seed (a file in seeds/); publisher, date and language "
               "are optional.",
    "quotes": "id, event, speaker, text (verbatim), language and source are needed; translation, "
              "translation_by (ours, or a source id) and original_of are optional. Leave start_offset and "
              "end_offset empty when the text occurs once in its seed: `timeline validate --fix` fills them.",
    "stories": "story (slug), step (1, 2, …) and event are needed: a guided path through the events; text and "
               "text_nl are the step's text.",
    "media": "event and url (http or https) are needed: an image, video, audio, tweet, map, document or link "
             "shown with the event; kind (guessed from the url when empty), caption, credit, alt (what an image "
             "shows, for screen readers) and thumbnail are optional.",
}


def readme(title: str) -> str:
    lines = [f"# {title}", "", "A timeline dataset: edit the CSV files in a spreadsheet (keep them UTF-8), then check",
             "them with `timeline validate .`. Dates: 2018-06-12, 2018-06, 2018, c. 2018, before 2018-04,",
             "2017-12-05..2017-12-09, or EDTF (2018?, 1969-07~, ../2018-04).", ""]
    for table in TABLES:
        lines += [f"- `{table.file}`: {COLUMNS[table.name]}"]
    lines += ["- `dataset.json`: title, title_nl, description, description_nl, language.",
              f"- `seeds/`: the source texts quotes are checked against (`{SEED}` is an example).", "",
              "The whole format: docs/FORMAT.md in the timeline project.", ""]
    return "\n".join(lines)


def _csv(table) -> bytes:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(table.names)
    w.writerow([ROWS[table.name].get(c, "") for c in table.names])
    return buf.getvalue().encode("utf-8")


def folder_files(title: str | None = None) -> dict[str, bytes]:
    title = title or "My timeline"
    out = {t.file: _csv(t) for t in TABLES}
    meta = {"title": title, "description": "An example row in each file: replace it with your own.", "language": "en"}
    out["dataset.json"] = (json.dumps(meta, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    out[f"seeds/{SEED}"] = SEED_TEXT.encode("utf-8")
    out["README.md"] = readme(title).encode("utf-8")
    return out


def new(folder, title: str | None = None, force: bool = False) -> Path:
    """Write the starter dataset to `folder` (atomic; an existing folder only with `force`)."""
    return files.write_folder(folder, folder_files(title), force=force)
