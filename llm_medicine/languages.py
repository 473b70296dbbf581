"""The site's languages, read from mkdocs-static-i18n's configuration in `mkdocs.yml`: the one place they are named.

The data's own schema (`schema.LANGUAGES`) names the languages every reader-facing text must have; `check()`
fails the build when the two disagree, so a language added to one and not the other is caught at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.exceptions import PluginError

from llm_medicine import schema


@dataclass(frozen=True)
class Languages:
    default: str
    """The language served at the site root (English)."""
    all: tuple[str, ...]
    """Every built language, the default first."""
    site_names: dict[str, str] = field(default_factory=dict, compare=False)
    """The site's name in each language (`site_name` in mkdocs.yml, per language where the plugin sets one)."""

    @property
    def translations(self) -> tuple[str, ...]:
        """The languages translated from the default one, each served under `<lang>/`."""
        return tuple(lang for lang in self.all if lang != self.default)

    def root(self, lang: str) -> str:
        """The folder of a language's pages relative to the site root: `""` or `"zh/"`."""
        return "" if lang == self.default else f"{lang}/"


def of_config(config) -> Languages:
    """Read from the plugin's validated configuration, so it also works outside a build (scripts, tests)."""
    configured = [language for language in config.plugins["i18n"].config.languages if language.build]
    default = next(language.locale for language in configured if language.default)
    names = {language.locale: getattr(language, "site_name", None) or getattr(config, "site_name", "")
             for language in configured}
    return Languages(default=default, all=(default, *[lang.locale for lang in configured if lang.locale != default]),
                     site_names=names)


def current(config) -> str:
    """The language of the build in progress (mkdocs-static-i18n builds the site once per language)."""
    return config.plugins["i18n"].current_language or of_config(config).default


def of_page(page, config) -> str:
    return getattr(page.file, "locale", None) or current(config)


def writes_words_apart(lang: str) -> bool:
    """False for languages written without spaces between words (Chinese): word boundaries mean nothing there."""
    return lang not in {"zh", "ja"}


def after_label(label_colon: str, lang: str) -> str:
    """What follows a label, from the language's colon (`:` / `：`): a space after it where words are written apart."""
    return label_colon + (" " if writes_words_apart(lang) else "")


def check(config) -> None:
    configured = of_config(config)
    if set(configured.all) != set(schema.LANGUAGES) or configured.default != schema.SOURCE_LANGUAGE:
        raise PluginError(
            f"mkdocs.yml: plugins.i18n.languages builds {list(configured.all)}, but every text in data/ is written "
            f"in {list(schema.LANGUAGES)}, translated from '{schema.SOURCE_LANGUAGE}' (llm_medicine/schema.py, LANGUAGES): "
            "make the two lists the same, with that language as the default"
        )
