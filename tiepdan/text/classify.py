"""Suggest a letter's type and domain from its content, and say which words drove the suggestion.

Plain Python, offline, no model: weighted terms over the accent-folded text (`fold`), plus weights
learned from officers' confirmed classifications (passed in by the caller as counts; this module never
reads the database). The officer always decides: these are suggestions shown with their evidence.

Classification is by content, not by title (Circular 05/2021): a letter headed "Đơn khiếu nại" whose
body denounces an official is a denunciation. Phrases that name the kind of letter ("đơn khiếu nại",
"đơn tố cáo"...) therefore count only a little.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from tiepdan.text.normalize import fold

# Letter types: the values of tiepdan.common.choices.MatterType (kept as strings: this package
# depends on nothing of ours).
COMPLAINT = "complaint"
DENUNCIATION = "denunciation"
PETITION = "petition"
FEEDBACK = "feedback"
TYPES = (COMPLAINT, DENUNCIATION, PETITION, FEEDBACK)

# Weighted terms per type, already folded. A weight says how strongly the phrase, found in the body of
# the letter, points at the type. Sources: the definitions of Law 02/2011 Art 2, Law 25/2018 Art 2 and
# Law 42/2013 Art 2 (glossary.md), and the wording of typical letters.
TYPE_TERMS: dict[str, dict[str, float]] = {
    COMPLAINT: {
        "khieu nai": 2.5,
        "quyet dinh hanh chinh": 2.5,
        "hanh vi hanh chinh": 2.5,
        "quyet dinh xu phat": 2.0,
        "quyet dinh ky luat": 2.0,
        "quyen va loi ich hop phap": 2.5,
        "quyen loi hop phap": 2.0,
        "xem xet lai quyet dinh": 2.5,
        "huy quyet dinh": 2.5,
        "thu hoi quyet dinh": 2.0,
        "khong dong y voi quyet dinh": 2.5,
        "khong dong y": 1.0,
        "buoc thoi viec": 2.0,
        "xu phat vi pham hanh chinh": 1.5,
        "quyet dinh so": 1.0,
        "anh huong den quyen": 1.5,
        "giai quyet lan dau": 2.0,
        "giai quyet lan hai": 2.0,
    },
    DENUNCIATION: {
        "to cao": 3.0,
        "nhan tien": 2.5,
        "nhan hoi lo": 3.0,
        "hoi lo": 3.0,
        "nhung nhieu": 3.0,
        "tham o": 3.0,
        "tham nhung": 3.0,
        "lam dung chuc vu": 3.0,
        "loi dung chuc vu": 3.0,
        "lam dung quyen han": 3.0,
        "chiem doat": 2.5,
        "tieu cuc": 2.0,
        "sai pham": 1.5,
        "bao che": 2.0,
        "vi pham phap luat": 1.5,
        "gay kho khan": 2.0,
        "bon rut": 2.5,
        "thu tien trai phep": 2.5,
        "an chan": 2.0,
        "dut lot": 2.5,
        "phong bi": 2.0,
        "lap khong": 2.0,
        "gian lan": 2.0,
        "lam gia": 2.0,
        "danh bac": 1.5,
        "co y lam trai": 2.5,
        "thong dong": 2.0,
        "vu loi": 2.0,
    },
    PETITION: {
        "kien nghi": 2.5,
        "de nghi": 1.0,
        "de xuat": 1.5,
        "mong muon": 1.0,
        "kinh mong": 1.0,
        "xem xet ho tro": 2.0,
        "ho tro kinh phi": 2.0,
        "ho tro": 1.0,
        "bo sung": 0.5,
        "dau tu": 1.0,
        "cap kinh phi": 1.5,
        "xep hang": 1.0,
        "tao dieu kien": 1.0,
        "mo rong": 0.5,
    },
    FEEDBACK: {
        "phan anh": 2.5,
        "tinh trang": 1.5,
        "gay on": 2.0,
        "tieng on": 2.0,
        "mat trat tu": 2.0,
        "mat an ninh": 1.5,
        "o nhiem": 1.5,
        "xuong cap": 1.5,
        "hu hong": 1.5,
        "mat ve sinh": 1.5,
        "khong dam bao": 1.0,
        "ton tai": 0.5,
        "thai do phuc vu": 1.5,
        "keo dai qua": 1.0,
    },
}

# Phrases that only name the kind of letter (its title): they count little, the content decides.
TITLE_PHRASES: dict[str, tuple[str, ...]] = {
    "don khieu nai to cao": (COMPLAINT, DENUNCIATION),
    "don khieu nai": (COMPLAINT,),
    "don to cao": (DENUNCIATION,),
    "don kien nghi": (PETITION,),
    "don de nghi": (PETITION,),
    "don phan anh": (FEEDBACK,),
    "don thu khieu nai": (COMPLAINT,),
}
TITLE_WEIGHT = 0.5

MIN_SCORE = 1.0  # below this, no suggestion ("not enough evidence")
MIXED_SHARE = 0.5  # another type with at least half the top score (and MIN_MIXED) suggests a mixed letter
MIN_MIXED = 2.5
LEARN_SCALE = 0.6  # weight of one learned term's log-ratio
LEARN_CAP = 1.5  # cap of one learned term's contribution (either sign)
LEARN_MIN_COUNT = 2  # a term must have been seen in this many confirmed letters before it counts
MAX_LEARN_TERMS = 400

# Function words that carry no meaning for classification (folded).
STOPWORDS = frozenset(
    {
        "va", "la", "cua", "cho", "voi", "cac", "mot", "duoc", "da", "dang", "se", "thi", "ma", "nay",
        "do", "khi", "tai", "tren", "trong", "ve", "den", "tu", "toi", "chung", "ong", "ba", "anh", "chi",
        "em", "ho", "no", "nguoi", "viec", "kinh", "gui", "so", "ngay", "thang", "nam", "theo", "vao",
        "ra", "lai", "con", "co", "khong", "cung", "nhu", "de", "bi", "boi", "hay", "hoac", "neu", "vi",
        "nen", "rat", "qua",
    }
)

_NON_WORD = re.compile(r"[^0-9a-z]+")


def tokens(text: str) -> list[str]:
    """Folded word tokens: "Đơn khiếu-nại, ông A!" → ["don", "khieu", "nai", "ong", "a"]."""
    return [t for t in _NON_WORD.split(fold(text)) if t]


def _joined(words: Sequence[str]) -> str:
    return " " + " ".join(words) + " "


def _count(haystack: str, phrase: str) -> int:
    return haystack.count(f" {phrase} ")


def terms(text: str) -> Counter[str]:
    """Unigrams and bigrams used for learning (stopword-only terms and 1-letter words dropped)."""
    words = tokens(text)
    found: Counter[str] = Counter()
    for i, w in enumerate(words):
        if len(w) > 1 and w not in STOPWORDS and not w.isdigit():
            found[w] += 1
        if i + 1 < len(words):
            a, b = w, words[i + 1]
            if not (a in STOPWORDS and b in STOPWORDS) and not (a.isdigit() or b.isdigit()):
                found[f"{a} {b}"] += 1
    return found


@dataclass(frozen=True)
class Evidence:
    """One reason for a score: a phrase found in the text, how often, and how much it counted."""

    term: str
    weight: float
    count: int
    source: str  # "keyword" | "title" | "learned"


@dataclass(frozen=True)
class LabelScore:
    label: str
    score: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Suggestion:
    label: str | None
    confidence: float
    scores: tuple[LabelScore, ...]
    mixed_with: tuple[str, ...] = ()

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        for s in self.scores:
            if s.label == self.label:
                return s.evidence
        return ()

    def score_of(self, label: str) -> float:
        return next((s.score for s in self.scores if s.label == label), 0.0)


@dataclass(frozen=True)
class Learned:
    """Counts from confirmed classifications: per term, in how many confirmed letters of each label it
    appeared; and how many letters were confirmed per label."""

    term_counts: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    label_docs: Mapping[str, int] = field(default_factory=dict)


NOTHING_LEARNED = Learned()


def _learned_evidence(found: Iterable[str], labels: Sequence[str], learned: Learned) -> dict[str, list[Evidence]]:
    """Smoothed log-ratio of a term's rate among letters confirmed as `label` to its rate among all
    confirmed letters: a word that appears in every letter whatever its type counts for nothing."""
    out: dict[str, list[Evidence]] = {label: [] for label in labels}
    total_docs = sum(learned.label_docs.get(label, 0) for label in labels)
    if not total_docs:
        return out
    for term in found:
        counts = learned.term_counts.get(term)
        if not counts:
            continue
        seen = sum(counts.get(label, 0) for label in labels)
        if seen < LEARN_MIN_COUNT:
            continue
        p_all = (seen + 0.5) / (total_docs + 1.0)
        for label in labels:
            docs = learned.label_docs.get(label, 0)
            if not docs:
                continue
            p_label = (counts.get(label, 0) + 0.5) / (docs + 1.0)
            weight = max(-LEARN_CAP, min(LEARN_CAP, LEARN_SCALE * math.log(p_label / p_all)))
            if abs(weight) >= 0.05:
                out[label].append(Evidence(term, round(weight, 2), 1, "learned"))
    return out


def _rank(raw: dict[str, list[Evidence]]) -> Suggestion:
    scores = []
    for label, evidence in raw.items():
        total = sum(e.weight for e in evidence)
        strongest = tuple(sorted(evidence, key=lambda e: -e.weight))
        scores.append(LabelScore(label, round(total, 2), strongest))
    scores.sort(key=lambda s: (-s.score, s.label))
    top = scores[0] if scores else None
    if top is None or top.score < MIN_SCORE:
        return Suggestion(None, 0.0, tuple(scores))
    positive = sum(s.score for s in scores if s.score > 0)
    mixed = tuple(
        s.label for s in scores[1:] if s.score >= MIN_MIXED and s.score >= MIXED_SHARE * top.score
    )
    return Suggestion(top.label, round(top.score / positive, 2), tuple(scores), mixed)


def suggest_type(text: str, *, learned: Learned = NOTHING_LEARNED) -> Suggestion:
    """The letter type suggested by the text (summary and body), with the evidence for each type."""
    words = tokens(text)
    haystack = _joined(words)
    raw: dict[str, list[Evidence]] = {label: [] for label in TYPES}
    # Title phrases first, then blank them out so that "đơn khiếu nại" does not count again as the
    # content word "khiếu nại".
    for phrase in sorted(TITLE_PHRASES, key=len, reverse=True):
        n = _count(haystack, phrase)
        if n:
            for label in TITLE_PHRASES[phrase]:
                raw[label].append(Evidence(phrase, TITLE_WEIGHT, n, "title"))
            haystack = haystack.replace(f" {phrase} ", " | ")
    for label, table in TYPE_TERMS.items():
        # Longest phrases first; a matched phrase is not counted again through its parts.
        local = haystack
        for phrase in sorted(table, key=len, reverse=True):
            n = _count(local, phrase)
            if n:
                # Repetition adds a little: the third mention of "tố cáo" is not three times the evidence.
                weight = table[phrase] * (1 + 0.25 * min(n - 1, 4))
                raw[label].append(Evidence(phrase, round(weight, 2), n, "keyword"))
                local = local.replace(f" {phrase} ", " | ")
    for label, evidence in _learned_evidence(_top_terms(text), TYPES, learned).items():
        raw[label].extend(evidence)
    return _rank(raw)


@dataclass(frozen=True)
class DomainKeywords:
    code: str
    name: str
    keywords: tuple[str, ...]

    @classmethod
    def parse(cls, code: str, name: str, keywords: str) -> DomainKeywords:
        phrases = tuple(dict.fromkeys(p for p in (" ".join(tokens(k)) for k in re.split(r"[,;\n]", keywords)) if p))
        return cls(code, name, phrases)


def suggest_domain(
    text: str, domains: Sequence[DomainKeywords], *, learned: Learned = NOTHING_LEARNED
) -> Suggestion:
    """The domain (lĩnh vực) suggested by its keywords (Domain.keywords) and its name, plus learning."""
    haystack = _joined(tokens(text))
    raw: dict[str, list[Evidence]] = {d.code: [] for d in domains}
    for domain in domains:
        phrases = {p: 1.0 + 0.5 * (len(p.split()) - 1) for p in domain.keywords}
        name = " ".join(tokens(domain.name))
        if name and name not in phrases:
            phrases[name] = 1.0 + 0.5 * (len(name.split()) - 1)
        local = haystack
        for phrase in sorted(phrases, key=len, reverse=True):
            n = _count(local, phrase)
            if n:
                weight = phrases[phrase] * (1 + 0.25 * min(n - 1, 4))
                raw[domain.code].append(Evidence(phrase, round(weight, 2), n, "keyword"))
                local = local.replace(f" {phrase} ", " | ")
    codes = [d.code for d in domains]
    for label, evidence in _learned_evidence(_top_terms(text), codes, learned).items():
        raw[label].extend(evidence)
    return _rank(raw)


def _top_terms(text: str) -> list[str]:
    return [t for t, _ in terms(text).most_common(MAX_LEARN_TERMS)]


def learning_terms(text: str) -> list[str]:
    """The distinct terms of a confirmed letter that feed the learned weights (bounded)."""
    return _top_terms(text)
