"""Issue 5 acceptance on the demo data: `tiepdan demo` stores its denouncers only encrypted — not one
demo denouncer's name, ID number or phone is found in the database file, its journal, the job queue,
the generated files or the commands' output, while the service still decrypts them for the director."""

import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

REVEAL = """
import json
from django.contrib.auth import get_user_model
from tiepdan.letters.models import Letter
from tiepdan.letters.services import reveal_identity

director = get_user_model().objects.get(username="giamdoc")
found = []
letters = Letter.objects.filter(protects_identity=True, denouncer_identities__isnull=False).distinct()
for letter in letters.order_by("id")[:25]:
    for person in reveal_identity(letter=letter, user=director, purpose="Kiểm tra dữ liệu mẫu"):
        found.append({"code": letter.code, "name": person.full_name, "id_number": person.id_number,
                      "phone": person.phone})
from tiepdan.reception.models import Visit
from tiepdan.reception.services.identity import reveal_visit

visits = Visit.objects.filter(matter_type="denunciation", denouncers__isnull=False).distinct()
for visit in visits.order_by("id")[:25]:
    for person in reveal_visit(visit=visit, user=director, purpose="Kiểm tra dữ liệu mẫu").identities:
        found.append({"code": visit.code, "name": person.full_name, "id_number": person.id_number,
                      "phone": person.phone})
print(json.dumps(found, ensure_ascii=False))
"""


def _run(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    # Its own data folder and the default SQLite file there, whatever database the suite runs on.
    environ = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    environ["TIEPDAN_DATA_DIR"] = str(data_dir)
    return subprocess.run([sys.executable, "-m", "tiepdan", *args], capture_output=True, text=True, cwd=ROOT,
                          env=environ, timeout=600)


def _contents(folder: Path):
    """Every file under `folder` as stored, and the members of zip files (.docx, .xlsx) unpacked."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        yield str(path.relative_to(folder)), data
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    yield f"{path.name}:{member}", archive.read(member)


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    logs = folder / "logs"
    logs.mkdir()
    for name, args in (("migrate", ("migrate", "-v1")), ("demo", ("demo", "--letters", "200", "--no-progress"))):
        result = _run(folder, *args)
        (logs / f"{name}.out.log").write_text(result.stdout)
        (logs / f"{name}.err.log").write_text(result.stderr)
        assert result.returncode == 0, result.stderr[-3000:]
    return folder


def test_demo_denouncers_are_nowhere_in_plain_text_but_the_service_decrypts_them(demo_folder):
    revealed = _run(demo_folder, "shell", "-c", REVEAL)
    assert revealed.returncode == 0, revealed.stderr[-3000:]
    denouncers = json.loads(revealed.stdout.strip().splitlines()[-1])
    assert len(denouncers) >= 10
    assert any(d["code"].startswith("TD") for d in denouncers), "the desk's denouncers are checked too"
    assert all(len(d["name"].split()) == 4 for d in denouncers)
    needles = {d["name"] for d in denouncers} | {d["id_number"] for d in denouncers if d["id_number"]} | {
        d["phone"] for d in denouncers}
    assert len([d for d in denouncers if d["id_number"]]) >= 5
    files = dict(_contents(demo_folder))
    assert "tiepdan.sqlite3" in files
    assert any(name.startswith("logs/") for name in files)
    leaks = [(needle, name) for name, data in files.items() for needle in needles if needle.encode() in data]
    assert leaks == []


def test_demo_denunciations_are_protected_and_have_no_citizen_senders(demo_folder):
    with sqlite3.connect(f"file:{demo_folder / 'tiepdan.sqlite3'}?mode=ro", uri=True) as db:
        def one(sql: str) -> int:
            return db.execute(sql).fetchone()[0]

        assert one("SELECT COUNT(*) FROM letters_letter WHERE matter_type = 'denunciation'") >= 10
        assert one("SELECT COUNT(*) FROM letters_letter WHERE matter_type = 'denunciation' "
                   "AND NOT protects_identity") == 0
        assert one("SELECT COUNT(*) FROM letters_lettersender s JOIN letters_letter l ON l.id = s.letter_id "
                   "WHERE l.protects_identity") == 0
        # Only ciphertext (Fernet tokens) and keyed hashes are stored for them.
        assert one("SELECT COUNT(*) FROM letters_denounceridentity") >= 10
        assert one("SELECT COUNT(*) FROM letters_denounceridentity WHERE payload NOT LIKE 'gAAAAA%'") == 0
        assert one("SELECT COUNT(*) FROM letters_denounceridentity WHERE id_number_index <> ''") >= 5
        # At the desk too: a denunciation visit has encrypted visitors, no citizen links.
        assert one("SELECT COUNT(*) FROM reception_visitparticipant p JOIN reception_visit v ON v.id = p.visit_id "
                   "WHERE v.matter_type = 'denunciation'") == 0
        assert one("SELECT COUNT(*) FROM reception_visitdenouncer WHERE payload NOT LIKE 'gAAAAA%'") == 0
        assert one("SELECT COUNT(*) FROM reception_visitdenouncer") >= 5
        # A denunciation names a unit, and that unit never handles it (conflict of interest).
        assert one("SELECT COUNT(*) FROM letters_letter WHERE matter_type = 'denunciation' "
                   "AND (denounced_unit_id IS NULL OR denounced_unit_id = unit_id)") == 0
        # The register's search works on the demo: every letter has its search columns.
        assert one("SELECT COUNT(*) FROM letters_letter WHERE search_text = '' OR content_hash = ''") == 0
        # Letters of the other types still name their senders (known complainants and petitioners).
        assert one("SELECT COUNT(*) FROM letters_lettersender") > 0
        # Dates the reports read: every decided eligibility and every reply is dated.
        assert one("SELECT COUNT(*) FROM letters_letter WHERE is_eligible IS NOT NULL "
                   "AND eligibility_decided_on IS NULL") == 0
        assert one("SELECT COUNT(*) FROM letters_letter WHERE reply_received AND (reply_received_on IS NULL "
                   "OR reply_received_on < disposed_on)") == 0
