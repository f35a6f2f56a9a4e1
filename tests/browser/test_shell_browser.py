import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reception_officer_logs_in_and_sees_the_vietnamese_home_page_with_their_work(page, login, demo_org):
    login("tiepdan")
    expect(page.locator("h1")).to_have_text("Việc của tôi")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator(".sidenav")).to_contain_text("Sổ tiếp công dân")
    expect(page.locator("main")).to_contain_text("việc quá hạn")
    expect(page.locator(".who")).to_have_text("Phạm Thu Trang")
