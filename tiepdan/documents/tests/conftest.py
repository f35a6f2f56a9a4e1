"""Fixtures of the documents tests: files in a private folder, a notice as the department issues it."""

import pytest

from tiepdan.documents.render import AdminDocument
from tiepdan.documents.tests.factories import make_notice


@pytest.fixture(autouse=True)
def private_media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"


@pytest.fixture
def notice() -> AdminDocument:
    return make_notice()
