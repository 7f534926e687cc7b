"""Every interface string, in English and Dutch: the one place for them. Data text (titles,
quotes) is not here. No imports: every layer may use it.

    t("search", "nl")                 -> "Zoeken"
    t("n_events", "en", n=3)          -> "3 events"
    words("nl")["months"][2]          -> "mrt"      (date labels and the chart's axis)
"""
from __future__ import annotations

LANGS = ("en", "nl")
DEFAULT_LANG = "en"
LANG_NAMES = {"en": "English", "nl": "Nederlands"}

STRINGS: dict[str, dict[str, str]] = {
    "skip": {"en": "Skip to the event list", "nl": "Naar de lijst met gebeurtenissen"},
    "language": {"en": "Language", "nl": "Taal"},
    "filters": {"en": "Filters", "nl": "Filters"},
    "actors": {"en": "Actors", "nl": "Actoren"},
    "actor_filter": {"en": "Filter by actor", "nl": "Filter op actor"},
    "all_actors": {"en": "All actors", "nl": "Alle actoren"},
    "mode": {"en": "Show events with", "nl": "Toon gebeurtenissen met"},
    "mode_any": {"en": "any of them", "nl": "een van hen"},
    "mode_all": {"en": "all of them", "nl": "allemaal"},
    "mode_disputed": {"en": "Counts and the filter include {n} disputed involvements (drawn hollow, with a “?”).",
                      "nl": "Tellingen en filter omvatten {n} betwiste betrokkenheden (hol getekend, met een “?”)."},
    "mode_disputed_one": {"en": "Counts and the filter include 1 disputed involvement (drawn hollow, with a “?”).",
                          "nl": "Tellingen en filter omvatten 1 betwiste betrokkenheid (hol getekend, met een “?”)."},
    "n_disputed": {"en": "{n} disputed", "nl": "{n} betwist"},
    "involvement_disputed": {"en": "involvement disputed", "nl": "betrokkenheid betwist"},
    "key_title": {"en": "Key to the marks", "nl": "Uitleg bij de tekens"},
    "key_exact": {"en": "exact date (a day)", "nl": "exacte datum (een dag)"},
    "key_imprecise": {"en": "month or year only: the band is the whole month or year",
                      "nl": "alleen maand of jaar: de band is de hele maand of het hele jaar"},
    "key_uncertain": {"en": "circa, before or after: the dotted line spans the possible dates",
                      "nl": "circa, vóór of na: de stippellijn loopt over de mogelijke data"},
    "key_span": {"en": "span: a bar from start to end", "nl": "tijdspanne: een balk van begin tot eind"},
    "key_shared": {"en": "one event of several actors: a line joins their lanes",
                   "nl": "één gebeurtenis van meer actoren: een lijn verbindt hun banen"},
    "key_disputed": {"en": "involvement disputed: a faint ring with a “?”",
                     "nl": "betrokkenheid betwist: een vage ring met een “?”"},
    "disputed_involvement": {"en": "Involvement disputed: {names}", "nl": "Betrokkenheid betwist: {names}"},
    "dispute_sources": {"en": "Sources on the dispute", "nl": "Bronnen over de betwisting"},
    "search": {"en": "Search", "nl": "Zoeken"},
    "search_placeholder": {"en": "Titles, quotes, people…", "nl": "Titels, citaten, personen…"},
    "chart": {"en": "Timeline chart", "nl": "Tijdlijngrafiek"},
    "chart_help": {"en": "Scroll to zoom, drag to pan, click an event to read it.",
                   "nl": "Scroll om te zoomen, sleep om te verschuiven, klik op een gebeurtenis om haar te lezen."},
    "events": {"en": "Events", "nl": "Gebeurtenissen"},
    "event_list": {"en": "Events in view", "nl": "Gebeurtenissen in beeld"},
    "n_events": {"en": "{n} events in view", "nl": "{n} gebeurtenissen in beeld"},
    "n_event": {"en": "1 event in view", "nl": "1 gebeurtenis in beeld"},
    "n_results": {"en": "{n} results for “{q}”", "nl": "{n} resultaten voor “{q}”"},
    "n_result": {"en": "1 result for “{q}”", "nl": "1 resultaat voor “{q}”"},
    "no_events": {"en": "No events match this view.", "nl": "Geen gebeurtenissen in deze weergave."},
    "truncated": {"en": "Showing the first {k} of {n}: show more, zoom in or filter to see the rest.",
                  "nl": "De eerste {k} van {n}: toon meer, zoom in of filter om de rest te zien."},
    "show_more": {"en": "Show {k} more", "nl": "Toon er {k} meer"},
    "outside_range": {"en": "outside the visible range", "nl": "buiten het zichtbare bereik"},
    "list_help": {"en": "Arrow keys move, Enter opens.", "nl": "Pijltjestoetsen om te bewegen, Enter om te openen."},
    "details": {"en": "Event details", "nl": "Details van de gebeurtenis"},
    "pick_event": {"en": "Select an event on the chart or in the list to read its quotes and sources.",
                   "nl": "Kies een gebeurtenis in de grafiek of de lijst om de citaten en bronnen te lezen."},
    "close": {"en": "Close", "nl": "Sluiten"},
    "close_details": {"en": "Close the details", "nl": "Details sluiten"},
    "date": {"en": "Date", "nl": "Datum"},
    "place": {"en": "Place", "nl": "Plaats"},
    "kind": {"en": "Kind", "nl": "Soort"},
    "kind_moment": {"en": "moment", "nl": "moment"},
    "kind_span": {"en": "span", "nl": "tijdspanne"},
    "kind_phase": {"en": "phase", "nl": "fase"},
    "part_of": {"en": "Part of", "nl": "Onderdeel van"},
    "tags": {"en": "Tags", "nl": "Labels"},
    "quotes": {"en": "Quotes", "nl": "Citaten"},
    "no_quotes": {"en": "No quotes recorded for this event.", "nl": "Geen citaten vastgelegd bij deze gebeurtenis."},
    "in_language": {"en": "in {language}", "nl": "in het {language}"},
    "translation": {"en": "English translation", "nl": "Engelse vertaling"},
    "translation_ours": {"en": "translation: ours", "nl": "vertaling: van ons"},
    "translation_by": {"en": "translation: {who}", "nl": "vertaling: {who}"},
    "original_of": {"en": "These are the words as spoken; the article quotes them in {language}.",
                    "nl": "Dit zijn de woorden zoals ze zijn uitgesproken; het artikel citeert ze in het {language}."},
    # The vertical timeline and the chart's text alternative (timeline.page.cards, embed.js)
    "as_on_record": {"en": "As quoted in {language}", "nl": "Zoals geciteerd in het {language}"},
    "original_in": {"en": "Original, in {language}", "nl": "Origineel, in het {language}"},
    "card_more": {"en": "More quotes, notes and sources", "nl": "Meer citaten, opmerkingen en bronnen"},
    "card_more_sources": {"en": "Details and sources", "nl": "Details en bronnen"},
    "truncated_cards": {"en": "Showing {k} of {n} events: filter, or open the full timeline, to see the rest.",
                        "nl": "{k} van de {n} gebeurtenissen: filter, of open de volledige tijdlijn, voor de rest."},
    "n_shown": {"en": "{n} events shown", "nl": "{n} gebeurtenissen getoond"},
    "n_shown_one": {"en": "1 event shown", "nl": "1 gebeurtenis getoond"},
    "chart_summary": {"en": "A timeline of {n} events from {start} to {end}, one lane per actor: {actors}.",
                      "nl": "Een tijdlijn van {n} gebeurtenissen van {start} tot {end}, één baan per actor: {actors}."},
    "chart_keys": {"en": "Arrow keys move between events, Enter opens one, Escape closes it.",
                   "nl": "Pijltjestoetsen gaan van gebeurtenis naar gebeurtenis, Enter opent er een, Escape sluit haar."},
    "overview_window": {"en": "Period shown (arrow keys move it, + and - zoom)",
                        "nl": "Getoonde periode (pijltjestoetsen verschuiven haar, + en - zoomen)"},
    "show_in_source": {"en": "Show in source", "nl": "Toon in de bron"},
    "note": {"en": "Note", "nl": "Opmerking"},
    "sources": {"en": "Sources", "nl": "Bronnen"},
    "show_all": {"en": "Show all ({count} characters)", "nl": "Alles tonen ({count} tekens)"},
    "media_image": {"en": "Image", "nl": "Afbeelding"},
    "media_video": {"en": "Video", "nl": "Video"},
    "media_audio": {"en": "Audio", "nl": "Audio"},
    "media_tweet": {"en": "Post", "nl": "Bericht"},
    "media_map": {"en": "Map", "nl": "Kaart"},
    "media_document": {"en": "Document", "nl": "Document"},
    "media_link": {"en": "Link", "nl": "Link"},
    "open_link": {"en": "open", "nl": "openen"},
    "source_view": {"en": "The quote in its source", "nl": "Het citaat in de bron"},
    "no_seed": {"en": "The text of this source is not available here.", "nl": "De tekst van deze bron is hier niet beschikbaar."},
    "quote_not_found": {"en": "The quote's position in this text is not recorded.",
                        "nl": "De plaats van het citaat in deze tekst is niet vastgelegd."},
    "reload_problem": {"en": "The data files were changed but have problems; showing the last good version.",
                       "nl": "De databestanden zijn gewijzigd maar bevatten fouten; de laatste goede versie wordt getoond."},
    # The Embed dialog (timeline.web.embed_dialog)
    "embed": {"en": "Embed", "nl": "Insluiten"},
    "embed_title": {"en": "Embed this view", "nl": "Deze weergave insluiten"},
    "embed_help": {"en": "Paste this code in a web page to show the chart as you see it now: same actors, "
                         "range, selected event and language.",
                   "nl": "Plak deze code in een webpagina om de grafiek te tonen zoals u hem nu ziet: dezelfde "
                         "actoren, periode, gekozen gebeurtenis en taal."},
    "embed_code": {"en": "Embed code", "nl": "Insluitcode"},
    "embed_copy": {"en": "Copy the code", "nl": "Kopieer de code"},
    "embed_preview": {"en": "Preview", "nl": "Voorbeeld"},
    "embed_story_code": {"en": "Or embed it as a story, one event at a time (Previous, Next, arrow keys, swipe)",
                         "nl": "Of sluit het in als verhaal, één gebeurtenis tegelijk (Vorige, Volgende, pijltjestoetsen, vegen)"},
    "embed_copy_story": {"en": "Copy the story code", "nl": "Kopieer de verhaalcode"},
    # The embedded chart and the offline file (timeline.page)
    "open_full": {"en": "Open in the full timeline", "nl": "Open in de volledige tijdlijn"},
    "reload_fix": {"en": "Fix these and save; reload the page to see the new version:",
                   "nl": "Verbeter deze en sla op; laad de pagina opnieuw voor de nieuwe versie:"},
    "reload_more": {"en": "… and {n} more (the terminal lists every one)",
                    "nl": "… en nog {n} (de terminal toont ze allemaal)"},
    "site_count": {"en": "{n} of {total} events", "nl": "{n} van {total} gebeurtenissen"},
    "site_chart_only": {"en": "The chart alone (to embed)", "nl": "Alleen de grafiek (om in te sluiten)"},
    "site_story": {"en": "Read it as a story", "nl": "Lees het als verhaal"},
    "footer": {"en": "Dates are shown as written: “Mar 2018” means some time in March 2018.",
               "nl": "Datums staan zoals ze geschreven zijn: “mrt 2018” betekent ergens in maart 2018."},
    # story mode (timeline/page/story.py, timeline/page/static/story.js)
    "story": {"en": "Story", "nl": "Verhaal"},
    "story_link": {"en": "Story mode", "nl": "Verhaalmodus"},
    "story_all_events": {"en": "Every event in date order", "nl": "Alle gebeurtenissen op datum"},
    "story_nav": {"en": "Story steps", "nl": "Stappen van het verhaal"},
    "previous": {"en": "Previous", "nl": "Vorige"},
    "next": {"en": "Next", "nl": "Volgende"},
    "progress": {"en": "{n} / {total}", "nl": "{n} / {total}"},
    "step_of": {"en": "Step {n} of {total}", "nl": "Stap {n} van {total}"},
    "pause": {"en": "Pause", "nl": "Pauzeren"},
    "play": {"en": "Play", "nl": "Afspelen"},
    "story_keys": {"en": "Arrow keys or swipe to move between steps; Home and End for the first and last.",
                   "nl": "Pijltjestoetsen of vegen om te bladeren; Home en End voor de eerste en de laatste stap."},
    "story_empty": {"en": "No event in this story matches this view.",
                    "nl": "Geen gebeurtenis in dit verhaal past bij deze weergave."},
    "story_whole": {"en": "Show the whole story", "nl": "Toon het hele verhaal"},
    "explore": {"en": "Explore the whole timeline", "nl": "Verken de hele tijdlijn"},
    "said_by": {"en": "said by", "nl": "gezegd door"},
    "original": {"en": "Original", "nl": "Origineel"},
    "phase_click": {"en": "A phase: click to read about it", "nl": "Een fase: klik om erover te lezen"},
    # the chart's axis (timeline/figure/breaks.py): a long empty stretch left out
    "n_years": {"en": "{n} years", "nl": "{n} jaar"},
    "n_months": {"en": "{n} months", "nl": "{n} maanden"},
    "n_days": {"en": "{n} days", "nl": "{n} dagen"},
    "axis_break_hover": {"en": "No events from {start} to {end}: this stretch is left out of the axis",
                         "nl": "Geen gebeurtenissen van {start} tot {end}: dit stuk is uit de as weggelaten"},
}

