"""How numbers and dates read in each language, by Babel (CLDR): `8.9B` / `89亿`, `Feb 2022` / `2022年2月`.

Templates, pages and the chart call these, so a size or a date is written the same way everywhere it appears.
"""

from __future__ import annotations

import datetime as dt
import functools

from babel.dates import format_skeleton
from babel.numbers import format_compact_decimal, format_decimal

from llm_medicine import schema

# The site's language codes are those of mkdocs.yml; Babel wants a full CLDR locale for Chinese (Simplified, China).
BABEL_LOCALES = {"zh": "zh_Hans_CN"}


def babel_locale(lang: str) -> str:
    return BABEL_LOCALES.get(lang, lang)


# The same few hundred sizes and dates are written thousands of times per build (chart, tables, cards, downloads):
# each is formatted by Babel once per process.
@functools.lru_cache(maxsize=4096)
def format_parameters(count: float | None, lang: str, undisclosed: str) -> str:
    """`8.9B` / `89亿`; `undisclosed` is the page-language word used when the size is not public."""
    if count is None:
        return undisclosed
    return format_compact_decimal(count, locale=babel_locale(lang), fraction_digits=2)


def format_release(date: schema.ReleaseDate, lang: str) -> str:
    """`Feb 2022` / `2022年2月`, with the day when the source gives it (`Feb 14, 2019` / `2019年2月14日`)."""
    return _format_month_or_day(date.year, date.month, date.day, lang)


@functools.lru_cache(maxsize=4096)
def _format_month_or_day(year: int, month: int, day: int | None, lang: str) -> str:
    skeleton = "yMMMd" if day else "yMMM"
    return format_skeleton(skeleton, dt.date(year, month, day or 1), locale=babel_locale(lang))


def format_day(date: dt.date, lang: str) -> str:
    """`Nov 25, 2026` / `2026年11月25日`."""
    return format_skeleton("yMMMd", date, locale=babel_locale(lang))


def format_size(size: int, lang: str) -> str:
    """A file size in megabytes (`3.4 MB`), or kilobytes under one megabyte."""
    if size >= 1_000_000:
        return f"{format_decimal(size / 1_000_000, format='#,##0.0', locale=babel_locale(lang))} MB"
    return f"{format_decimal(max(1, round(size / 1000)), locale=babel_locale(lang))} KB"


def format_score(score: float, lang: str) -> str:
    """A score as its source prints it, with its decimals and no more: `86.5`, `57.71` (the same in both languages)."""
    return format_decimal(score, format='0.###', locale=babel_locale(lang))
