"""Writing generated files safely: atomically, and never over a file someone edited by hand.

Each build records the SHA-256 of what it wrote in `<out>/.reportgen-manifest.json`. A file whose bytes no longer
match its record was changed after generation: the build refuses to overwrite it unless forced, and then keeps
the old file as `<name>.bak` (the previous backup is replaced).
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from reportgen.errors import UserError

MANIFEST = ".reportgen-manifest.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest_path(target: Path) -> Path:
    return target.parent / MANIFEST


def _read_manifest(target: Path) -> dict:
    path = _manifest_path(target)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def hand_edited(target: Path) -> bool:
    """True when the file exists and is not byte-identical to what reportgen last wrote there."""
    if not target.exists():
        return False
    recorded = _read_manifest(target).get(target.name)
    return recorded != sha256(target.read_bytes())


def write_generated(target: Path, data: bytes, force: bool) -> Path | None:
    """Write `data` to `target`; returns the backup path when an edited file was kept aside."""
    backup = None
    if hand_edited(target):
        if not force:
            raise UserError(
                f"{target}: plik zmieniono po wygenerowaniu (np. ręczna edycja) – nie nadpisuję go. "
                f"Zapisz zmiany pod inną nazwą albo użyj --force (stary plik zostanie zachowany jako {target.name}.bak)."
            )
        backup = target.with_name(target.name + ".bak")
        os.replace(target, backup)
    atomic_write(target, data)
    manifest = _read_manifest(target)
    manifest[target.name] = sha256(data)
    atomic_write(_manifest_path(target), json.dumps(manifest, indent=2, sort_keys=True).encode("utf-8"))
    return backup