# The actor dropdown's own strings (dcc.Dropdown `labels`).
DROPDOWN_LABELS = {
    "en": {"select_all": "Select all", "deselect_all": "Deselect all", "selected_count": "{num_selected} selected",
           "search": "Search", "clear_search": "Clear search", "clear_selection": "Clear selection",
           "no_options_found": "No actors found"},
    "nl": {"select_all": "Alles selecteren", "deselect_all": "Niets selecteren",
           "selected_count": "{num_selected} geselecteerd", "search": "Zoeken", "clear_search": "Zoekterm wissen",
           "clear_selection": "Selectie wissen", "no_options_found": "Geen actoren gevonden"},
}

# Words of date labels (timeline.dates) and of the chart (timeline.figure): axis, presets, legend.
WORDS: dict[str, dict] = {
    "en": {"circa": "c.", "before": "before", "after": "after", "between": "between", "and": "and",
           "months": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
           "bce": "BCE", "million": "million", "billion": "billion", "thousands": ",", "decimal": ".",
           "date": "Date", "year": "Year", "actors": "Actors", "all": "All", "6m": "6 m", "1y": "1 y", "5y": "5 y",
           "events": "events", "zoom": "zoom in to see them",
           "units": {"day": "{n} d", "week": "{n} w", "month": "{n} m", "year": "{n} y"}},
    "nl": {"circa": "ca.", "before": "vóór", "after": "na", "between": "tussen", "and": "en",
           "months": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
           "bce": "v.Chr.", "million": "miljoen", "billion": "miljard", "thousands": ".", "decimal": ",",
           "date": "Datum", "year": "Jaar", "actors": "Actoren", "all": "Alles", "6m": "6 mnd", "1y": "1 jr",
           "5y": "5 jr", "events": "gebeurtenissen", "zoom": "zoom in om ze te zien",
           "units": {"day": "{n} d", "week": "{n} wk", "month": "{n} mnd", "year": "{n} jr"}},
}

