"""An untrusted workbook, bounded before openpyxl opens it.

- `.xls` and `.et` (WPS) files, and any file with the OLE2 header `D0 CF 11 E0`, are refused with
  "save as .xlsx": only the Office Open XML format is read. An xlsx with a password to open (an OLE2
  file holding an `EncryptedPackage`) is refused as such: "remove the password".
- The file is at most 20 MB; as a zip it has at most 2,000 members, 200 MB uncompressed in all,
  and no member that expands more than 200 times (a zip bomb) once past 1 MB.
- An XML part that declares a DOCTYPE or an entity is refused (entity expansion); openpyxl also
  parses with defusedxml, which refuses them again.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from salesplan import codes
from salesplan.codes import diagnostic
from salesplan.diagnostics import Diagnostic, SourceRef
from salesplan.i18n import Message, _
from salesplan.oserror import reason

MAX_FILE = 20 * 1024 * 1024
MAX_MEMBERS = 2_000
MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 200
RATIO_FROM = 1024 * 1024
OLE2 = b"\xd0\xcf\x11\xe0"
# an xlsx with a password to open is an OLE2 file holding the encrypted zip as this stream (its name in UTF-16)
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
REFUSED_SUFFIXES = (".xls", ".et", ".ett", ".xlt")
_DANGER = (b"<!DOCTYPE", b"<!ENTITY")


def _bad(file: str, code: str, message: Message) -> tuple[None, list[Diagnostic]]:
    return None, [diagnostic(codes.IMPORT_UNREADABLE if code == "" else code, SourceRef(file, 1, 1), message)]


def read_guarded(path: Path, file: str) -> tuple[bytes | None, list[Diagnostic]]:
    """The workbook's bytes when it is an xlsx within the bounds; else None and why."""
    save_as = _("{name} is an old Excel (.xls) or WPS (.et) file: open it and save as .xlsx", name=path.name)
    if path.suffix.lower() in REFUSED_SUFFIXES:
        return _bad(file, codes.IMPORT_NOT_XLSX, save_as)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE + 1)
    except OSError as exc:
        return _bad(file, "", _("cannot read the workbook: {reason}", reason=reason(exc)))
    if len(data) > MAX_FILE:
        return _bad(file, codes.IMPORT_TOO_LARGE, _("the workbook is larger than 20 MB"))
    if data.startswith(OLE2) and ENCRYPTED in data:
        message = _(
            "{name} is protected by a password (encrypted): remove the password and save it again", name=path.name
        )
        return _bad(file, codes.IMPORT_UNREADABLE, message)
    if data.startswith(OLE2):
        return _bad(file, codes.IMPORT_NOT_XLSX, save_as)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        return _bad(file, codes.IMPORT_NOT_XLSX, _("not an xlsx workbook (not a zip file): save it as .xlsx"))
    found = _check_members(archive, file)
    return (None, found) if found else (data, [])


def _check_members(archive: zipfile.ZipFile, file: str) -> list[Diagnostic]:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        return _bad(file, codes.IMPORT_TOO_LARGE, _("the workbook has more than {count} parts", count=MAX_MEMBERS))[1]
    total = 0
    for member in members:
        total += member.file_size
        ratio_bad = member.file_size > RATIO_FROM and member.file_size > MAX_RATIO * max(member.compress_size, 1)
        if ratio_bad or total > MAX_UNPACKED:
            return _bad(
                file, codes.IMPORT_TOO_LARGE, _("the workbook expands beyond the bounds (a zip bomb?): refused")
            )[1]
    for member in members:
        if member.filename.endswith((".xml", ".rels", ".vml")):
            if _declares(archive, member):
                message = _("the workbook's XML declares a DOCTYPE or entities ({part}): refused", part=member.filename)
                return _bad(file, codes.IMPORT_UNREADABLE, message)[1]
    return []


def _declares(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """Whether an XML part holds a DOCTYPE or entity declaration (looked for in its head, where they must be)."""
    try:
        with archive.open(member) as handle:
            head = handle.read(4096)
    except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError, EOFError):
        return True
    return any(mark in head for mark in _DANGER)
