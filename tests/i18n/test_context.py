"""`pgettext`: the same English word translated apart where it stands (one catalog entry per context)."""

from __future__ import annotations

from salesplan.i18n import Message, _, pgettext


def test_a_context_keeps_its_own_translation() -> None:
    plain, apart = _("month"), pgettext("split level", "month")
    assert plain.render("zh") == "月" and apart.render("zh") == "月份"
    assert plain.render("en") == apart.render("en") == "month"
    assert plain != apart


def test_a_context_message_takes_fields_and_message_fields() -> None:
    owner = pgettext("accountable for a target", "Owner")
    message = _("{first}, {rest}", first=owner, rest=_("Owner"))
    assert message.render("zh") == "责任人、负责人" and message.render("en") == "Owner, Owner"


def test_an_unknown_context_is_shown_in_english() -> None:
    assert Message("month", context="no such place").render("zh") == "month"