# The labels a TimelineJS export writes before its extra fields (in English: the file is read by
# TimelineJS readers, not our interface) and that the importer strips when it reads them back.
TIMELINEJS_LABELS = {"note": "Note", "place": "Place", "translation": "Translation", "actor": "Actor",
                     "actors": "Actors", "sources": "Sources"}

LANGUAGE_NAMES = {
    "en": {"en": "English", "nl": "Engels"},
    "nl": {"en": "Dutch", "nl": "Nederlands"},
    "ko": {"en": "Korean", "nl": "Koreaans"},
    "fr": {"en": "French", "nl": "Frans"},
    "de": {"en": "German", "nl": "Duits"},
}


def lang_or_default(lang) -> str:
    """`lang` if it is an interface language, else English."""
    return lang if lang in LANGS else DEFAULT_LANG


def words(lang) -> dict:
    """The date and chart words of `lang` (English for an unknown language)."""
    return WORDS[lang_or_default(lang)]


def t(key: str, lang: str = "en", **values) -> str:
    """The interface string `key` in `lang` (English when missing), with {values} filled in."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**{k: number(v, lang) if isinstance(v, int) and not isinstance(v, bool) else v
                          for k, v in values.items()}) if values else text


def number(n: int, lang: str = "en") -> str:
    """20000 -> '20,000' in English, '20.000' in Dutch (the chart's own separators)."""
    return f"{n:,}".replace(",", words(lang)["thousands"])


def language_name(code: str, lang: str = "en") -> str:
    """'nl' -> 'Dutch' (or 'Nederlands' in Dutch); an unknown code is shown as it is."""
    names = LANGUAGE_NAMES.get(str(code or "").lower())
    return names.get(lang, names["en"]) if names else str(code or "")


# plotly.js's own date and number words (the axis ticks, the hover's dates), per language: the
# charts pass them as config.locales, so the Dutch chart says "okt 2018" and "1.000,5".
PLOTLY_FORMATS = {
    "nl": {"days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
           "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
           "months": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                      "september", "oktober", "november", "december"],
           "shortMonths": WORDS["nl"]["months"],
           "date": "%d-%m-%Y", "decimal": ",", "thousands": "."},
}


def plotly_config(base: dict, lang: str) -> dict:
    """A plotly config for a chart in `lang`: `base` plus the locale (English is plotly's own)."""
    lang = lang_or_default(lang)
    out = dict(base, locale=lang if lang in PLOTLY_FORMATS else "en")
    out["locales"] = {code: {"format": fmt} for code, fmt in PLOTLY_FORMATS.items()}
    return out
