"""Candidate duplicate letters: same sender and/or similar content. Plain Python.

The caller fetches a bounded candidate set through indexed columns (same sender keys, a full-text
match on the letter's distinctive words, same commune and domain) and this module scores it; it never
compares a letter against the whole archive.

Sender keys are opaque strings ("id:…", "phone:…", "nc:…"). For a protected denouncer the caller
passes keyed hashes (blind indexes) instead of the values, computed the same way for both sides, so
a match is found without the identity ever being compared in plain text.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from tiepdan.text.normalize import digits, fold

CONTENT_THRESHOLD = 70.0  # token_set_ratio from which content alone makes a candidate
MIN_SHARED_WORDS = 4  # token_set_ratio is 100 for any subset: require some real overlap
MAX_CHARS = 2000  # long letters are compared on their beginning (summary first)

# How strongly each kind of sender match says "same sender".
SENDER_STRENGTH = {"id": 1.0, "phone": 0.8, "nc": 0.7}
REASON_LABELS = {
    "id": ("cùng số căn cước", "same ID number"),
    "phone": ("cùng số điện thoại", "same phone number"),
    "nc": ("cùng họ tên và xã, phường", "same name and commune"),
    "content": ("nội dung tương tự", "similar content"),
}


def sender_keys(
    *, id_number: str = "", phone: str = "", name: str = "", commune_code: int | None = None,
    hasher: Callable[[str, str], str] | None = None,
) -> frozenset[str]:
    """The matching keys of one sender; `hasher(kind, value)` turns each value into a blind index."""
    raw = []
    if number := digits(id_number or ""):
        raw.append(("id", number))
    if number := digits(phone or ""):
        raw.append(("phone", number[-9:]))  # 0912… and +84912… are the same number
    if (folded := fold(name or "")) and commune_code:
        raw.append(("nc", f"{folded}|{commune_code}"))
    if hasher is None:
        return frozenset(f"{kind}:{value}" for kind, value in raw)
    return frozenset(f"{kind}:{hasher(kind, value)}" for kind, value in raw)


@dataclass(frozen=True)
class DupSubject:
    key: int
    text: str  # summary and body; folded here
    senders: frozenset[str] = frozenset()


@dataclass(frozen=True)
class DupMatch:
    key: int
    score: float  # 0–100, sender and content evidence combined
    content_score: float
    reasons: tuple[str, ...]


def _words(text: str) -> set[str]:
    return {w for w in text.split() if len(w) > 2}


def content_similarity(a: str, b: str) -> float:
    """token_set_ratio over folded text, 0 when the letters share fewer than MIN_SHARED_WORDS words."""
    fa, fb = fold(a)[:MAX_CHARS], fold(b)[:MAX_CHARS]
    if len(_words(fa) & _words(fb)) < MIN_SHARED_WORDS:
        return 0.0
    return float(fuzz.token_set_ratio(fa, fb))


def find_duplicates(
    subject: DupSubject, candidates: Iterable[DupSubject], *, threshold: float = CONTENT_THRESHOLD,
    limit: int = 20,
) -> list[DupMatch]:
    """Candidates with a shared sender key, or content similarity ≥ `threshold`, best first."""
    matches = []
    for other in candidates:
        if other.key == subject.key:
            continue
        shared = subject.senders & other.senders
        kinds = sorted({k.split(":", 1)[0] for k in shared}, key=lambda k: -SENDER_STRENGTH.get(k, 0))
        sender = max((SENDER_STRENGTH.get(k, 0.5) for k in kinds), default=0.0)
        content = content_similarity(subject.text, other.text)
        if not kinds and content < threshold:
            continue
        reasons = [*kinds, *(["content"] if content >= threshold else [])]
        # Either kind of evidence alone can make a candidate; both together make it near certain.
        score = 100 * (1 - (1 - sender) * (1 - content / 100))
        matches.append(DupMatch(other.key, round(score, 1), round(content, 1), tuple(reasons)))
    matches.sort(key=lambda m: (-m.score, -m.content_score, -m.key))
    return matches[:limit]


def query_phrases(text: str, *, count: int = 6, stopwords: frozenset[str] = frozenset()) -> list[str]:
    """Distinct word pairs of a text (neither a stopword), in order of appearance: a cheap OR query for
    the full-text candidate fetch. Vietnamese syllables are short, so pairs are what carry meaning."""
    words = [w for w in fold(text).replace(",", " ").replace(".", " ").split() if w.isalnum()]
    seen: dict[str, None] = {}
    for a, b in itertools.pairwise(words):
        if a in stopwords or b in stopwords or len(a) < 2 or len(b) < 2 or a.isdigit() or b.isdigit():
            continue
        seen.setdefault(f"{a} {b}")
        if len(seen) >= count:
            break
    return list(seen)
