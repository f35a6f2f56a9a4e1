"""The rules table: completeness against domain.md §12, regime selection, data hygiene."""

import re
from datetime import date

import pytest

from tiepdan.legal.errors import RuleNotInForce, UnknownRule
from tiepdan.legal.rules import RULES, VARIANT_LABELS, Direction, Unit, citation_en, get_rule, rule_ids

# Every rule id of domain.md §12 (RPT-Q2/Q3/Q4 is one row there; KN-ACCEPT has the A and B regimes).
TABLE_IDS = [
    "TCD-HEAD-1",
    "TCD-HEAD-2",
    "TCD-HEAD-3",
    "PARTY-1",
    "PARTY-2",
    "TCD-REP",
    "TCD-REFUSE-NOTICE",
    "TCD-ANSWER-10",
    "TCD-FWD-RESULT",
    "TCD-INFORM-CIT",
    "TCD-ONLINE-1",
    "XLD-TIME",
    "XLD-TC-ONCE",
    "KN-LIM",
    "KN-ACCEPT-A",
    "KN-ACCEPT-B",
    "KN-T1",
    "KN-SEND-1",
    "KN-2ND-WINDOW",
    "KN-T2",
    "KN-SEND-2",
    "KN-EFFECT-1",
    "KN-EFFECT-2",
    "KN-DIALOG",
    "KN-SUSP-SEND",
    "KN-NONACC-8",
    "KN-DISC-LIM1",
    "KN-DISC-LIM2",
    "KN-DISC-T",
    "TC-INIT",
    "TC-FWD",
    "TC-NOTIFY-ACC",
    "TC-T",
    "TC-SUSP",
    "TC-CONCL-SEND",
    "TC-HANDLE",
    "TC-PUBLIC",
    "TC-OVERDUE-REQ",
    "TC-REDO",
    "TC-WITHDRAW",
    "TC-CONFID",
    "PAKN-ANSWER",
    "MASS-FLAG",
    "RPT-Q1",
    "RPT-Q2",
    "RPT-Q3",
    "RPT-Q4",
    "RPT-6M",
    "RPT-9M",
    "RPT-Y",
    "RPT-SUBMIT",
    "CAL-START",
    "CAL-END",
    "DOC-1",
]

WITHOUT_LENGTH = [
    "TCD-HEAD-1",
    "TCD-HEAD-2",
    "TCD-HEAD-3",
    "PARTY-1",
    "PARTY-2",
    "TCD-REP",
    "XLD-TC-ONCE",
    "TC-SUSP",
    "TC-WITHDRAW",
    "TC-CONFID",
    "MASS-FLAG",
    "RPT-Q1",
    "RPT-Q2",
    "RPT-Q3",
    "RPT-Q4",
    "RPT-6M",
    "RPT-9M",
    "RPT-Y",
    "RPT-SUBMIT",
    "CAL-START",
    "CAL-END",
    "CAL-1",
    "CAL-2",
    "CAL-3",
    "CAL-4",
    "CAL-5",
    "DOC-1",
    "KN-SUSP",
]


def test_every_row_of_the_rules_table_is_implemented():
    assert set(TABLE_IDS) <= set(rule_ids())


def test_rule_ids_are_unique():
    assert len(rule_ids()) == len(set(rule_ids())) == len(RULES)


def test_rules_without_a_length_are_kept_for_citation_only():
    by_id = {r.id: r for r in RULES}
    for rule_id in WITHOUT_LENGTH:
        assert by_id[rule_id].days is None, rule_id
        assert by_id[rule_id].unit is None, rule_id
    with_length = [r for r in RULES if r.days is not None]
    assert len(with_length) == len(RULES) - len(WITHOUT_LENGTH)


def test_kn_accept_resolves_by_the_start_date():
    """Regime A until 30/06/2026 (Law 02/2011 Art 27), regime B from 01/07/2026 (Decree 155/2026 Art 10)."""
    assert get_rule("KN-ACCEPT", date(2026, 6, 30)).id == "KN-ACCEPT-A"
    assert get_rule("KN-ACCEPT", date(2026, 7, 1)).id == "KN-ACCEPT-B"
    assert get_rule("kn-accept", date(2026, 7, 1)).id == "KN-ACCEPT-B"


