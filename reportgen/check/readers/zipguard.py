"""Refuse .docx files that are not what they claim: not a ZIP, encrypted, or a decompression bomb."""
from __future__ import annotations

import zipfile
from pathlib import Path

from reportgen.check.readers import limits
from reportgen.errors import UserError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"    # password-protected .docx and old .doc are OLE files


def check_docx_container(path: Path, kind: str = ".docx", max_member: int = limits.ZIP_MAX_MEMBER,
                         max_total: int = limits.ZIP_MAX_TOTAL) -> None:
    """Also guards .xlsx files (the comment file of `procedure`), with their own kind and smaller limits."""
    with path.open("rb") as fh:
        head = fh.read(8)
    if head == OLE_MAGIC:
        raise UserError(f"{path}: plik jest zaszyfrowany (chroniony hasłem) albo zapisany w starym formacie .doc. "
                        f"Zdejmij hasło lub zapisz plik ponownie jako {kind} i spróbuj ponownie.")
    if not head.startswith(b"PK"):
        raise UserError(f"{path}: to nie jest plik {kind} (brak archiwum ZIP) — plik jest uszkodzony lub ma złe rozszerzenie.")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise UserError(f"{path}: uszkodzone archiwum {kind} ({exc}).") from None
    if len(infos) > limits.ZIP_MAX_MEMBERS:
        raise UserError(f"{path}: archiwum {kind} ma {len(infos)} części (limit {limits.ZIP_MAX_MEMBERS}) — plik odrzucony.")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UserError(f"{path}: część {info.filename} jest zaszyfrowana — nie można odczytać dokumentu.")
        total += info.file_size
        if info.file_size > max_member:
            raise UserError(f"{path}: część {info.filename} ma po rozpakowaniu {info.file_size / 1e6:.0f} MB "
                            f"(limit {max_member / 1e6:.0f} MB) — możliwa bomba ZIP, plik odrzucony.")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ZIP_RATIO_MIN_SIZE and ratio > limits.ZIP_MAX_RATIO:
            raise UserError(f"{path}: część {info.filename} rozpakowuje się {ratio:.0f}-krotnie "
                            f"(limit {limits.ZIP_MAX_RATIO}) — to wygląda na bombę ZIP, plik odrzucony.")
    _inflate_within_limits(path, kind, max_member, max_total)
    if total > max_total:
        raise UserError(f"{path}: archiwum {kind} ma po rozpakowaniu {total / 1e6:.0f} MB "
                        f"(limit {max_total / 1e6:.0f} MB) — plik odrzucony.")
    if "[Content_Types].xml" not in names:
        raise UserError(f"{path}: archiwum nie jest dokumentem Office (brak [Content_Types].xml) — to nie jest plik {kind}.")


CHUNK = 1 << 20


def _inflate_within_limits(path: Path, kind: str, max_member: int, max_total: int) -> None:
    """Inflate every part and count the bytes actually produced, stopping at the limit: headers can lie about
    sizes, so the limits above are checked again on what decompression really yields."""
    total = 0
    try:
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                produced = 0
                with zf.open(info) as member:
                    while chunk := member.read(CHUNK):
                        produced += len(chunk)
                        total += len(chunk)
                        if produced > max_member or total > max_total:
                            raise UserError(f"{path}: część {info.filename} rozpakowuje się do ponad "
                                            f"{min(max_member, max_total) / 1e6:.0f} MB wbrew "
                                            "nagłówkom archiwum — możliwa bomba ZIP, plik odrzucony.")
    except UserError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise UserError(f"{path}: uszkodzone archiwum {kind} ({type(exc).__name__}: {str(exc)[:120]}).") from None
    except Exception as exc:        # zlib.error and friends: a damaged or hostile stream
        raise UserError(f"{path}: uszkodzone archiwum {kind} ({type(exc).__name__}).") from None
