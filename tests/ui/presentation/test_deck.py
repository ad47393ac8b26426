"""The presentation's state without any window: moving, black/white/logo, Esc, timers."""

from __future__ import annotations

import pytest

from mediation_kit.ui.presentation.deck import Deck, Position, Screen
from mediation_kit.ui.presentation.items import title_card
from mediation_kit.ui.presentation.talk_clock import TalkClock


def deck_of(count: int) -> Deck:
    return Deck([title_card(f"Card {n}") for n in range(1, count + 1)])


def test_next_goes_through_pages_before_the_next_item():
    deck = deck_of(3)
    deck.set_page_count(0, 2)
    moves = []
    while deck.next():
        moves.append(deck.position)
    assert moves == [Position(0, 1), Position(1, 0), Position(2, 0)]
    assert not deck.next()  # the end: nothing after the last item


def test_back_from_an_item_lands_on_the_last_page_of_the_one_before():
    deck = deck_of(2)
    deck.set_page_count(0, 3)
    deck.jump(2)
    deck.previous()
    assert deck.position == Position(0, 2)


def test_jump_home_end_and_bad_numbers():
    deck = deck_of(4)
    assert deck.jump(3) and deck.item == 2
    assert not deck.jump(0) and not deck.jump(5) and deck.item == 2
    deck.last()
    assert deck.item == 3
    deck.first()
    assert deck.position == Position(0, 0)


def test_moving_while_black_stays_black_and_leaving_shows_the_new_place():
    deck = deck_of(3)
    deck.toggle_screen(Screen.BLACK)
    deck.next()
    assert deck.screen is Screen.BLACK and deck.item == 1
    deck.toggle_screen(Screen.BLACK)
    assert deck.screen is Screen.CONTENT and deck.item == 1


def test_escape_leaves_black_white_logo_first_then_ends():
    deck = deck_of(1)
    for screen in (Screen.BLACK, Screen.WHITE, Screen.LOGO):
        deck.toggle_screen(screen)
        assert deck.screen is screen
        assert deck.escape() is False
        assert deck.screen is Screen.CONTENT
    assert deck.escape() is True


def test_an_empty_presentation_is_refused():
    with pytest.raises(ValueError):
        Deck([])


def test_pause_stops_both_times_and_item_change_restarts_the_item_time():
    now = [100.0]
    clock = TalkClock(lambda: now[0])
    now[0] += 30
    clock.toggle_pause()
    now[0] += 60  # paused: not counted
    assert clock.talk.seconds() == 30 and clock.item.seconds() == 30
    clock.toggle_pause()
    now[0] += 10
    clock.item_changed()
    now[0] += 5
    assert clock.talk.seconds() == 45 and clock.item.seconds() == 5
    clock.reset()
    assert clock.talk.seconds() == 0 and not clock.paused
