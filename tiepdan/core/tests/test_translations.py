"""The English catalogue: complete, compiled from the committed .po, and used by the staff shell.

The interface is written in Vietnamese (the msgids); English comes from locale/en/LC_MESSAGES/django.po,
compiled to django.mo. A string added to the source without a translation, a fuzzy guess left by
msgmerge, or a .mo that was not rebuilt after the .po changed, each fails here.
Refresh with `make messages` (makemessages + compilemessages), then translate and compile again.
"""

from __future__ import annotations

import ast
import gettext
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

LC_MESSAGES = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES"
PO = LC_MESSAGES / "django.po"
MO = LC_MESSAGES / "django.mo"


@dataclass
class Entry:
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def translated(self) -> bool:
        if self.msgid_plural is not None:
            return len(self.msgstr_plural) == 2 and all(self.msgstr_plural.get(i) for i in (0, 1))
        return bool(self.msgstr)


def parse_po(path: Path) -> tuple[Entry | None, list[Entry]]:
    """A small parser of the .po format as gettext writes it: one entry per block of lines, blocks
    separated by blank lines. Returns (header entry, other entries); obsolete entries (#~) are skipped."""
    entries: list[Entry] = []
    block: list[tuple[int, str]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, raw in enumerate([*lines, ""], start=1):
        if raw.strip():
            block.append((number, raw.strip()))
            continue
        if not block:
            continue
        entry, target = Entry(line=block[0][0]), None
        for number_, line in block:
            if line.startswith("#,"):
                entry.flags |= {f.strip() for f in line[2:].split(",") if f.strip()}
                continue
            if line.startswith("#"):
                continue
            if line.startswith('"'):
                assert target is not None, f"{path}:{number_}: continuation without a keyword"
                value = ast.literal_eval(line)
            else:
                keyword, _, rest = line.partition(" ")
                value = ast.literal_eval(rest.strip())
                plural = re.fullmatch(r"msgstr\[(\d+)\]", keyword)
                if plural:
                    target = ("msgstr_plural", int(plural.group(1)))
                    entry.msgstr_plural[target[1]] = ""
                elif keyword in ("msgctxt", "msgid", "msgid_plural", "msgstr"):
                    target = (keyword, None)
                    setattr(entry, keyword, "")
                else:
                    raise AssertionError(f"{path}:{number_}: unknown keyword {keyword!r}")
            name, index = target
            if index is None:
                setattr(entry, name, getattr(entry, name) + value)
            else:
                entry.msgstr_plural[index] += value
        if target is not None:  # a block of comments only (file header) is not an entry
            entries.append(entry)
        block = []
    header = next((e for e in entries if e.msgid == "" and e.msgctxt is None), None)
    return header, [e for e in entries if e is not header]


@pytest.fixture(scope="module")
def catalogue():
    return parse_po(PO)


def test_the_po_has_no_untranslated_and_no_fuzzy_entry(catalogue):
    header, entries = catalogue
    assert header is not None
    assert "Language: en\n" in header.msgstr
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header.msgstr
    assert "fuzzy" not in header.flags, "the header is still marked fuzzy"
    assert len(entries) > 100
    untranslated = [f"line {e.line}: {e.msgid!r}" for e in entries if not e.translated]
    fuzzy = [f"line {e.line}: {e.msgid!r}" for e in entries if "fuzzy" in e.flags]
    assert not untranslated, f"{len(untranslated)} untranslated: " + "; ".join(untranslated[:20])
    assert not fuzzy, f"{len(fuzzy)} fuzzy: " + "; ".join(fuzzy[:20])


def test_placeholders_are_kept(catalogue):
    _, entries = catalogue
    placeholder = re.compile(r"%\([^)]+\)[sd]|%%")
    wrong = []
    for e in entries:
        pairs = [(e.msgid, e.msgstr)]
        if e.msgid_plural is not None:
            pairs = [(e.msgid, e.msgstr_plural.get(0, "")), (e.msgid_plural, e.msgstr_plural.get(1, ""))]
        wrong += [(vi, en) for vi, en in pairs if sorted(placeholder.findall(vi)) != sorted(placeholder.findall(en))]
    assert not wrong, wrong[:10]


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) is not installed")
def test_msgfmt_agrees(tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", str(tmp_path / "django.mo"), str(PO)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    statistics = result.stderr.strip().splitlines()[-1]
    assert re.fullmatch(r"\d+ translated messages?\.", statistics), statistics


def test_the_mo_is_compiled_from_the_current_po(catalogue):
    """Every translation of the .po is in the .mo, unchanged: the .mo is not older than the .po."""
    assert MO.exists(), "django.mo is missing: run compilemessages"
    with MO.open("rb") as f:
        compiled = gettext.GNUTranslations(f)
    assert compiled.gettext("Việc của tôi") == "My work"
    assert compiled.gettext("Sổ tiếp công dân") == "Reception book"
    assert compiled.gettext("Khiếu nại") == "Complaint"
    assert compiled.gettext("Tố cáo") == "Denunciation"
    _, entries = catalogue
    stale = []
    for e in entries:
        if e.msgid_plural is not None:
            got = [compiled.npgettext(e.msgctxt, e.msgid, e.msgid_plural, n) if e.msgctxt
                   else compiled.ngettext(e.msgid, e.msgid_plural, n) for n in (1, 2)]
            want = [e.msgstr_plural.get(0), e.msgstr_plural.get(1)]
        else:
            got = compiled.pgettext(e.msgctxt, e.msgid) if e.msgctxt else compiled.gettext(e.msgid)
            want = e.msgstr
        if got != want:
            stale.append(e.msgid)
    assert not stale, f"{len(stale)} entries of the .po differ in the .mo (run compilemessages): {stale[:10]}"


def _vietnamese_nav_labels() -> list[str]:
    from tiepdan.core.navigation import NAV

    with translation.override("vi"):
        return [str(item.label) for item in NAV]


@pytest.mark.parametrize("persona", ["officer", "leader"])
def test_english_home_page_has_an_english_navigation(db, client, request, persona):
    from tiepdan.core.navigation import nav_for
    from tiepdan.org.selectors import roles_of

    user = request.getfixturevalue(persona)
    client.force_login(user)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    body = client.get(reverse("home")).content.decode()
    assert '<html lang="en">' in body
    assert "My work" in body
    for label in _vietnamese_nav_labels():
        assert f">{label}<" not in body, f"Vietnamese navigation label {label!r} on the English page"
    assert "Việc của tôi" not in body
    with translation.override("en"):
        expected = [str(item.label) for item in nav_for(roles_of(user))]
    for label in expected:
        assert f">{label}<" in body
    # The Vietnamese shell is back with the switch.
    client.post(reverse("set_language"), {"language": "vi", "next": "/"})
    assert "Việc của tôi" in client.get(reverse("home")).content.decode()
