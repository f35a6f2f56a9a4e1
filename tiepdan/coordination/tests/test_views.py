"""Every protected page tried by an outsider (an officer of the museum: 404 for another unit's item,
403 for an action), by the read-only auditor (403 on writes), with malformed input (never a 500),
and the lists' query counts (the same whatever the number of rows)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tiepdan.coordination.tests import factories as f


@pytest.fixture
def items(clock, election, election_plan_docs):
    esc = f.escalation()
    task = f.direction_task(esc)
    return {
        "escalation": esc,
        "task": task,
        "response_plan": f.response_plan(),
        "mediation": f.mediation(),
        "review": f.review(period=election),
        "over_level": f.over_level(),
    }


@pytest.fixture
def election_plan_docs(plan):
    return plan


def _protected(items):
    esc, task, rp, med, rev = (items[k] for k in ("escalation", "task", "response_plan", "mediation", "review"))
    return {
        "get": [
            reverse("coordination:escalation_detail", args=[esc.code]),
            reverse("coordination:escalation_summary", args=[esc.code]),
            reverse("coordination:escalation_complete", args=[esc.code]),
            reverse("coordination:task_detail", args=[task.pk]),
            reverse("coordination:response_plan_detail", args=[rp.pk]),
            reverse("coordination:mediation_detail", args=[med.pk]),
            reverse("coordination:review_detail", args=[rev.pk]),
        ],
        "post": [
            (reverse("coordination:escalation_direct", args=[esc.code]), {"text": "x"}),
            (reverse("coordination:escalation_close", args=[esc.code]), {"note": "x"}),
            (reverse("coordination:escalation_complete", args=[esc.code]), {"title": "x", "summary": "x"}),
            (reverse("coordination:task_complete", args=[task.pk]), {"on": "03/03/2026", "result": "x"}),
            (reverse("coordination:response_plan_action", args=[rp.pk]), {"task_0_text": "x"}),
            (reverse("coordination:response_plan_approve", args=[rp.pk]), {}),
            (reverse("coordination:response_plan_finish", args=[rp.pk]), {"result": "x"}),
            (reverse("coordination:review_measure", args=[rev.pk]), {"task_0_text": "x"}),
        ],
    }


def test_an_outsider_gets_404_for_every_item_of_another_unit(client, items, outsider):
    client.force_login(outsider)
    urls = _protected(items)
    for url in urls["get"]:
        assert client.get(url).status_code == 404, url
    for url, data in urls["post"]:
        assert client.post(url, data).status_code == 404, url


def test_an_outsider_s_lists_do_not_show_other_units_items(client, items, outsider):
    client.force_login(outsider)
    pages = {
        "coordination:escalation_list": items["escalation"].code,
        "coordination:response_plan_list": items["response_plan"].title,
        "coordination:mediation_list": items["mediation"].matter,
        "coordination:review_list": items["review"].title,
        "coordination:over_level_list": items["over_level"].matter,
        "coordination:my_work": items["task"].text,
        "coordination:dashboard": items["escalation"].code,
    }
    for name, text in pages.items():
        body = client.get(reverse(name)).content.decode()
        assert text not in body, name


def test_the_owner_unit_and_the_leadership_see_the_items(client, items, handler, leader, inspector):
    for user in (handler, leader):
        client.force_login(user)
        assert client.get(reverse("coordination:task_detail", args=[items["task"].pk])).status_code == 200
        # The unit given a task sees the escalation it comes from.
        assert client.get(items["escalation"].get_absolute_url()).status_code == 200
    client.force_login(inspector)
    for url in _protected(items)["get"]:
        assert client.get(url).status_code == 200, url


def test_the_auditor_reads_everything_and_writes_nothing(client, items, auditor):
    client.force_login(auditor)
    urls = _protected(items)
    for url in urls["get"]:
        if "hoan-thien" in url:
            assert client.get(url).status_code == 403
        else:
            assert client.get(url).status_code == 200, url
    for url, data in urls["post"]:
        assert client.post(url, data).status_code == 403, url
    for name in (
        "escalation_new",
        "response_plan_new",
        "over_level_new",
        "mediation_new",
        "dissemination_new",
        "review_new",
    ):
        assert client.get(reverse(f"coordination:{name}")).status_code == 403, name
    body = client.get(items["escalation"].get_absolute_url()).content.decode()
    assert "Ghi ý kiến chỉ đạo" not in body


def test_a_user_without_a_staff_record_sees_nothing(client, items, db):
    from django.contrib.auth import get_user_model

    stranger = get_user_model().objects.create_user("stranger", password="a-long-pass-1234")
    client.force_login(stranger)
    for url in _protected(items)["get"]:
        assert client.get(url).status_code in (403, 404), url
    assert items["escalation"].code not in client.get(reverse("coordination:escalation_list")).content.decode()


def test_the_task_owner_completes_the_task_and_the_leader_sees_it(client, items, handler, leader):
    task = items["task"]
    client.force_login(handler)
    bad = client.post(reverse("coordination:task_complete", args=[task.pk]), {"on": "03/03/2026", "result": ""})
    assert bad.status_code == 422
    future = client.post(reverse("coordination:task_complete", args=[task.pk]), {"on": "31/12/2099", "result": "Xong"})
    assert future.status_code == 422
    assert "không được sau ngày hôm nay" in future.content.decode()
    done = client.post(reverse("coordination:task_complete", args=[task.pk]), {"on": "03/03/2026", "result": "Đã xong"})
    assert done.status_code == 302
    client.force_login(leader)
    body = client.get(items["escalation"].get_absolute_url()).content.decode()
    assert "Đã hoàn thành" in body
    assert "Đã thực hiện xong chỉ đạo" in body


# --- bad input never gives a 500 ---------------------------------------------------------------

GARBAGE = [
    {},
    {"on": "32/13/2026", "result": "", "text": "", "note": "", "title": "", "summary": ""},
    {
        "held_on": "hôm qua",
        "attendees": "-5",
        "head_count": "0",
        "level": "sao hỏa",
        "kind": "khác",
        "organiser_unit": "999999",
        "unit": "abc",
        "legal_texts": ["x"],
        "case_code": "KHONGCO",
    },
    {
        "task_0_text": "Việc",
        "task_0_owner_unit": "999999",
        "task_0_due_on": "2026-02-30",
        "task_0_owner": "x",
        "received_at": "25:99",
        "reasons": ["bay"],
        "value": "1e9",
        "phases": ["mai"],
        "progress": "nhiều",
    },
]


def test_malformed_input_to_every_form_is_answered_with_a_message_not_a_500(client, items, leader, inspector, plan):
    from tiepdan.coordination.models import PlanTask

    esc, rp, rev = items["escalation"], items["response_plan"], items["review"]
    plan_task = PlanTask.objects.filter(plan=plan).first()
    urls = [
        reverse("coordination:escalation_new"),
        reverse("coordination:escalation_complete", args=[esc.code]),
        reverse("coordination:escalation_direct", args=[esc.code]),
        reverse("coordination:escalation_close", args=[esc.code]),
        reverse("coordination:task_complete", args=[items["task"].pk]),
        reverse("coordination:response_plan_new"),
        reverse("coordination:response_plan_action", args=[rp.pk]),
        reverse("coordination:response_plan_finish", args=[rp.pk]),
        reverse("coordination:over_level_new"),
        reverse("coordination:mediation_new"),
        reverse("coordination:dissemination_new"),
        reverse("coordination:review_new"),
        reverse("coordination:review_measure", args=[rev.pk]),
        reverse("coordination:period_list"),
        reverse("coordination:period_rule", args=[items["review"].period.pk]),
        reverse("coordination:duty_shift", args=[items["review"].period.pk]),
        reverse("coordination:situation_reports"),
        reverse("coordination:plan_task_report", args=[plan_task.pk]),
    ]
    for user in (leader, inspector):
        client.force_login(user)
        for url in urls:
            for data in GARBAGE:
                response = client.post(url, data)
                assert response.status_code in (302, 403, 422), (url, data, response.status_code)
                if response.status_code == 422:
                    body = response.content.decode()
                    assert "field-error" in body or "msg error" in body, (url, data)


def test_an_unknown_code_in_a_form_is_refused_beside_its_field(client, items, inspector):
    client.force_login(inspector)
    response = client.post(
        reverse("coordination:mediation_new"),
        {
            "kind": "dialogue",
            "organiser_unit": f.unit("ttr-pc").pk,
            "held_on": "20/02/2026",
            "place": "Sở",
            "matter": "Đối thoại",
            "participants": "Các bên",
            "case_code": "VVKHONGCO1",
        },
    )
    assert response.status_code == 422
    field = response.content.decode().split('id="field-case_code"', 1)[1].split("</div>", 1)[0]
    assert "Không tìm thấy mã này" in field
    assert 'value="VVKHONGCO1"' in field


# --- query counts ------------------------------------------------------------------------------


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured.captured_queries)


LISTS = [
    ("coordination:escalation_list", lambda n: f.escalation(n)),
    ("coordination:response_plan_list", lambda n: f.response_plan(n)),
    ("coordination:over_level_list", lambda n: f.over_level(n)),
    ("coordination:mediation_list", lambda n: f.mediation(n)),
    ("coordination:dissemination_list", lambda n: f.dissemination(n)),
    ("coordination:review_list", lambda n: f.review(n, case=None, period=_period())),
    ("coordination:my_work", lambda n: f.direction_task(f.escalation(n), owner="chuyenvien", text=f"Việc {n}")),
    ("coordination:dashboard", lambda n: f.escalation(n)),
    ("coordination:assignment_list", None),
    ("coordination:legal_library", None),
    ("coordination:plan_list", None),
    ("coordination:period_list", None),
    ("coordination:situation_reports", None),
]


def _period():
    from tiepdan.coordination.models import EventPeriod

    return EventPeriod.objects.first()


@pytest.mark.parametrize(("name", "make"), LISTS, ids=[name for name, _ in LISTS])
def test_a_list_takes_the_same_number_of_queries_for_few_and_many_rows(
    client, clock, election, plan, handler, leader, name, make
):
    user = handler if name == "coordination:my_work" else leader
    client.force_login(user)
    if make:
        make(0)
    url = reverse(name)
    _queries(client, url)  # warm the caches (calendar, banner) once
    few = _queries(client, url)
    if make:
        for n in range(1, 8):
            make(n)
    many = _queries(client, url)
    assert many <= few, (name, few, many)
    assert few <= 30, (name, few)


def test_the_assignment_list_does_not_grow_with_assignments(client, clock, make_letter, head, handler):
    from tiepdan.coordination import services

    def assign_one(n):
        letter = make_letter("ql-van-hoa", received_on=date(2026, 3, 2), summary=f"Kiến nghị số {n}")
        services.assign(
            subject=letter,
            actor=head,
            on=date(2026, 3, 3),
            handler=handler,
            internal_due_on=date(2026, 3, 6),
            coordinating_units=[f.unit("ql-di-san")],
        )

    client.force_login(head)
    assign_one(0)
    url = reverse("coordination:assignment_list")
    _queries(client, url)
    few = _queries(client, url)
    for n in range(1, 8):
        assign_one(n)
    assert _queries(client, url) <= few
