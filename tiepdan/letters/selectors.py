"""Reads of letters: the one scoped access path, the register (filters, search, sort, capped count),
suggestions, duplicate candidates, and letters vs matters."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import BooleanField, Count, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from tiepdan.letters.models import (
    OPEN_STATUSES,
    ClassificationKind,
    DenouncerIdentity,
    LearnedTerm,
    Letter,
    LetterSender,
)
from tiepdan.org.models import Domain
from tiepdan.org.selectors import scope_by_unit
from tiepdan.text import classify
from tiepdan.text.classify import STOPWORDS, DomainKeywords, Learned, Suggestion
from tiepdan.text.duplicates import DupMatch, DupSubject, find_duplicates, query_phrases, sender_keys
from tiepdan.text.normalize import digits, fold

NEAR_DUE_DAYS = 3
PAGE_SIZE = 50
COUNT_CAP = 1_000  # the register counts exactly up to this, then says "more than" (reports count exactly)


def letters_visible_to(user) -> QuerySet[Letter]:
    return scope_by_unit(Letter.objects.select_related("unit", "domain"), user)


def letter_for(user, code: str) -> Letter | None:
    # No ORDER BY: with the model's default order (newest first) `.first()` lets SQLite walk the
    # register by date instead of looking the code up in its unique index.
    qs = letters_visible_to(user).select_related("denounced_unit", "split_from", "duplicate_of")
    return next(iter(qs.filter(code=code).order_by()[:1]), None)


# --- the register ------------------------------------------------------------------------------


@dataclass
class RegisterFilters:
    """Typed filters of the register (parsed by letters.forms.RegisterFilterForm)."""

    received_from: date | None = None
    received_to: date | None = None
    channel: str = ""
    matter_type: str = ""
    domain_id: int | None = None
    competence: str = ""
    status: str = ""
    unit_id: int | None = None
    commune_code: int | None = None
    due_soon: bool = False
    overdue: bool = False
    mass: bool = False
    query: str = ""
    sort: str = ""  # "" = newest received first; with a search, newest registered first (see register)
    extra: dict = field(default_factory=dict)


SORTS = {
    "-received_on": ("-received_on", "-id"),
    "-id": ("-id",),
    "received_on": ("received_on", "id"),
    "due_on": ("due_on", "id"),
    "-due_on": ("-due_on", "-id"),
    "-signer_count": ("-signer_count", "-received_on", "-id"),
    "code": ("code",),
}

_FTS_TOKEN = re.compile(r"[0-9a-z]+")


def _fts_terms(query: str) -> list[str]:
    return _FTS_TOKEN.findall(fold(query))[:12]


def search_letters(qs: QuerySet[Letter], query: str) -> QuerySet[Letter]:
    """Accent-insensitive search over summary, text and (unprotected) sender names: every word of the
    query must appear (the last one as a prefix), through each engine's full-text index."""
    terms = _fts_terms(query)
    if not terms:
        return qs
    vendor = connection.vendor
    if vendor == "sqlite":
        match = " ".join(f'"{t}"' for t in terms[:-1]) + f' "{terms[-1]}"*'
        return qs.filter(id__in=RawSQL("SELECT rowid FROM letters_letter_fts WHERE letters_letter_fts MATCH %s",
                                       [match.strip()]))
    if vendor == "postgresql":
        return qs.filter(RawSQL("letters_letter.search_vector @@ to_tsquery('simple', %s)", [_tsquery(terms)],
                                output_field=BooleanField()))
    condition = Q()
    for term in terms:
        condition &= Q(search_text__contains=term)
    return qs.filter(condition)


def _tsquery(terms: list[str]) -> str:
    return " & ".join([*terms[:-1], f"{terms[-1]}:*"])


@contextmanager
def search_session(searching: bool) -> Iterator[None]:
    """Run a search's count and page inside this block (PostgreSQL: one transaction without JIT
    compilation or parallel workers — on a bounded query they cost more than the query itself)."""
    if connection.vendor != "postgresql" or not searching:
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")
            cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        yield


