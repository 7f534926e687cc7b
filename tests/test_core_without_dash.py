"""The core runs without Dash: `timeline validate`, `export html`, `export site` and the figure API
import no web module (nor Dash, nor Flask)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import json, sys
from timeline.cli import main
import timeline
codes = [main(["validate"]), main(["export", "html", sys.argv[1], "--lang", "nl"]),
         main(["export", "site", sys.argv[2], "--no-image"])]
timeline.figure(actors=["kim"]).to_dict()
timeline.figure(lod=True)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("dash", "flask", "werkzeug") or m.startswith("timeline.web"))
print(json.dumps({"codes": codes, "loaded": loaded}))
"""


def test_validate_export_html_export_site_and_figure_import_no_dash(tmp_path):
    out, site = tmp_path / "chart.html", tmp_path / "site"
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(out), str(site)], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    answer = json.loads(run.stdout.strip().splitlines()[-1])
    assert answer["codes"] == [0, 0, 0]
    assert out.stat().st_size > 100_000          # the file was written (plotly.js inline)
    assert (site / "index.html").is_file()
    assert answer["loaded"] == []
