"""An event's title and date label: one rule, the same in the details panel, the list and the hover."""
from __future__ import annotations

import pytest

from timeline import labels
from timeline.details import event_details
from timeline.figure import figure

from tests.helpers import write_dataset


@pytest.fixture
def ds(tmp_path):
    return write_dataset(tmp_path / "ds", [
        {"id": "march", "title": "All of March", "title_nl": "Heel maart", "kind": "span", "start": "2018-03",
         "end": "2018-03", "actors": "trump"},
        {"id": "spring", "title": "Spring", "kind": "span", "start": "2018-03", "end": "2018-05", "actors": "trump"},
        {"id": "shown", "title": "Shown", "start": "2018-07-01", "display_date": "early July", "actors": "kim"},
    ])


def _hover_dates(fig) -> dict[str, str]:
    return {str(row[0]): str(row[2]) for t in fig.data if t.customdata is not None for row in t.customdata}


@pytest.mark.parametrize("lang,same,both", [("en", "Mar 2018", "Mar 2018 – May 2018"),
                                            ("nl", "mrt 2018", "mrt 2018 – mei 2018")])
def test_a_span_within_one_month_reads_the_same_in_panel_and_hover(ds, lang, same, both):
    # Regression: the hover said "Mar 2018 – Mar 2018" where the panel said "Mar 2018".
    hover = _hover_dates(figure(ds, lang=lang))
    assert event_details(ds, "march", lang)["date"] == hover["march"] == same
    assert event_details(ds, "spring", lang)["date"] == hover["spring"] == both
    assert list(labels.date_labels(ds.events, lang)) == [labels.date_label(r, lang) for _, r in ds.events.iterrows()]


def test_display_date_and_dutch_title_win_everywhere(ds):
    hover = _hover_dates(figure(ds, lang="nl"))
    assert event_details(ds, "shown", "nl")["date"] == hover["shown"] == "early July"
    assert event_details(ds, "march", "nl")["title"] == "Heel maart"
    assert list(labels.titles(ds.events, "nl")) == ["Heel maart", "Spring", "Shown"]
    assert list(labels.titles(ds.events, "en")) == ["All of March", "Spring", "Shown"]