def choose_page_plan(*, many_matches: bool) -> None:
    """Inside `search_session`, once the capped count has measured the matches.

    PostgreSQL cannot estimate a full-text match well: words that always come together ("karaoke tiếng
    ồn") look rare (their frequencies are multiplied), a prefix of an unknown word looks common. It then
    either fetches forty thousand matches through the full-text index to sort them, or walks the whole
    register in order looking for a word that is not there — a second either way. So the plan follows
    the count, for this transaction only: many matches → walk an ordered index and test each row's
    stored vector, stopping at the page's end (no bitmap or table scan); few → fetch them through the
    full-text index and sort (no plain index or table scan). SQLite's FTS5 query needs no help.
    """
    if connection.vendor != "postgresql" or connection.get_autocommit():
        return
    plan = ("enable_bitmapscan", "enable_seqscan") if many_matches else ("enable_indexscan", "enable_seqscan")
    with connection.cursor() as cursor:
        for name in plan:
            cursor.execute(f"SET LOCAL {name} = off")


def register(user, filters: RegisterFilters, *, today: date) -> QuerySet[Letter]:
    """The register as the user may see it, filtered and sorted (no slicing: the caller pages)."""
    qs = letters_visible_to(user)
    f = filters
    if f.received_from:
        qs = qs.filter(received_on__gte=f.received_from)
    if f.received_to:
        qs = qs.filter(received_on__lte=f.received_to)
    for column, value in (("channel", f.channel), ("matter_type", f.matter_type), ("competence", f.competence),
                          ("status", f.status)):
        if value:
            qs = qs.filter(**{column: value})
    if f.domain_id:
        qs = qs.filter(domain_id=f.domain_id)
    if f.unit_id:
        qs = qs.filter(unit_id=f.unit_id)
    if f.commune_code:
        qs = qs.filter(commune_code=f.commune_code)
    if f.due_soon:
        qs = qs.filter(status__in=OPEN_STATUSES, due_on__gte=today, due_on__lte=today + timedelta(days=NEAR_DUE_DAYS))
    if f.overdue:
        qs = qs.filter(status__in=OPEN_STATUSES, due_on__lt=today)
    if f.mass:
        qs = qs.filter(signer_count__gte=settings.TIEPDAN_MASS_THRESHOLD)
    if f.query:
        qs = search_letters(qs, f.query)
    # A search is shown newest-registered first unless another order is chosen: the matching ids come
    # out of the full-text index in id order, so the first page needs no sort of every match (a common
    # word matches a tenth of a million-letter archive).
    sort = f.sort if f.sort in SORTS else ("-id" if f.query else "-received_on")
    return qs.order_by(*SORTS[sort])


LIST_DEFERRED = ("text", "search_text", "denounced_persons", "disposition_note", "competent_body",
                 "transfer_doc_number", "content_hash")


def register_page(qs: QuerySet[Letter], *, page: int, size: int = PAGE_SIZE) -> tuple[list[Letter], bool]:
    """One page of the register and whether another follows: two queries whatever the page size — the
    letters (long columns deferred) and their senders' names, attached as `sender_names`."""
    start = (page - 1) * size
    rows = list(qs.defer(*LIST_DEFERRED)[start:start + size + 1])
    has_next, rows = len(rows) > size, rows[:size]
    attach_sender_names(rows)
    return rows, has_next


def sender_names_of(letter_ids: list[int]) -> dict[int, list[str]]:
    """Names of the senders of these (unprotected) letters, representative first.

    Sorted here, not in SQL: with an ORDER BY, SQLite's planner scans every citizen and probes the
    letters' index for each (two seconds for 2,000 letters instead of twenty milliseconds)."""
    rows: dict[int, list[tuple[bool, int, str]]] = defaultdict(list)
    if letter_ids:
        for link_id, letter_id, representative, name in LetterSender.objects.filter(
            letter_id__in=letter_ids
        ).order_by().values_list("id", "letter_id", "is_representative", "citizen__full_name"):
            rows[letter_id].append((not representative, link_id, name))
    return {letter_id: [name for *_, name in sorted(found)] for letter_id, found in rows.items()}


def attach_sender_names(letters: list[Letter]) -> None:
    """`letter.sender_names`: representative first; empty for a protected letter (masked by the caller)."""
    names = sender_names_of([letter.pk for letter in letters if not letter.protects_identity])
    for letter in letters:
        letter.sender_names = names.get(letter.pk, [])


