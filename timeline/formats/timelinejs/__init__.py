"""TimelineJS data in and out: its JSON and its Google-Sheets CSV.

Modules: `read` (JSON/sheet -> slides), `dates`, `mapping` (slides -> our records), `load`
(validate, load, import), `write` (export).

Import (`load_file`, `import_file`) turns a TimelineJS file into our row records and pushes them
through the folder's own validation (`timeline.formats.folder.load_records`), so an imported dataset obeys every
rule a folder does. Problems in the file name the slide (events[n-1] is slide n) or sheet row
and the field: `eras.json, slide 7, field 'start_date.month': '13' is not a month`.

Mapping (TimelineJS -> ours):
  title slide            dataset.json title (headline) and description (text, as plain text)
  slide                  event: headline -> title, text -> summary (HTML reduced to plain text)
  unique_id              id (slugified); made from headline + date when missing, deduplicated
  start/end_date         start/end at the written precision; end_date makes a span
  display_date           display_date
  group                  an actor (id = slug of the group, name = the group text)
  no group               the actor 'unassigned'
  eras                   events of kind phase
  <a href> in text       a source with that url, cited by the event
  media url (http)       a source (title = caption or credit, publisher = credit), cited by the event
  media credit links     sources
  <blockquote> in media  a quote (speaker = actor from <cite>, or 'unknown-speaker'); in text only with <cite>
  no source at all       the imported file itself, copied to seeds/ and cited as a seed source

Export (`to_timelinejs`, `to_sheet_rows`, `export`) writes the reverse, HTML-escaping every text;
what TimelineJS has no field for (all actors, source ids, quote ids and languages, exact uncertain
dates, tags, phase membership) rides along in `tl-actors` / `tl-sources` paragraphs and data-*
attributes that TimelineJS shows as ordinary text (DOMPurify keeps class and data-* attributes).
"""
from .load import folder_files, import_file, load_file, parse_bytes
from .mapping import to_records
from .read import SHEET_HEADER, read_bytes, read_json, read_sheet
from .write import export, to_sheet_csv, to_sheet_rows, to_timelinejs

__all__ = ["SHEET_HEADER", "read_bytes", "read_json", "read_sheet", "to_records", "parse_bytes", "load_file",
           "folder_files", "import_file", "to_timelinejs", "to_sheet_rows", "to_sheet_csv", "export"]
