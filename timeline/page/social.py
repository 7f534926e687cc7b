"""Open Graph and Twitter card tags: the title, description and (where there is one) the image a
link preview shows when a page of the timeline is shared (/, /embed, the static site)."""
from __future__ import annotations

import html

DESCRIPTION_MAX = 300
LOCALES = {"en": "en_GB", "nl": "nl_NL"}


def description(dataset, lang: str) -> str:
    """The dataset's description in `lang` (dataset.json), shortened for a preview."""
    meta = dataset.meta or {}
    text = " ".join(str(meta.get(f"description_{lang}") or meta.get("description") or "").split())
    return text if len(text) <= DESCRIPTION_MAX else text[:DESCRIPTION_MAX - 1].rstrip() + "…"


def entries(title: str, text: str = "", *, url: str | None = None, image: str | None = None,
            image_alt: str | None = None, lang: str = "en") -> list[dict]:
    """The tags as attribute dicts ({"property": "og:title", "content": …}), as Dash's meta_tags
    takes them. `image` should be an absolute URL (previews may ignore a relative one)."""
    rows = [("name", "description", text),
            ("property", "og:type", "website"),
            ("property", "og:title", title),
            ("property", "og:description", text),
            ("property", "og:url", url),
            ("property", "og:locale", LOCALES.get(lang)),
            ("property", "og:image", image),
            ("property", "og:image:alt", image_alt or (title if image else None)),
            ("name", "twitter:card", "summary_large_image" if image else "summary"),
            ("name", "twitter:title", title),
            ("name", "twitter:description", text),
            ("name", "twitter:image", image)]
    return [{attr: key, "content": value} for attr, key, value in rows if value]


def tags(title: str, text: str = "", **kwargs) -> list[str]:
    """The same as <meta> elements, escaped, for a page's <head>."""
    return ["<meta " + " ".join(f'{k}="{html.escape(str(v), quote=True)}"' for k, v in e.items()) + ">"
            for e in entries(title, text, **kwargs)]


def for_dataset(dataset, lang: str, **kwargs) -> list[str]:
    """`tags` with the dataset's title and description in `lang`."""
    return tags(dataset.title_in(lang), description(dataset, lang), lang=lang, **kwargs)