def capped_count(qs: QuerySet, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """(count, exact): counting a million rows for a pager is the slowest part of a list page."""
    n = qs.order_by()[: cap + 1].count()
    return (cap, False) if n > cap else (n, True)


def matter_count(qs: QuerySet[Letter]) -> int:
    """Number of matters (vụ việc) among these letters: duplicates count once, with their first letter."""
    return qs.order_by().aggregate(n=Count(Coalesce("duplicate_of_id", "id"), distinct=True))["n"] or 0


def counts_by_type(qs: QuerySet[Letter]) -> dict[str, dict[str, int]]:
    """Letters and matters per type: the register's totals (reports distinguish the two)."""
    rows = qs.order_by().values("matter_type").annotate(
        letters=Count("id"), matters=Count(Coalesce("duplicate_of_id", "id"), distinct=True)
    )
    return {r["matter_type"]: {"letters": r["letters"], "matters": r["matters"]} for r in rows}


# --- suggestions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestions:
    type: Suggestion
    domain: Suggestion


def _learned(kind: str, terms: list[str]) -> Learned:
    rows = LearnedTerm.objects.filter(kind=kind, term__in=[*terms, ""]).values_list("label", "term", "count")
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    docs: dict[str, int] = {}
    for label, term, count in rows:
        if term == "":
            docs[label] = count
        else:
            counts[term][label] = count
    return Learned(counts, docs)


def domain_keywords(agency_id: int | None = None) -> list[DomainKeywords]:
    qs = Domain.objects.filter(active=True)
    if agency_id:
        qs = qs.filter(agency_id=agency_id)
    return [DomainKeywords.parse(d.code, d.name, d.keywords) for d in qs.order_by("order")]


def suggest_for_text(text: str, agency_id: int | None = None) -> Suggestions:
    terms = classify.learning_terms(text)
    return Suggestions(
        type=classify.suggest_type(text, learned=_learned(ClassificationKind.TYPE, terms)),
        domain=classify.suggest_domain(text, domain_keywords(agency_id),
                                       learned=_learned(ClassificationKind.DOMAIN, terms)),
    )


def suggest_for_letter(letter: Letter) -> Suggestions:
    return suggest_for_text(f"{letter.summary}\n{letter.text}", letter.unit.agency_id)


# --- duplicates --------------------------------------------------------------------------------

CANDIDATES_PER_SOURCE = 200


@dataclass(frozen=True)
class DuplicateCandidate:
    letter: Letter
    match: DupMatch


def _blind(id_number: str, phone: str, name: str, commune_code: int | None) -> frozenset[str]:
    from tiepdan.audit.crypto import blind_index

    return sender_keys(id_number=id_number or "", phone=phone or "", name=name or "", commune_code=commune_code,
                       hasher=blind_index)


def _stored_keys(letter: Letter) -> frozenset[str]:
    """Blind sender keys of a letter already in the register (protected: the stored indexes)."""
    keys: set[str] = set()
    if letter.protects_identity:
        for row in letter.denouncer_identities.all():
            keys |= {f"{k}:{v}" for k, v in (("id", row.id_number_index), ("phone", row.phone_index),
                                              ("nc", row.name_commune_index)) if v}
        return frozenset(keys)
    for link in letter.sender_links.all():
        c = link.citizen
        keys |= _blind(c.id_number or "", c.phone, c.full_name, c.commune_code)
    return frozenset(keys)


def plain_senders_of(letter: Letter) -> list[tuple[str, str, str, int | None]]:
    """(id_number, phone, full_name, commune_code) of an unprotected letter's senders."""
    if letter.protects_identity:
        return []
    return [(link.citizen.id_number or "", link.citizen.phone, link.citizen.full_name, link.citizen.commune_code)
            for link in letter.sender_links.select_related("citizen")]


def local_phone(phone: str) -> str:
    """Digits of a phone number as stored on citizens: "+84 912…" → "0912…"."""
    number = digits(phone)
    if number.startswith("84") and len(number) == 11:
        return "0" + number[2:]
    return number


def _candidate_ids_by_sender(keys: frozenset[str], plain: list[tuple[str, str, str, int | None]]) -> set[int]:
    """Letters with a sender sharing an ID number, phone or name + commune, through indexed columns:
    Citizen.id_number / search_phone / search_name+commune_code and the denouncers' blind indexes."""
    ids: set[int] = set()
    by_kind: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        kind, value = key.split(":", 1)
        by_kind[kind].append(value)
    identity_q = Q()
    for kind, column in (("id", "id_number_index"), ("phone", "phone_index"), ("nc", "name_commune_index")):
        if by_kind.get(kind):
            identity_q |= Q(**{f"{column}__in": by_kind[kind]})
    if identity_q:
        ids |= set(DenouncerIdentity.objects.filter(identity_q).values_list("letter_id", flat=True)
                   [:CANDIDATES_PER_SOURCE])
    citizen_q = Q()
    for id_number, phone, name, commune in plain:
        if number := digits(id_number or ""):
            citizen_q |= Q(citizen__id_number=number)
        if number := local_phone(phone or ""):
            citizen_q |= Q(citizen__search_phone=number)
        if (folded := fold(name or "")) and commune:
            citizen_q |= Q(citizen__search_name=folded, citizen__commune_code=commune)
    if citizen_q:
        ids |= set(LetterSender.objects.filter(citizen_q).values_list("letter_id", flat=True)[:CANDIDATES_PER_SOURCE])
    return ids


def duplicate_candidates(
    user, *, summary: str, text: str = "", senders: list[tuple[str, str, str, int | None]] = (),
    commune_code: int | None = None, domain_id: int | None = None, exclude_id: int | None = None,
) -> list[DuplicateCandidate]:
    """Earlier letters that may be the same matter: same sender and/or similar content, among those the
    user may see, whatever their status (settled ones included) and channel (sent to several bodies).

    `senders` are the plain (id_number, phone, full_name, commune_code) of the letter's senders: typed on
    the registration form, or read from an unprotected letter (`plain_senders_of`), or revealed — and
    logged — by letters.services.reveal_identity for a user allowed to see a denouncer.
    A match on the sender of another *protected* letter is shown only to a user allowed to see that
    letter's denouncer: otherwise it would tell who the denouncer is.
    """
    from tiepdan.letters.policies import can_see_identity

    plain = [s for s in senders if any(s[:3])]
    keys = frozenset().union(*(_blind(*s) for s in plain)) if plain else frozenset()
    visible = letters_visible_to(user)
    ids = _candidate_ids_by_sender(keys, plain)
    phrases = query_phrases(f"{summary} {text}", count=6, stopwords=STOPWORDS)
    if phrases:
        ids |= set(_by_phrases(visible, phrases).values_list("id", flat=True)[:CANDIDATES_PER_SOURCE])
    if commune_code and domain_id:
        ids |= set(visible.filter(commune_code=commune_code, domain_id=domain_id)
                   .order_by("-received_on").values_list("id", flat=True)[:CANDIDATES_PER_SOURCE])
    ids.discard(exclude_id)
    if not ids:
        return []
    candidates = list(
        visible.filter(id__in=ids).prefetch_related(
            Prefetch("sender_links", queryset=LetterSender.objects.select_related("citizen")),
            "denouncer_identities",
        )
    )
    subject = DupSubject(key=exclude_id or -1, text=f"{summary} {text}", senders=keys)
    others = []
    for c in candidates:
        hidden = c.protects_identity and not can_see_identity(user, c)
        others.append(DupSubject(key=c.pk, text=f"{c.summary} {c.text}",
                                 senders=frozenset() if hidden else _stored_keys(c)))
    by_id = {c.pk: c for c in candidates}
    return [DuplicateCandidate(by_id[m.key], m) for m in find_duplicates(subject, others)]


def _by_phrases(qs: QuerySet[Letter], phrases: list[str]) -> QuerySet[Letter]:
    """Letters containing any of the phrases (OR), newest first, through the full-text index."""
    vendor = connection.vendor
    if vendor == "sqlite":
        match = " OR ".join(f'"{p}"' for p in phrases)
        return qs.filter(id__in=RawSQL(
            "SELECT rowid FROM letters_letter_fts WHERE letters_letter_fts MATCH %s ORDER BY rank LIMIT %s",
            [match, CANDIDATES_PER_SOURCE * 5])).order_by("-received_on")
    if vendor == "postgresql":
        tsquery = " | ".join("(" + " <-> ".join(p.split()) + ")" for p in phrases)
        return qs.filter(RawSQL("letters_letter.search_vector @@ to_tsquery('simple', %s)",
                                [tsquery], output_field=BooleanField())).order_by("-received_on")
    condition = Q()
    for p in phrases:
        condition |= Q(search_text__contains=p)
    return qs.filter(condition).order_by("-received_on")


def matter_letters(letter: Letter) -> QuerySet[Letter]:
    """Every letter of the same matter (the first letter and its linked duplicates)."""
    root = letter.matter_root_id
    return Letter.objects.filter(Q(pk=root) | Q(duplicate_of_id=root))


def same_content_letters(letter: Letter) -> QuerySet[Letter]:
    """Letters of the same matter, or with the very same content (XLD-TC-ONCE, guidance once)."""
    root = letter.matter_root_id
    condition = Q(pk=root) | Q(duplicate_of_id=root)
    if letter.content_hash:
        condition |= Q(content_hash=letter.content_hash)
    return Letter.objects.filter(condition).exclude(pk=letter.pk)
