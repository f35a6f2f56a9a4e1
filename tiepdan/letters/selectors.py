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
from django.db.models import BooleanField, Count, Max, Prefetch, Q, QuerySet
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
from tiepdan.org.selectors import scope_by_unit, sees_whole_agency
from tiepdan.text import classify
from tiepdan.text.classify import STOPWORDS, DomainKeywords, Learned, Suggestion
from tiepdan.text.duplicates import DupMatch, DupSubject, find_duplicates, query_phrases, sender_keys
from tiepdan.text.normalize import digits, fold

NEAR_DUE_DAYS = 3
PAGE_SIZE = 50
COUNT_CAP = 1_000  # the register counts exactly up to this, then says "more than" (reports count exactly)


def letters_visible_to(user) -> QuerySet[Letter]:
    return scope_by_unit(Letter.objects.select_related("unit", "domain"), user)


# The open statuses written into the SQL, not bound as parameters: SQLite uses a partial index only when the
# query's condition is the index's own (letter_open_due, letter_open_unit_due), which a parameter's value
# cannot prove. The values are the model's constants.
_OPEN_SQL = "letters_letter.status IN ({})".format(", ".join(f"'{status}'" for status in OPEN_STATUSES))


def only_open(qs: QuerySet[Letter]) -> QuerySet[Letter]:
    """The letters still being handled (registered or classified), readable in due order from an index."""
    return qs.filter(RawSQL(_OPEN_SQL, [], output_field=BooleanField()))  # noqa: S611 - constants only


def letter_for(user, code: str) -> Letter | None:
    # No ORDER BY: with the model's default order (newest first) `.first()` lets SQLite walk the
    # register by date instead of looking the code up in its unique index. The letters it was split
    # from or duplicates are not joined: few letters have them (one query then), and two more copies
    # of the letters table in the join cost PostgreSQL's planner 2.5 ms on every letter page.
    qs = letters_visible_to(user).select_related("denounced_unit")
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


def _fts_match(terms: list[str]) -> str:
    return (" ".join(f'"{t}"' for t in terms[:-1]) + f' "{terms[-1]}"*').strip()


def search_letters(qs: QuerySet[Letter], query: str) -> QuerySet[Letter]:
    """Accent-insensitive search over summary, text and (unprotected) sender names: every word of the
    query must appear (the last one as a prefix), through each engine's full-text index."""
    terms = _fts_terms(query)
    if not terms:
        return qs
    vendor = connection.vendor
    if vendor == "sqlite":
        return qs.filter(id__in=_fts_matches(_fts_match(terms)))
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
    """Inside `search_session`, once the capped count has measured the matches (PostgreSQL). Few
    matches: fetch them through the full-text index and sort them (no plain index or table scan), for
    this transaction only. Many: nothing to set, the condition is written so that the planner walks
    the order's index (see _postgres_search_listing)."""
    if connection.vendor != "postgresql" or connection.get_autocommit() or many_matches:
        return
    with connection.cursor() as cursor:
        for name in ("enable_indexscan", "enable_seqscan"):
            cursor.execute(f"SET LOCAL {name} = off")


def register(user, filters: RegisterFilters, *, today: date) -> QuerySet[Letter]:
    """The register as the user may see it, filtered and sorted (no slicing: the caller pages)."""
    qs = search_letters(_filtered(user, filters, today), filters.query) if filters.query else _filtered(
        user, filters, today)
    return qs.order_by(*SORTS[_sort(filters)])


def _filtered(user, f: RegisterFilters, today: date) -> QuerySet[Letter]:
    """The register's filters except the search."""
    qs = letters_visible_to(user)
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
        qs = only_open(qs).filter(due_on__gte=today, due_on__lte=today + timedelta(days=NEAR_DUE_DAYS))
    if f.overdue:
        qs = only_open(qs).filter(due_on__lt=today)
    if f.mass:
        qs = qs.filter(signer_count__gte=settings.TIEPDAN_MASS_THRESHOLD)
    return qs


