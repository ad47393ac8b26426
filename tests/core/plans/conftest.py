from __future__ import annotations

import pytest
from plan_samples import write_pack

from mediation_kit.core.packs.library import load_packs
from mediation_kit.core.plans import (
    TitleCardItem, WorkshopPlan, item_for_record, moment_for_replay)


@pytest.fixture
def packs_dir(tmp_path):
    return write_pack(tmp_path / "packs")


@pytest.fixture
def library(packs_dir):
    result = load_packs(packs_dir)
    assert not result.problems, result.problems
    return result.library


@pytest.fixture
def demo_plan(library):
    """A plan with every kind of item, in a known order."""
    from datetime import date

    replay = library.get("demo-2025:replay:ouverture")
    return WorkshopPlan(
        title="Atelier communs",
        date=date(2026, 3, 14),
        place="Médiathèque Malraux",
        notes="Arriver une demi-heure avant.",
        items=[
            TitleCardItem(heading="Bienvenue", lines=("Tour de table", "Règles du jeu"),
                          planned_duration_s=300),
            item_for_record(library.get("demo-2025:summary:communs"), library,
                            note="Lire le deuxième paragraphe à voix haute.",
                            planned_duration_s=600),
            moment_for_replay(replay, library, 754.5, note="Le moment où tout bascule."),
            moment_for_replay(replay, library, 900, 1020),
            item_for_record(library.get("demo-2025:kit:affiche"), library,
                            planned_duration_s=120),
        ])
