"""Where the bundled dataset and the project's seed texts are: in a checkout, or inside the package.

A checkout (and an editable install, which imports the package from the checkout) keeps them at the
top of the repository, `data/trump-kim/` and `seeds/`. A wheel (`pip install .`) carries copies inside
the package, `timeline/_bundled/trump-kim/` and `timeline/_bundled/seeds/` (see pyproject.toml).
"""
from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
CHECKOUT = PACKAGE.parent
BUNDLED = PACKAGE / "_bundled"


# The package's parent is a checkout only if it holds the project's pyproject.toml (an installed
# package's parent is site-packages, where another package might have a `seeds/` or `data/`).
IN_CHECKOUT = (CHECKOUT / "pyproject.toml").is_file() and (CHECKOUT / "data" / "trump-kim").is_dir()
ROOT = CHECKOUT if IN_CHECKOUT else BUNDLED
DEFAULT_DATASET = CHECKOUT / "data" / "trump-kim" if IN_CHECKOUT else BUNDLED / "trump-kim"
PROJECT_SEEDS = CHECKOUT / "seeds" if IN_CHECKOUT else BUNDLED / "seeds"
