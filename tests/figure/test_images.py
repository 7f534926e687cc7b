"""Static images (PNG, SVG, PDF) through kaleido and Debian's Chromium: right kind, right size.

One browser serves the whole module (`images.session()` nests), so each image costs about a second.
"""
from __future__ import annotations

import re
import struct

import pytest

from timeline.figure import images
from timeline.cli import main

from tests.helpers import ROOT

DATA = ROOT / "data" / "trump-kim"


@pytest.fixture(scope="module")
def render():
    reason = images.available()
    if reason:
        pytest.fail(reason)   # the test install (scripts/install.sh --test) provides both
    with images.session() as draw:
        yield draw


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == images.MAGIC["png"] and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_png_has_the_asked_size_times_the_scale(render, tmp_path):
    out = tmp_path / "card.png"
    assert main(["export", "png", str(out), "--data", str(DATA), "--width", "600", "--height", "315",
                 "--scale", "2", "--actors", "kim,trump", "--lang", "nl"]) == 0
    assert _png_size(out.read_bytes()) == (1200, 630)


def test_svg_and_pdf_are_what_they_say(render, tmp_path):
    svg, pdf = tmp_path / "chart.svg", tmp_path / "chart.pdf"
    assert main(["export", "svg", str(svg), "--data", str(DATA), "--width", "900", "--height", "500",
                 "--from", "2018-01", "--to", "2019-06"]) == 0
    text = svg.read_text(encoding="utf-8")
    assert text.startswith("<svg") and re.search(r'width="900"[^>]*height="500"', text.split(">", 1)[0])
    assert "Hanoi" in text   # the chart's own labels, as text
    assert main(["export", "pdf", str(pdf), "--data", str(DATA), "--width", "800", "--height", "450"]) == 0
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert box and float(box.group(2)) / float(box.group(1)) == pytest.approx(450 / 800, rel=0.02)


def test_the_image_is_of_the_view_and_titled(render, dataset):
    fig = images.static_figure(dataset, "?actors=kim&lang=nl", width=800, height=400)
    assert fig.layout.title.text == dataset.title_in("nl")
    assert not fig.layout.xaxis.rangeslider.visible and "xaxis2" not in fig.to_plotly_json()["layout"], "no overview"
    assert "overview" not in {t.name for t in fig.data}
    assert {t.name for t in fig.data if t.showlegend is not False and t.name} <= {"Kim Jong-un", None}
    assert _png_size(render(fig, "png")) == (800, 400)


def test_no_overwrite_without_force_and_a_missing_browser_is_one_line(tmp_path, monkeypatch, capsys):
    out = tmp_path / "x.png"
    out.write_bytes(b"mine")
    assert main(["export", "png", str(out), "--data", str(DATA)]) == 1
    assert out.read_bytes() == b"mine" and "--force" in capsys.readouterr().err
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chromium"))
    assert main(["export", "png", str(tmp_path / "y.png"), "--data", str(DATA)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "BROWSER_PATH" in err and "Traceback" not in err
    assert not (tmp_path / "y.png").exists()



def test_the_static_site_ships_a_social_card_made_by_kaleido(render, tmp_path, capsys):
    out = tmp_path / "public"
    assert main(["export", "site", str(out), "--data", str(DATA), "--url", "https://example.org/tk/"]) == 0
    assert _png_size((out / "social.png").read_bytes()) == (1200, 630)
    assert 'content="https://example.org/tk/social.png"' in (out / "index.html").read_text(encoding="utf-8")