def _sort(f: RegisterFilters) -> str:
    # A search is shown newest-registered first unless another order is chosen: the matching ids come
    # out of the full-text index in id order, so the first page needs no sort of every match (a common
    # word matches a tenth of a million-letter archive).
    return f.sort if f.sort in SORTS else ("-id" if f.query else "-received_on")


@dataclass
class Listing:
    """One page of the register: its rows (with `sender_names`), whether another follows, and the count
    (exact up to COUNT_CAP, else COUNT_CAP and exact=False)."""

    rows: list[Letter]
    has_next: bool
    total: int
    exact: bool


def register_listing(user, filters: RegisterFilters, *, today: date, page: int = 1,
                     size: int | None = None) -> Listing:
    """The register page: the capped count, then one page of letters (PAGE_SIZE), each engine's search
    planned from what the count found (docs/benchmarks.md)."""
    size = size or PAGE_SIZE
    terms = _fts_terms(filters.query) if filters.query else []
    if terms and connection.vendor == "sqlite":
        return _sqlite_search_listing(user, filters, terms, today=today, page=page, size=size)
    if terms and connection.vendor == "postgresql":
        return _postgres_search_listing(user, filters, terms, today=today, page=page, size=size)
    qs = register(user, filters, today=today)
    total, exact = capped_count(qs, COUNT_CAP)
    rows, has_next = register_page(qs, page=page, size=size) if total else ([], False)
    return Listing(rows, has_next, total, exact)


PG_WINDOW = 50_000  # PostgreSQL: a search over the whole register counts first among the newest letters


def _postgres_search_listing(user, filters: RegisterFilters, terms: list[str], *, today: date, page: int,
                             size: int) -> Listing:
    """A search on PostgreSQL: the count, then the page planned from it.

    The count goes through the full-text index when anything narrows the register (a type above all:
    each type has its own partial index, migration 0006; a unit's scope, a period ...). Over the whole
    register, the index would build the set of every match before the first row — 40-120 ms for a
    common word on a million letters ("lễ hội", or a short last word read as a prefix: "ồn" takes in
    "ông") — while one letter in ten matching is found by walking the newest 11,000 (10 ms): the count
    walks the newest PG_WINDOW letters, stops at COUNT_CAP + 1 matches, and uses the index only if
    they hold no more than COUNT_CAP.

    The page follows the count: many matches → the order's index is walked and each row's stored
    vector tested, stopping at the page's end (the condition is wrapped in coalesce() so that the
    planner, which multiplies the frequencies of words that always come together and misjudges
    "karaoke tiếng ồn" as rare, cannot prefer fetching every match to sort it); few → they are fetched
    through the full-text index and sorted (no plain index or table scan, which a prefix of an unknown
    word would otherwise get: a walk of the whole register looking for it).
    """
    tsquery = _tsquery(terms)
    base = _filtered(user, filters, today)
    order = SORTS[_sort(filters)]
    walked = base.filter(RawSQL("coalesce(letters_letter.search_vector @@ to_tsquery('simple', %s), false)",
                                [tsquery], output_field=BooleanField()))
    indexed = base.filter(RawSQL("letters_letter.search_vector @@ to_tsquery('simple', %s)", [tsquery],
                                 output_field=BooleanField()))
    with search_session(True):
        total, exact = None, False
        if not _narrowed(user, filters):
            total, exact = _newest_count(walked)
        if total is None:
            total, exact = capped_count(indexed, COUNT_CAP)
        choose_page_plan(many_matches=not exact)
        qs = indexed if exact else walked
        rows, has_next = register_page(qs.order_by(*order), page=page, size=size) if total else ([], False)
    return Listing(rows, has_next, total, exact)


def _narrowed(user, f: RegisterFilters) -> bool:
    """Whether anything but the search narrows the register (the user's scope included)."""
    return not sees_whole_agency(user) or any((
        f.received_from, f.received_to, f.channel, f.matter_type, f.domain_id, f.competence, f.status, f.unit_id,
        f.commune_code, f.due_soon, f.overdue, f.mass))


