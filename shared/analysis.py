"""Chinese text analysis with jieba: keywords of an article.

jieba's dictionary takes about a second to load, so it is loaded once per process (the worker
warms it before its pool forks, so children share it) and never per task.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_NOT_A_KEYWORD = re.compile(r"^[\d\W_]+$|^\d+[年月日号时分秒个次批期篇条余万亿元%％]+$")

_lock = threading.Lock()
_tfidf: Any = None


def _private_cache_dir() -> Path:
    path = Path(tempfile.gettempdir()) / f"baokan-jieba-{os.getuid()}"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def load_jieba() -> Any:
    """Load jieba's dictionary and IDF table once for this process; return the TF-IDF extractor."""
    global _tfidf
    with _lock:
        if _tfidf is None:
            # jieba reads its IDF table with an open() it never closes; the file is read
            # in full at once, so the warning about it says nothing about our code.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ResourceWarning)
                import jieba
                import jieba.analyse

                jieba.setLogLevel(60)
                jieba.dt.tmp_dir = str(_private_cache_dir())
                jieba.initialize()
                _tfidf = jieba.analyse.TFIDF()
        return _tfidf


def extract_keywords(text: str, *, exclude: Iterable[str] = (), limit: int = 10) -> list[str]:
    """The ``limit`` most characteristic words of ``text`` by TF-IDF, best first.

    Numbers, dates, punctuation and the words in ``exclude`` (the article's reporters) never
    count as keywords.
    """
    if limit <= 0 or not text.strip():
        return []
    excluded = {name for name in exclude if name}
    candidates: list[str] = load_jieba().extract_tags(text, topK=limit * 3)
    keywords = [
        word
        for word in candidates
        if len(word) > 1 and word not in excluded and not _NOT_A_KEYWORD.match(word)
    ]
    return keywords[:limit]
