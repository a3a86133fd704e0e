"""Why the system refused to read or write a file, in the user's language.

`OSError.strerror` is the C library's English ("No such file or directory") whatever the user's
language, so a Chinese message would carry an English reason. `reason` names the common causes by
their errno in the catalog, and falls back to the system's text for the rare ones.
"""

from __future__ import annotations

import errno

from salesplan.i18n import Message, Text, _

_REASONS: dict[int, Message] = {
    errno.ENOENT: _("no such file or folder"),
    errno.EACCES: _("permission denied"),
    errno.EPERM: _("operation not permitted"),
    errno.EISDIR: _("it is a folder, not a file"),
    errno.ENOTDIR: _("a part of the path is not a folder"),
    errno.ENOSPC: _("no space left on the disk"),
    errno.EROFS: _("the file system is read-only"),
    errno.ENAMETOOLONG: _("the file name is too long"),
    errno.ELOOP: _("too many symbolic links in the path"),
    errno.EEXIST: _("the file exists already"),
    errno.EMFILE: _("too many open files"),
    errno.EBUSY: _("the file is in use"),
    errno.EDQUOT: _("the disk quota is exceeded"),
    errno.EIO: _("an input/output error of the disk"),
}


def reason(exc: OSError) -> Text:
    """The cause of `exc` as a translated message for a known errno, else the system's own text."""
    known = _REASONS.get(exc.errno) if exc.errno is not None else None
    return known if known is not None else exc.strerror or str(exc)