def test_kn_accept_a_counts_working_days_and_records_the_law_wording():
    rule = get_rule("KN-ACCEPT-A", date(2026, 1, 5))
    assert (rule.days, rule.unit) == (10, Unit.WORKING_DAYS)
    assert "10 ngày" in rule.note_vi
    assert "Nghị định 124/2020" in rule.note_vi
    assert rule.valid_to == date(2026, 6, 30)
    assert get_rule("KN-ACCEPT-B", date(2026, 7, 1)).valid_from == date(2026, 7, 1)


def test_an_exact_id_outside_its_regime_is_refused():
    with pytest.raises(RuleNotInForce) as err:
        get_rule("KN-ACCEPT-B", date(2026, 6, 30))
    assert "01/07/2026" in err.value.message_vi
    assert isinstance(err.value, UnknownRule)
    with pytest.raises(RuleNotInForce):
        get_rule("KN-DIALOG", date(2026, 6, 1))


def test_unknown_rule_has_bilingual_messages():
    with pytest.raises(UnknownRule) as err:
        get_rule("XX-1", date(2026, 1, 5))
    assert err.value.message_vi == 'không có quy tắc "XX-1"'
    assert err.value.message_en == 'unknown rule "XX-1"'


def test_counted_backwards_rules_are_the_at_least_n_days_before_ones():
    backward = sorted(r.id for r in RULES if r.direction == Direction.BACKWARD)
    assert backward == ["KN-DIALOG", "TCD-ONLINE-1", "TCD-ONLINE-2"]
    assert get_rule("KN-DIALOG", date(2026, 7, 1)).unit == Unit.CALENDAR_DAYS
    assert get_rule("TCD-ONLINE-1", date(2026, 7, 1)).unit == Unit.WORKING_DAYS


def test_only_tc_t_has_extensions_with_the_decree_31_limits():
    extendable = [r for r in RULES if r.max_extensions]
    assert [r.id for r in extendable] == ["TC-T"]
    tc_t = extendable[0]
    assert dict(tc_t.max_extensions) == {None: 2, "complex": 1, "especially-complex": 2}
    assert tc_t.extension_days == 30
    assert tc_t.source == "Luật Tố cáo 2018, Điều 30"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_data_is_complete_and_bilingual(rule):
    assert rule.title_vi
    assert rule.title_en
    assert rule.source
    assert rule.start_event_vi
    assert rule.start_event_en
    assert rule.confidence in {"verified", "verified-mirror", "unverified"}
    assert (rule.days is None) == (rule.unit is None)
    assert set(rule.variants) <= set(VARIANT_LABELS)
    assert set(rule.max_extensions) - {None} <= set(rule.variants)
    assert bool(rule.note_vi) == bool(rule.note_en)
    if rule.valid_from and rule.valid_to:
        assert rule.valid_from <= rule.valid_to
    # the English citation keeps only official document symbols (NĐ-CP, QĐi) in Vietnamese
    english = rule.source_en.replace("NĐ-CP", "").replace("QĐi", "")
    assert not re.search(r"[^\x00-\x7f–]", english), rule.source_en


def test_unverified_lengths_are_configurable():
    configurable = sorted(r.id for r in RULES if r.configurable)
    assert configurable == ["PAKN-ANSWER", "XLD-TIME"]
    assert all(r.confidence == "unverified" for r in RULES if r.configurable)


def test_citation_en_translates_article_and_clause():
    assert citation_en("Luật Tố cáo 2018, Điều 24 khoản 1") == "Law on Denunciation 2018, Art 24(1)"
    assert citation_en("Bộ luật Dân sự 2015, Điều 148 khoản 1, 5") == "Civil Code 2015, Art 148(1, 5)"


def test_legal_documents_know_which_instrument_is_in_force():
    from datetime import date

    from tiepdan.legal.documents import LEGAL_DOCUMENTS, documents_in_force

    keys_2025 = {d.key for d in documents_in_force(date(2025, 12, 1))}
    keys_2026 = {d.key for d in documents_in_force(date(2026, 7, 1))}
    assert "ND64" in keys_2025
    assert "ND64" not in keys_2026
    assert "ND154" in keys_2026
    assert "ND154" not in keys_2025
    assert "TT01-2024" in keys_2026
    assert "TT02-2021" not in keys_2026
    assert len({d.key for d in LEGAL_DOCUMENTS}) == len(LEGAL_DOCUMENTS)
