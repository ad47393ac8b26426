"""`mediation-kit pack`: not written yet."""

from __future__ import annotations


def add_parser(subparsers) -> None:
    pass


def run(args) -> int:
    return 2
