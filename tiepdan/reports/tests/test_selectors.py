"""The forms computed from the demo data: identities, cut-off stability, query counts, accountability."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from tiepdan.reports import forms as f
from tiepdan.reports import selectors
from tiepdan.reports.tests.conftest import SIX_MONTHS, make_period_cases

pytestmark = pytest.mark.django_db

START, END = SIX_MONTHS


def _analysis(table) -> dict[str, float]:
    return {c.label: table.total[c.number] for c in table.columns if c.group[:1] == ("Phân tích kết quả",)}


def _amounts(table) -> dict[tuple[str, ...], float]:
    keyed = {(c.group, c.label): c.number for c in table.columns}
    return {(group, label): table.total[keyed[((group,), label)]] for _, label, group in f.AMOUNT_COLUMNS}


def test_every_form_of_the_six_month_report_adds_up_on_the_demo_data(demo_data, make_letter, leader, head_sessions):
    before = selectors.compute_forms(START, END)
    make_period_cases(make_letter, leader)
    forms = selectors.compute_forms(START, END)
    assert set(forms) == {"01/TCD", "01/XLD", "02/XLD", "03/XLD", "04/XLD", "01/KQGQ", "02/KQGQTC", "03/KQGQ"}
    for table in forms.values():
        assert table.check() == [], table.code
    xld = forms["01/XLD"].total
    assert min(xld[1], xld[2], xld[3]) > 0  # the demo spans the previous year: carry-over exists
    assert xld[6] >= xld[7]  # letters ≥ matters
    settlement, was = forms["01/KQGQ"].total, before["01/KQGQ"].total
    assert settlement[3] - was[3] == 4  # four complaints accepted in the period
    assert settlement[6] - was[6] == 2  # two decided by the cut-off (the fourth only on 01/07/2026)
    assert forms["03/KQGQ"].total[4] - before["03/KQGQ"].total[4] == 1  # one decision enforced
    tcd = forms["01/TCD"].total
    assert tcd[12] >= 3  # the director's three sittings in person
    assert tcd[21] >= 1  # and the delegated one


def test_the_demo_decisions_and_conclusions_fill_the_analysis_and_amount_columns(demo_data):
    forms = selectors.compute_forms(START, END)
    for code in ("01/KQGQ", "02/KQGQTC"):
        table = forms[code]
        assert table.notes == ()  # every decision in scope carries its result
        assert table.check() == []  # including: decisions = the sum of the analysis columns
        assert sum(_analysis(table).values()) == table.total[6] > 0
        assert sum(_amounts(table).values()) > 0
    complaints = _analysis(forms["01/KQGQ"])
    assert complaints["Khiếu nại sai"] + complaints["Khiếu nại đúng một phần"] > 0
    assert complaints["Công nhận quyết định lần đầu"] + complaints["Hủy, sửa quyết định lần đầu"] > 0
    assert forms["03/KQGQ"].notes == ()


def test_the_results_of_the_period_decisions_are_counted_and_those_after_the_cut_off_are_not(
    demo_data, make_letter, leader
):
    before = selectors.compute_forms(START, END)
    make_period_cases(make_letter, leader)
    after = selectors.compute_forms(START, END)
    table = after["01/KQGQ"]
    delta = {k: v - _analysis(before["01/KQGQ"])[k] for k, v in _analysis(table).items()}
    # Case 1 correct, case 2 partly; case 3 is open and case 4 ("correct", 999 million) decided after the cut-off.
    assert delta == {"Khiếu nại đúng": 1, "Khiếu nại sai": 0, "Khiếu nại đúng một phần": 1,
                     "Công nhận quyết định lần đầu": 0, "Hủy, sửa quyết định lần đầu": 0}
    returned = "Trả lại cho tổ chức, cá nhân"
    amounts, was = _amounts(table), _amounts(before["01/KQGQ"])
    assert amounts[(returned, "Tiền (triệu đồng)")] - was[(returned, "Tiền (triệu đồng)")] == pytest.approx(150.5)
    assert amounts[(returned, "Đất (m²)")] - was[(returned, "Đất (m²)")] == 250
    assert amounts[(returned, "Số người được trả lại quyền lợi")] - was[
        (returned, "Số người được trả lại quyền lợi")] == 2
    sanctions = ("Kiến nghị xử lý", "Số người bị kiến nghị xử lý hành chính")
    assert amounts[sanctions] - was[sanctions] == 1
    assert table.check() == []
    # 03/KQGQ: the enforced decision's amounts (case 1).
    enforcement = _amounts(after["03/KQGQ"])
    assert enforcement[(returned, "Tiền (triệu đồng)")] - _amounts(before["03/KQGQ"])[
        (returned, "Tiền (triệu đồng)")] == pytest.approx(120.5)


def test_case_rows_take_a_constant_number_of_queries(demo_data, make_letter, leader, django_assert_num_queries):
    selectors.case_rows(END)  # warm the content-type cache
    with django_assert_num_queries(3):  # cases with their step dates, the deadlines, the results
        few = selectors.case_rows(END)
    make_period_cases(make_letter, leader)
    with django_assert_num_queries(3):
        more = selectors.case_rows(END)
    assert len(more) == len(few) + 4
    assert sum(1 for r in more if r.outcome) == sum(1 for r in few if r.outcome) + 2


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
    # The open case is decided after the cut-off, with its result and amounts.
    act(case=period_cases[2], action="decide", actor=leader, on=END + timedelta(days=10),
        data=ActionInput(documents=frozenset({"verification_report", "decision_document"}), outcome="correct",
                         amounts={"return_money": Decimal("75"), "return_people": 4}))
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


def test_accountability_shows_the_share_of_citizens_satisfied_within_the_period(
    demo_org, make_letter, leader, unit, django_assert_max_num_queries
):
    from tiepdan.cases.services import record_satisfaction
    from tiepdan.reports.tests.conftest import settle_complaint

    def notified(received):
        letter = make_letter("ql-van-hoa", received_on=received)
        return settle_complaint(letter, leader, accepted=received + timedelta(days=2),
                                decided=received + timedelta(days=20), outcome="wrong")

    first, second, third = notified(date(2026, 1, 5)), notified(date(2026, 1, 12)), notified(date(2026, 2, 2))
    record_satisfaction(case=first, actor=leader, level="satisfied", on=date(2026, 2, 10))
    # The last answer of the period counts for the case.
    record_satisfaction(case=second, actor=leader, level="dissatisfied", on=date(2026, 3, 1))
    record_satisfaction(case=second, actor=leader, level="no_opinion", on=date(2026, 3, 5))
    record_satisfaction(case=second, actor=leader, level="satisfied", on=END + timedelta(days=1))
    # Only after the cut-off: not in this period.
    record_satisfaction(case=third, actor=leader, level="dissatisfied", on=END + timedelta(days=3))
    with django_assert_max_num_queries(15):
        facts = {x.unit_code: x for x in selectors.accountability_facts(START, END)}
    culture = facts["ql-van-hoa"]
    assert (culture.satisfaction, culture.satisfaction_answers, culture.satisfied_answers) == (0.5, 2, 1)
    assert facts["bao-tang"].satisfaction is None
    later = selectors.accountability_facts(END + timedelta(days=1), END + timedelta(days=30), [unit("ql-van-hoa").id])
    assert (later[0].satisfaction, later[0].satisfaction_answers) == (0.5, 2)


def test_a_denouncer_who_comes_back_is_one_matter_though_no_citizen_record_names_them(demo_org, unit, officer):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from tiepdan.letters.services.identity import Identity
    from tiepdan.reception.models import Visit, VisitDenouncer
    from tiepdan.reception.services.identity import denouncer_rows

    same = Identity(full_name="Lê Thị Hoa Mai", id_number="027190001234")
    other = Identity(full_name="Trần Văn Bình", id_number="027185009876")
    made = []
    for day, person in ((3, same), (17, same), (24, other)):
        visit = Visit.objects.create(
            unit=unit("ttr-pc"), received_at=datetime(2026, 4, day, 9, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")),
            matter_type="denunciation", content="Tố cáo sai phạm", outcome="letter_received", created_by=officer,
        )
        VisitDenouncer.objects.bulk_create(denouncer_rows(visit.pk, [person]))
        made.append(visit.pk)
    rows, _ = selectors.visit_rows(START, END)
    keys = {r.id: r.matter_key for r in rows if r.id in made}
    assert keys[made[0]] == keys[made[1]]
    assert keys[made[0]] != keys[made[2]]
    assert "027190001234" not in repr(keys)  # the key is the blind index, not the number
