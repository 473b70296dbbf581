"""Chinese search by words: the site's own terms taught to jieba, the word splitter Material's search plugin runs
over every stretch of Chinese in the search index.

Handles no MkDocs event; `hooks/search_index.py` calls `teach` when a build starts.

- Chinese is written without spaces. With jieba installed (it is in requirements.lock), Material's search plugin
  splits each stretch of Chinese into words and puts a zero-width space between them, which the search
  `separator` in mkdocs.yml splits on; in the browser the theme splits a query the same way, by the words the
  index holds. A search for 医学考试 then looks for the words 医学 and 考试, not for any page holding its four
  characters anywhere (with the site's earlier split, one token per character, 37% of the top results and 64% of
  the top pages for the query set in tests/chinese_search.py held the word searched for; now 91% and 96%).
- jieba's dictionary is general Chinese; the glossary's Chinese forms and data/terms.yml's chosen names are added
  so each is one word (大语言模型, 多学科肿瘤会诊, 太一), as the search plugin's `jieba_dict_user` option would, from the
  data instead of a second copy of it.
- Under `mkdocs serve`, every rebuild splits every page again (about 0.5 s for the site's 200,000 Chinese
  characters), though an edit changes one page: the split of each text is kept for the next rebuild, until the
  site's words change (`jieba.cut` wrapped by a cache; the plugin calls it through the module).
"""

from __future__ import annotations

import functools
import logging
import re

from mkdocs.exceptions import PluginError

ALL_CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def site_words(data) -> list[str]:
    """Every all-Chinese name the site gives a term (glossary names and forms, the chosen names of terms.yml), and
    the Chinese in models' names (太一 of "Taiyi (太一)")."""
    forms = [form for term in data.glossary.values() for form in (term.term.zh, *term.matches["zh"])]
    forms += [term.zh for term in data.terms.values()]
    forms = [form for form in forms if ALL_CHINESE.fullmatch(form)]
    forms += [run for model in data.models.values() for run in ALL_CHINESE.findall(model.name)]
    return list(dict.fromkeys(forms))


def teach(data) -> None:
    try:
        import jieba
    except ImportError:
        raise PluginError("Chinese search needs jieba, which is not installed in this environment: run `make serve` "
                          "or `make test`, which install requirements.lock") from None
    jieba.setLogLevel(logging.WARNING)  # it reports loading its dictionary on every first build, to stderr
    words = tuple(site_words(data))
    if getattr(jieba.cut, "words", None) == words:
        return
    for word in words:
        jieba.add_word(word)
    jieba.cut = _remembering(getattr(jieba.cut, "__wrapped__", jieba.cut), words)


def _remembering(cut, words: tuple):
    """`cut` (jieba's word splitter) that keeps each text's split, for the dictionary as `words` left it."""
    @functools.lru_cache(maxsize=None)
    def split(sentence, cut_all: bool, hmm: bool) -> tuple[str, ...]:
        return tuple(cut(sentence, cut_all=cut_all, HMM=hmm))

    @functools.wraps(cut)
    def remembering_cut(sentence, cut_all=False, HMM=True, use_paddle=False):
        return iter(split(sentence, cut_all, HMM))

    remembering_cut.words = words
    return remembering_cut
