"""Issue journey: accept a complaint, see the due date explained; mark it complex and see the date move;
suspend and resume and see the suspended days excluded."""

from datetime import date

import pytest
from playwright.sync_api import expect

from tiepdan.cases.services import open_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _act(page, action: str, on: str, documents: list[str], criteria: list[str] = ()):
    block = page.locator(f"details[data-action={action}]")
    block.locator("summary").click()
    block.locator("input[name=on]").fill(on)
    for code in documents:
        block.locator(f"input[name=documents][value={code}]").check()
    for code in criteria:
        block.locator(f"input[name=criteria][value={code}]").check()
    block.locator("button[type=submit]").click()


def test_complaint_due_date_moves_with_complexity_and_suspension(
    page, login, live_server, make_letter, handler
):
    letter = make_letter("ql-van-hoa", received_on=date(2026, 9, 7))
    case = open_case(letter=letter, track="complaint_first", actor=handler)
    login("truongphong")
    page.goto(f"{live_server.url}/vu-viec/{case.code}/")

    _act(page, "accept", "10/09/2026", ["acceptance_decision"])
    due = page.locator("#deadline-KN-T1 .due")
    # 30 days from Thu 10/09/2026 end on Sat 10/10/2026 → next working day Mon 12/10/2026 (Law 02/2011 Art 28).
    expect(due).to_have_text("12/10/2026")
    page.locator("#deadline-KN-T1 summary").click()
    expect(page.locator("#deadline-KN-T1 .explain")).to_contain_text("10/10/2026")

    _act(page, "determine_complexity", "11/09/2026", ["complexity_determination"], criteria=["b"])
    expect(page.locator("#case-complexity")).to_have_text("Phức tạp")
    # Complex: 45 days → Sun 25/10/2026 → Mon 26/10/2026.
    expect(due).to_have_text("26/10/2026")

    # Suspension of a complaint exists from 01/07/2026 (Decree 155/2026 Art 12).
    _act(page, "suspend", "15/09/2026", ["suspension_decision"])
    expect(page.locator("#case-status")).to_have_text("Tạm đình chỉ")
    expect(due).to_have_text("đang tạm đình chỉ")
    _act(page, "resume", "25/09/2026", ["continuation_decision"])
    # 16/09–25/09 (10 days) are not counted: 25/10 + 10 = Wed 04/11/2026.
    expect(due).to_have_text("04/11/2026")
    expect(page.locator("#suspensions")).to_contain_text("15/09/2026 – 25/09/2026")


def test_a_refused_action_keeps_the_input_and_says_why_in_vietnamese(
    page, login, live_server, make_letter, handler
):
    case = open_case(letter=make_letter("ql-van-hoa"), track="complaint_first", actor=handler)
    login("truongphong")
    page.goto(f"{live_server.url}/vu-viec/{case.code}/")
    _act(page, "accept", "05/03/2026", [])  # no acceptance decision ticked
    expect(page.locator(".msg.error")).to_contain_text("Quyết định (thông báo) thụ lý")
    expect(page.locator("details[data-action=accept] input[name=on]")).to_have_value("05/03/2026")
