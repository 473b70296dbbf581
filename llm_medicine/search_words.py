"""Chinese search by words: the site's own terms taught to jieba, the word splitter Material's search plugin runs
over every stretch of Chinese in the search index.

Handles no MkDocs event; `hooks/search_index.py` calls `teach` when a build starts.

- Chinese is written without spaces. With jieba installed (it is in requirements.lock), Material's search plugin
  splits each stretch of Chinese into words and puts a zero-width space between them, which the search
  `separator` in mkdocs.yml splits on; in the browser the theme splits a query the same way, by the words the
  index holds. A search for 医学考试 then looks for the words 医学 and 考试, not for any page holding its four
  characters anywhere (the site's earlier split, one token per character: 22% of the top results of the query set
  in tests/chinese_search.py held the word searched for).
- jieba's dictionary is general Chinese; the glossary's Chinese forms and data/terms.yml's chosen names are added
  so each is one word (大语言模型, 多学科肿瘤会诊, 太一), as the search plugin's `jieba_dict_user` option would, from the
  data instead of a second copy of it.
"""

from __future__ import annotations

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
    for word in site_words(data):
        jieba.add_word(word)