def _newest_count(walked: QuerySet[Letter]) -> tuple[int | None, bool]:
    """(count, exact) of the matches among the newest PG_WINDOW letters, walking the primary key down
    (the table's own order: sequential reads); (None, False) if they hold no more than COUNT_CAP and
    older letters exist."""
    last = Letter.objects.aggregate(last=Max("id"))["last"] or 0
    threshold = last - PG_WINDOW
    found = walked.filter(id__gt=threshold).select_related(None).order_by("-id")[:COUNT_CAP + 1].count()
    if found > COUNT_CAP:
        return COUNT_CAP, False
    return (found, True) if threshold <= 0 else (None, False)


SEARCH_WINDOW = 5_000  # SQLite: a search counts first among its newest full-text matches


def _sqlite_search_listing(user, filters: RegisterFilters, terms: list[str], *, today: date, page: int,
                           size: int) -> Listing:
    """A search on SQLite, without reading every match of a common word twice.

    `id IN (full-text matches)` copies every match into a temporary index before the first row (40 ms
    for the 87,000 letters that contain "lễ hội" among a million), and the count and the page would each
    do it. So the count looks first among the newest SEARCH_WINDOW matches (`ORDER BY rowid DESC LIMIT`:
    the index reads them in that order and stops): more than COUNT_CAP letters there answer the count,
    and the first pages in the default order (newest registered) come from the same window — every
    letter after them is in it. Otherwise, if the word has no more matches than the window, the window
    is every match and the count is exact. A search for a common word with narrow filters counts over
    every match, and so does a unit officer's (a unit's share of the newest matches rarely settles it).

    Sorted otherwise (by date ...) with many matches, the page walks the order's index and keeps the
    rows found among the matches (`+id` forbids looking the matches up one by one and sorting them all:
    250 ms for "lễ hội" newest first, 50 ms walking).
    """
    match = _fts_match(terms)
    base = _filtered(user, filters, today)
    order = SORTS[_sort(filters)]
    window = base.filter(id__in=RawSQL(
        "SELECT rowid FROM letters_letter_fts WHERE letters_letter_fts MATCH %s ORDER BY rowid DESC LIMIT %s",
        [match, SEARCH_WINDOW]))
    qs, total, exact = None, None, False
    if sees_whole_agency(user):  # a unit's share of the newest matches rarely settles its count
        total, exact = capped_count(window, COUNT_CAP)
        if exact and _fts_count(match, SEARCH_WINDOW + 1) <= SEARCH_WINDOW:
            qs = window  # every match
        elif not exact and order == SORTS["-id"] and page * size <= COUNT_CAP:
            qs = window  # more than COUNT_CAP there: the pages up to COUNT_CAP are in it
    if qs is None:
        if total is None or exact:  # count over every match (the planner picks the way)
            total, exact = capped_count(base.filter(id__in=_fts_matches(match)), COUNT_CAP)
        qs = base.filter(id__in=_fts_matches(match)) if exact else base.filter(RawSQL(
            "+letters_letter.id IN (SELECT rowid FROM letters_letter_fts WHERE letters_letter_fts MATCH %s)",
            [match], output_field=BooleanField()))
    rows, has_next = register_page(qs.order_by(*order), page=page, size=size) if total else ([], False)
    return Listing(rows, has_next, total, exact)


def _fts_matches(match: str) -> RawSQL:
    return RawSQL("SELECT rowid FROM letters_letter_fts WHERE letters_letter_fts MATCH %s", [match])


def _fts_count(match: str, cap: int) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM (SELECT rowid FROM letters_letter_fts WHERE letters_letter_fts MATCH %s "
                       "LIMIT %s)", [match, cap])
        return cursor.fetchone()[0]


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
    n = qs.order_by().select_related(None)[: cap + 1].count()  # no joins for the related rows shown
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
