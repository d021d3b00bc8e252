"""Finding people the way a Chinese office types: by characters, full pinyin or initials.

`kefu` finds 客服组, `zyt` finds 张雨桐, `zhangyt` (a login name) finds 张雨桐 too. Pinyin comes from
the pypinyin library (its dictionaries are loaded on first use, not at start-up)."""

from __future__ import annotations

import re
from functools import lru_cache

_HAN = re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=4096)
def _pinyin_forms(text: str) -> tuple[str, ...]:
    if not _HAN.search(text):
        return ()
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(text, errors="default")
    initials = lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")
    full = "".join(syllables).lower()
    short = "".join(initials).lower()
    # the login-name style: surname in full, given name as initials (张雨桐 -> zhangyt)
    mixed = (syllables[0] + "".join(initials[1:])).lower() if len(syllables) > 1 else full
    return full, short, mixed


def search_key(*values) -> str:
    """One lowercase haystack for a row: its texts, and each Chinese text's pinyin and initials."""
    parts = []
    for value in values:
        text = "" if value is None else str(value).strip()
        if text:
            parts.append(text.lower())
            parts.extend(_pinyin_forms(text))
    return "\x1f".join(parts)


def matches(query: str, key: str) -> bool:
    """Every word of the query occurs in the key (characters, pinyin or initials; case ignored)."""
    words = query.lower().split()
    return all(word in key for word in words)
