# mypy: disable-error-code="union-attr,var-annotated"
"""Atomic writes, determinism and protection of hand-edited output."""
from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner

from reportgen.cli import cli
from reportgen.output import write_generated

ROOT = Path(__file__).resolve().parents[1]


def test_same_inputs_same_bytes(kluki_build, monkeypatch, tmp_path):
    from reportgen.build import build_document
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "fresh-cache"))   # charts drawn again, not cached
    again = build_document(ROOT / "content" / "kluki")
    assert again.docx == kluki_build.docx


def test_zip_entries_have_fixed_time(kluki_build, tmp_path):
    p = tmp_path / "k.docx"
    p.write_bytes(kluki_build.docx)
    with zipfile.ZipFile(p) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_hand_edited_file_is_not_overwritten(tmp_path):
    target = tmp_path / "out" / "a.docx"
    write_generated(target, b"first", force=False)
    write_generated(target, b"second", force=False)          # unchanged since generation: overwritten
    assert target.read_bytes() == b"second"
    target.write_bytes(b"edited by hand")
    try:
        write_generated(target, b"third", force=False)
    except Exception as exc:                                   # UserError
        assert "zmieniono po wygenerowaniu" in str(exc)
    else:
        raise AssertionError("an edited file was overwritten")
    assert target.read_bytes() == b"edited by hand"
    backup = write_generated(target, b"third", force=True)
    assert target.read_bytes() == b"third"
    assert backup.read_bytes() == b"edited by hand"


def test_cli_refuses_then_forces(tmp_path):
    out = tmp_path / "kluki.docx"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(ROOT / "content" / "kluki"), "-o", str(out)]).exit_code == 0
    out.write_bytes(out.read_bytes() + b"\0")
    refused = runner.invoke(cli, ["build", str(ROOT / "content" / "kluki"), "-o", str(out)])
    assert refused.exit_code == 2 and "--force" in refused.output
    forced = runner.invoke(cli, ["build", str(ROOT / "content" / "kluki"), "-o", str(out), "--force"])
    assert forced.exit_code == 0
    assert (tmp_path / "kluki.docx.bak").exists()


# --- hostile output paths and failing disks (issue #7) -----------------------------------------------------------

import errno  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

import pytest  # noqa: E402

from reportgen.errors import UserError  # noqa: E402
from reportgen.output import MANIFEST  # noqa: E402


def refused(target, data=b"x", force=False) -> str:
    with pytest.raises(UserError) as exc:
        write_generated(target, data, force)
    return "\n".join(exc.value.messages)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_cli_output_is_a_directory(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(ROOT / "content" / "kluki"), "-o", str(tmp_path)])
    assert result.exit_code == 2 and "to jest katalog – podaj nazwę pliku" in result.output
    assert "Traceback" not in result.output


def test_cli_output_ends_with_slash(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(ROOT / "content" / "kluki"), "-o", f"{tmp_path}/nowy/"])
    assert result.exit_code == 2 and "kończy się znakiem „/”" in result.output
    assert not (tmp_path / "nowy").exists()


def test_output_under_proc():
    out = refused(Path("/proc/reportgen-test/plan.docx"))
    assert "/proc/reportgen-test/plan.docx: nie można" in out


def test_output_parent_is_a_file(tmp_path):
    (tmp_path / "plik").write_text("x")
    assert "nie można utworzyć katalogu" in refused(tmp_path / "plik" / "plan.docx")


def test_output_is_a_fifo(tmp_path):
    os.mkfifo(tmp_path / "plan.docx")
    assert "to nie jest zwykły plik" in refused(tmp_path / "plan.docx")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only directory")
def test_read_only_directory(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert "brak uprawnień" in refused(folder / "plan.docx")
    finally:
        folder.chmod(0o755)


def test_full_disk_keeps_the_hand_edited_file(tmp_path, monkeypatch):
    target = tmp_path / "plan.docx"
    write_generated(target, b"generated", force=False)
    target.write_bytes(b"edited by hand")

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "fsync", disk_full)
    out = refused(target, b"new version", force=True)
    assert "nie można zapisać pliku (brak miejsca na dysku)" in out
    assert target.read_bytes() == b"edited by hand"           # still at its path
    assert not (tmp_path / "plan.docx.bak").exists() and leftovers(tmp_path) == []


def test_file_size_limit_real_error_keeps_old_file(tmp_path):
    """A real write failure (RLIMIT_FSIZE → EFBIG, as a quota or full disk would fail) in a fresh process."""
    target = tmp_path / "plan.docx"
    write_generated(target, b"generated", force=False)
    target.write_bytes(b"edited by hand")
    code = f"""
import resource, sys
from pathlib import Path
from reportgen.errors import UserError
from reportgen.output import write_generated
resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))
try:
    write_generated(Path({str(target)!r}), b"x" * (2 << 20), force=True)
except UserError as exc:
    print(exc.messages[0]); sys.exit(2)
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "plik przekracza dopuszczalny rozmiar" in proc.stdout
    assert target.read_bytes() == b"edited by hand" and leftovers(tmp_path) == []


def test_numbered_backups_never_overwritten(tmp_path):
    target = tmp_path / "plan.docx"
    write_generated(target, b"v1", force=False)
    backups = []
    for n in range(3):
        target.write_bytes(f"edit {n}".encode())
        backups.append(write_generated(target, f"v{n + 2}".encode(), force=True))
    assert [b.name for b in backups] == ["plan.docx.bak", "plan.docx.bak.1", "plan.docx.bak.2"]
    assert [b.read_bytes() for b in backups] == [b"edit 0", b"edit 1", b"edit 2"]
    assert target.read_bytes() == b"v4"


def test_backup_is_the_old_file_itself(tmp_path):
    target = tmp_path / "plan.docx"
    write_generated(target, b"v1", force=False)
    target.write_bytes(b"edited")
    inode = target.stat().st_ino
    backup = write_generated(target, b"v2", force=True)
    assert backup.stat().st_ino == inode and target.stat().st_ino != inode


@pytest.mark.parametrize("manifest", [b"{not json", b"[1, 2]", b"\xff\xfe", b"null", b'"text"'])
def test_damaged_manifest_is_a_message(tmp_path, manifest):
    target = tmp_path / "plan.docx"
    write_generated(target, b"v1", force=False)
    (tmp_path / MANIFEST).write_bytes(manifest)
    out = refused(target, b"v2")
    assert "rejestr wygenerowanych plików jest uszkodzony" in out and "--force" in out
    assert target.read_bytes() == b"v1"
    backup = write_generated(target, b"v2", force=True)
    assert backup.read_bytes() == b"v1" and target.read_bytes() == b"v2"
    assert json.loads((tmp_path / MANIFEST).read_text()) == {"plan.docx": __import__("hashlib").sha256(b"v2").hexdigest()}


def test_manifest_is_a_directory(tmp_path):
    (tmp_path / MANIFEST).mkdir()
    assert "rejestr wygenerowanych plików jest uszkodzony" in refused(tmp_path / "plan.docx")


@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_files_created_with_users_umask(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        write_generated(tmp_path / "plan.docx", b"v1", force=False)
    finally:
        os.umask(old)
    assert (tmp_path / "plan.docx").stat().st_mode & 0o777 == mode
    assert (tmp_path / MANIFEST).stat().st_mode & 0o777 == mode
