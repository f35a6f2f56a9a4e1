"""The letter page reads a constant number of rows sets: more senders, duplicates or cases do not add
queries, and the handler list shared by the disposition and assignment forms is read once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tiepdan.letters.services import SenderInput

pytestmark = pytest.mark.django_db


def _queries(client, letter) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(letter.get_absolute_url()).status_code == 200
    return [q["sql"] for q in ctx.captured_queries]


def test_the_letter_page_makes_a_constant_number_of_queries(client, leader, register, citizen_sender):
    from tiepdan.letters.services import link_duplicate

    client.force_login(leader)
    letter = register(senders=[citizen_sender])
    other = register(senders=[citizen_sender])
    client.get(other.get_absolute_url())  # warm caches (content types, session)
    few = len(_queries(client, letter))

    signers = [SenderInput(full_name=f"Người ký {n}", is_representative=n == 0) for n in range(5)]
    busy = register(senders=[citizen_sender, *signers], signer_count=6)
    for _ in range(3):
        link_duplicate(letter=register(senders=[citizen_sender]), original=busy, actor=leader)
    assert len(_queries(client, busy)) == few
    # Session, user, roles, staff and the shell's two (notices, event periods); the letter, its senders,
    # attachments, deadlines, duplicates, documents and cases; an open letter's unit and handler lists.
    assert few <= 15


def test_the_handler_list_is_read_once_whatever_the_number_of_cases(client, leader, register, citizen_sender,
                                                                    classify):
    from tiepdan.cases.services import open_case
    from tiepdan.cases.workflow import Track

    client.force_login(leader)
    letter = register(senders=[citizen_sender])
    classify(letter)
    client.get(letter.get_absolute_url())
    one = _queries(client, letter)
    for _ in range(3):
        open_case(letter=letter, track=Track.COMPLAINT_FIRST, actor=leader)
    three = _queries(client, letter)
    handler_lists = [q for q in three if 'FROM "auth_user" INNER JOIN "org_staff"' in q]
    assert len(handler_lists) == 1
    assert len(three) == len(one)
