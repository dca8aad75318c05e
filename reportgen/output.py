"""Writing generated files safely: atomically, and never over a file someone edited by hand.

Each build records the SHA-256 of what it wrote in `<out>/.reportgen-manifest.json`. A file whose bytes no longer
match its record was changed after generation: the build refuses to overwrite it unless forced, and then keeps
the old file as a numbered backup (`<name>.bak`, `<name>.bak.1`, … – a backup is never overwritten).

Order of a write: the new file and the new manifest are written in full to temporary files first (so a full disk
fails before anything changes), then the old file gets its backup name (a hard link: the file stays at its path),
then the temporaries are renamed into place. Files are created with the user's umask, like any other program's.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path

from reportgen.errors import UserError
from reportgen.inputs.yamlio import os_problem, read_data_bytes

MANIFEST = ".reportgen-manifest.json"
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_BACKUPS = 1000


class DamagedManifest(Exception):
    pass


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest_path(target: Path) -> Path:
    return target.parent / MANIFEST


def _read_manifest(target: Path) -> dict:
    """The recorded hashes; DamagedManifest when the file exists but is not a JSON object of name → hash."""
    path = _manifest_path(target)
    if not os.path.lexists(path):
        return {}
    try:
        data = json.loads(read_data_bytes(path, limit=MAX_MANIFEST_BYTES).decode("utf-8"))
    except UserError as exc:
        raise DamagedManifest(exc.messages[0].split(": ", 1)[-1].rstrip(".")) from None
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise DamagedManifest("to nie jest poprawny plik JSON") from None
    if not isinstance(data, dict):
        raise DamagedManifest("to nie jest obiekt JSON {nazwa pliku: skrót}")
    return {k: v for k, v in data.items() if isinstance(v, str)}


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _file_sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _write_temporary(folder: Path, name: str, data: bytes) -> str:
    """A complete, synced copy of `data` next to its final place; the caller renames or removes it."""
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, _umask_mode())   # mkstemp creates 0600: colleagues on a shared drive could not open it
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        _remove(tmp)
        raise
    return tmp


def _remove(path: str | None) -> None:
    if path:
        try:
            os.unlink(path)
        except OSError:
            pass


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` by `data` all at once (readers see the old or the new file, never a part)."""
    atomic_write_all([(path, data)])


def atomic_write_all(files: list[tuple[Path, bytes]]) -> None:
    """Replace several files together: every new file is written beside its target first, and only when all are
    written are they put in place (a full disk or a read-only folder leaves every target as it was)."""
    written: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            written.append((_write_temporary(path.parent, path.name, data), path))
        while written:
            tmp, path = written[0]
            os.replace(tmp, path)
            written.pop(0)
    finally:
        for tmp, _ in written:
            _remove(tmp)


def hand_edited(target: Path) -> bool:
    """True when the file exists and is not byte-identical to what reportgen last wrote there
    (also when the manifest is damaged: then nobody can tell)."""
    if not target.exists():
        return False
    try:
        recorded = _read_manifest(target).get(target.name)
    except DamagedManifest:
        return True
    return recorded != _file_sha256(target)


def _keep_backup(target: Path) -> Path:
    """Give the current file the first free backup name; it stays at its own path too (hard link)."""
    for n in range(MAX_BACKUPS):
        backup = target.with_name(target.name + (".bak" if n == 0 else f".bak.{n}"))
        if os.path.lexists(backup):
            continue
        try:
            os.link(target, backup)            # fails if the name was taken meanwhile: never overwrites
            return backup
        except FileExistsError:
            continue
        except OSError:
            # a file system without hard links (e.g. some network drives): copy instead
            import shutil
            try:
                with open(target, "rb") as src, open(backup, "xb") as dst:
                    shutil.copyfileobj(src, dst)
            except BaseException:
                _remove(str(backup))
                raise
            return backup
    raise UserError(f"{target}: jest już {MAX_BACKUPS} kopii zapasowych (.bak…); usuń zbędne.")


def check_target(target: Path) -> None:
    """Refuse output paths that cannot be a file (a directory, a device, a FIFO)."""
    if target.is_dir():
        raise UserError(f"{target}: to jest katalog – podaj nazwę pliku, np. {target / 'plan.docx'}.")
    if os.path.lexists(target) and target.exists() and not stat.S_ISREG(os.stat(target).st_mode):
        raise UserError(f"{target}: to nie jest zwykły plik (urządzenie lub potok) – podaj nazwę pliku .docx.")


def write_generated(target: Path, data: bytes, force: bool) -> Path | None:
    """Write `data` to `target`; returns the backup path when an edited file was kept aside.
    Every failure is a Polish UserError and leaves the old file (and any backup) as it was."""
    target = Path(target)
    check_target(target)
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"{target}: nie można utworzyć katalogu {folder} ({os_problem(exc)}).") from None
    try:
        manifest = _read_manifest(target)
    except DamagedManifest as exc:
        if not force:
            raise UserError(
                f"{_manifest_path(target)}: rejestr wygenerowanych plików jest uszkodzony ({exc}), więc nie wiadomo, "
                f"czy {target.name} zmieniano ręcznie. Usuń rejestr, jeśli pliki w {folder} nie były edytowane, "
                f"albo użyj --force (istniejący plik zostanie zachowany jako kopia .bak).") from None
        manifest = {}
    backup = None
    if hand_edited(target) and not force:
        raise UserError(
            f"{target}: plik zmieniono po wygenerowaniu (np. ręczna edycja) – nie nadpisuję go. "
            f"Zapisz zmiany pod inną nazwą albo użyj --force (stary plik zostanie zachowany jako kopia .bak).")
    manifest[target.name] = sha256(data)
    manifest_bytes = json.dumps(manifest, indent=2, sort_keys=True).encode("utf-8")
    tmp_doc = tmp_manifest = None
    try:
        tmp_doc = _write_temporary(folder, target.name, data)
        tmp_manifest = _write_temporary(folder, MANIFEST, manifest_bytes)
        if force and hand_edited(target):
            backup = _keep_backup(target)
        os.replace(tmp_doc, target)
        tmp_doc = None
        os.replace(tmp_manifest, _manifest_path(target))
        tmp_manifest = None
    except OSError as exc:
        raise UserError(f"{target}: nie można zapisać pliku ({os_problem(exc)}); "
                        "poprzednia wersja (jeśli była) pozostała bez zmian.") from None
    finally:
        _remove(tmp_doc)
        _remove(tmp_manifest)
    return backup
