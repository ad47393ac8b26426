"""argparse's own words (`usage:`, `options`, its error messages) in the interface language.

argparse translates through gettext's global domain, which the kit does not use. Its messages
are marked here, exactly as argparse writes them, so that extraction puts them in the kit's
catalogs; `install` then points argparse at the kit's `_`, which follows `set_language`.
A message a newer Python adds simply stays in English.
"""

from __future__ import annotations

import argparse

from mediation_kit.core.i18n import N_, _, ngettext

MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("can't open '%(filename)s': %(error)s"),
)


def install() -> None:
    """Makes argparse translate with the kit's catalogs (module globals argparse reads at
    each message)."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
