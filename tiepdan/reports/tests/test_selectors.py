"""The forms computed from the demo data: identities, cut-off stability, query counts, accountability."""

from datetime import date, timedelta

import pytest

from tiepdan.reports import selectors
from tiepdan.reports.tests.conftest import SIX_MONTHS

pytestmark = pytest.mark.django_db

START, END = SIX_MONTHS


def test_every_form_of_the_six_month_report_adds_up_on_the_demo_data(demo_data, period_cases, head_sessions):
    forms = selectors.compute_forms(START, END)
    assert set(forms) == {"01/TCD", "01/XLD", "02/XLD", "03/XLD", "04/XLD", "01/KQGQ", "02/KQGQTC", "03/KQGQ"}
    for table in forms.values():
        assert table.check() == [], table.code
    xld = forms["01/XLD"].total
    assert min(xld[1], xld[2], xld[3]) > 0  # the demo spans the previous year: carry-over exists
    assert xld[6] >= xld[7]  # letters ≥ matters
    settlement = forms["01/KQGQ"].total
    assert settlement[3] == 4  # four complaints accepted in the period
    assert settlement[6] == 2  # two decided by the cut-off (the fourth only on 01/07/2026)
    assert forms["03/KQGQ"].total[4] == 1  # one decision enforced
    tcd = forms["01/TCD"].total
    assert tcd[12] >= 3  # the director's three sittings in person
    assert tcd[21] >= 1  # and the delegated one


def test_the_forms_take_a_fixed_number_of_queries(demo_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        selectors.compute_forms(START, END)


def test_letters_received_or_handled_after_the_cut_off_do_not_change_the_figures(
    demo_data, period_cases, make_letter, leader
):
    from tiepdan.cases.services import ActionInput, act
    from tiepdan.letters.models import Letter

    before = selectors.figures_of(selectors.compute_forms(START, END))
    # New letters received the day after the cut-off and later, some handled at once.
    for offset in range(5):
        make_letter(received_on=END + timedelta(days=1 + offset), disposition="accept", status="disposed",
                    disposed_on=END + timedelta(days=2 + offset), is_eligible=True)
    # Letters still pending at the cut-off (the demo handles them a few days later) are handled otherwise.
    pending = list(Letter.objects.filter(received_on__lte=END, disposed_on__gt=END)[:5])
    assert pending
    Letter.objects.filter(pk__in=[p.pk for p in pending]).update(
        disposition="transfer", disposed_on=END + timedelta(days=30), is_eligible=True, reply_received=True
    )
    # The open case is decided after the cut-off.
    act(case=period_cases[2], action="decide", actor=leader, on=END + timedelta(days=10),
        data=ActionInput(documents=frozenset({"verification_report", "decision_document"})))
    after = selectors.figures_of(selectors.compute_forms(START, END))
    assert selectors.compare_figures(before, after) == []
    assert after == before


def test_a_letter_received_inside_the_period_does_change_the_figures(demo_data, make_letter):
    before = selectors.figures_of(selectors.compute_forms(START, END))
    make_letter(received_on=END)
    after = selectors.figures_of(selectors.compute_forms(START, END))
    differences = selectors.compare_figures(before, after)
    assert differences
    assert {d.form for d in differences} >= {"01/XLD", "02/XLD"}


def test_accountability_facts_count_reception_days_letters_and_backlog(
    demo_data, period_cases, head_sessions, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        facts = {f.unit_name: f for f in selectors.accountability_facts(START, END)}
    leadership = facts["Ban Giám đốc Sở"]
    assert leadership.head_name == "Nguyễn Văn Thành"
    # December to May: six months, met in January, February and April (March was delegated).
    assert leadership.reception.required == 6
    assert leadership.reception.met == 3
    assert "03/2026" in leadership.reception.missed
    advisory = facts["Phòng Thanh tra – Pháp chế"]
    assert advisory.letters_handled > 0
    assert advisory.letters_on_time <= advisory.letters_handled
    assert facts["Bảo tàng tỉnh"].reception is None
    assert "Thanh tra Sở" not in facts  # abolished on 01/07/2025, before the period's cut-off


def test_unit_drilldown_lists_the_items_behind_the_figures(demo_data, unit, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        drill = selectors.unit_drilldown(unit("ttr-pc"), START, END)
    facts = selectors.accountability_facts(START, END, [unit("ttr-pc").id])[0]
    assert len(drill.overdue_letters) == min(100, facts.letters_overdue)
    assert all(letter.due_on < END for letter in drill.overdue_letters)


def test_notable_facts_list_mass_visits_and_letters(demo_data, settings):
    facts = selectors.notable_facts(START, END)
    assert facts["counts"]["mass_visits"] == len(facts["mass_visits"]) or len(facts["mass_visits"]) == 10
    assert all(v["people"] >= settings.TIEPDAN_MASS_THRESHOLD for v in facts["mass_visits"])
    assert date.fromisoformat(facts["mass_visits"][0]["day"]) <= END


def test_over_level_matters_come_from_the_coordination_register(demo_org, unit, inspector):
    from tiepdan.coordination.models import OverLevelEvent

    for day in (date(2026, 1, 20), date(2026, 3, 2), date(2026, 7, 1)):  # the last one after the cut-off
        OverLevelEvent.objects.create(unit=unit("ql-di-san"), matter="Tranh chấp đất bãi lễ hội", level="province",
                                      body="Ban Tiếp công dân tỉnh", occurred_on=day, head_count=8,
                                      recorded_by=inspector)
    facts = selectors.accountability_facts(START, END, [unit("ql-di-san").id])
    assert facts[0].over_level == 2


def test_hot_spots_open_during_the_period_are_kept_with_the_report_facts(demo_org, unit):
    from tiepdan.monitoring.models import HotSpot

    common = {"kind": "commune_domain", "unit": unit("ql-di-san"), "window_start": date(2026, 2, 1),
              "window_end": date(2026, 2, 14), "observed": 6, "people": 14}
    HotSpot.objects.create(key="cd:1", title="Tranh chấp bãi lễ hội xã Phù Lãng", detected_on=date(2026, 2, 14),
                           **common)
    HotSpot.objects.create(key="cd:2", title="Báo động sai", detected_on=date(2026, 2, 10), status="dismissed",
                           closed_on=date(2026, 2, 11), **common)
    HotSpot.objects.create(key="cd:3", title="Phát hiện sau ngày chốt", detected_on=date(2026, 6, 20), **common)
    spots = selectors.notable_facts(START, END)["hot_spots"]
    assert [s["title"] for s in spots] == ["Tranh chấp bãi lễ hội xã Phù Lãng"]
    assert "đang theo dõi, xử lý" in spots[0]["summary"]
