"""YAML texts parsed before, remembered: in the process, in the user's private cache folder and, for the
installation's own rule and parameter files, beside its bytecode (paths.installation_cache_folder: parsed once per
installation, not once per user).

A build reads some 25 YAML files (rules, parameters, the gmina's data); parsing them with every check of yamlio
takes ~0,12 s, a tenth of a rebuild, and the same texts are read by every build, check and procedure step.
Only texts that parsed without a problem are remembered, keyed by the SHA-256 of the text and of the parser's
own source (a changed check never reuses a result of the old one). A hit gives fresh objects (unpickled), so a
caller may change what it gets.

On disk the entries are pickles; they are read with an unpickler that builds nothing but YAML's plain data
(dict, list, text, numbers, dates, LineMap); the user's entries only from a folder no other user can write to.
"""
from __future__ import annotations

import datetime
import hashlib
import io
import os
import pickle
from collections import OrderedDict
from pathlib import Path

from reportgen.paths import installation_cache_folder, private_cache_folder, store_in_cache, store_in_installation_cache

MAX_TEXT_CHARS = 1_000_000     # larger texts are parsed every time (no hand-written data file is this large)
IN_MEMORY = 128                # entries kept in the process
ON_DISK = 2_000                # entries kept in the cache folder; the oldest half goes when there are more

_memory: OrderedDict[bytes, bytes] = OrderedDict()
_code_id: bytes | None = None


def _parser_id() -> bytes:
    """What parsing depends on: yamlio's and yaml_parse's source and PyYAML's (its version is in __init__.py), with
    or without libyaml – read as files, so that a build whose texts are all remembered never imports PyYAML."""
    global _code_id
    if _code_id is None:
        from importlib.util import find_spec
        here = Path(__file__).parent
        pyyaml = find_spec("yaml")
        if pyyaml is None or pyyaml.origin is None:
            raise OSError("PyYAML not found")
        sources = [here / "yamlio.py", here / "yaml_parse.py", Path(pyyaml.origin)]
        libyaml = any(Path(pyyaml.origin).parent.glob("_yaml.*"))    # the C extension (find_spec would import yaml)
        _code_id = hashlib.sha256(b"".join(p.read_bytes() for p in sources) + bytes([libyaml])).digest()
    return _code_id


def key_of(text: str) -> bytes | None:
    if len(text) > MAX_TEXT_CHARS:
        return None
    try:
        return hashlib.sha256(_parser_id() + text.encode("utf-8", "surrogatepass")).digest()
    except OSError:                  # no source to hash (an unusual installation): no cache
        return None


class _PlainData(pickle.Unpickler):
    """Builds only what the YAML safe loader builds; anything else in a cache file is refused."""

    ALLOWED = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "timedelta"), ("datetime", "timezone"),
               ("reportgen.inputs.yamlio", "LineMap")}

    def find_class(self, module, name):
        if (module, name) not in self.ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name}")
        if module == "datetime":
            return getattr(datetime, name)
        from reportgen.inputs.yamlio import LineMap
        return LineMap


def _loads(blob: bytes):
    return _PlainData(io.BytesIO(blob)).load()


def _folder() -> Path | None:
    return private_cache_folder("yaml")


def _installation_folder() -> Path | None:
    return installation_cache_folder("reportgen-yaml")


def get(key: bytes, shipped: bool = False):
    """(data, lines) parsed before from the same text, or None. `shipped`: the text is one of the installation's
    own files, looked for beside its bytecode first."""
    blob = _memory.get(key)
    if blob is None:
        blob = (_read(_installation_folder(), key) if shipped else None) or _read(_folder(), key)
        if blob is None:
            return None
        _remember(key, blob)
    else:
        _memory.move_to_end(key)
    try:
        return _loads(blob)
    except Exception:               # a damaged or foreign file: parse again (and overwrite it)
        _memory.pop(key, None)
        return None


def _read(folder: Path | None, key: bytes) -> bytes | None:
    if folder is None:
        return None
    entry = folder / f"{key.hex()}.pickle"
    try:
        blob = entry.read_bytes()
    except OSError:
        return None
    try:
        os.utime(entry)             # pruning removes the entries used least recently
    except OSError:                 # another user's entry (the installation's): read, not touched
        pass
    return blob


def put(key: bytes, parsed, shipped: bool = False) -> None:
    """Remember a text parsed without a problem; `shipped`: one of the installation's own files (paths.is_shipped),
    kept beside its bytecode where Python writes bytecode, otherwise in the user's folder."""
    blob = pickle.dumps(parsed, protocol=5)
    _remember(key, blob)
    installed = _installation_folder() if shipped else None
    if installed is not None and store_in_installation_cache(installed / f"{key.hex()}.pickle", blob):
        _prune(installed)
        return
    folder = _folder()
    if folder is None:
        return
    if store_in_cache(folder / f"{key.hex()}.pickle", blob):     # a full or read-only disk only costs time
        _prune(folder)


def _remember(key: bytes, blob: bytes) -> None:
    _memory[key] = blob
    _memory.move_to_end(key)
    while len(_memory) > IN_MEMORY:
        _memory.popitem(last=False)


def _mtime(p: Path) -> float:
    try:
        return p.stat().st_mtime
    except OSError:
        return 0.0


def _prune(folder: Path) -> None:
    """Past ON_DISK entries, the half used least recently goes, with temporary files a killed process left."""
    entries = list(folder.glob("*.pickle"))
    if len(entries) <= ON_DISK:
        return
    import time
    stale = [p for p in folder.glob(".*.tmp") if _mtime(p) < time.time() - 3600]
    for p in sorted(entries, key=_mtime)[: len(entries) - ON_DISK // 2] + stale:
        try:
            p.unlink()
        except OSError:
            pass
