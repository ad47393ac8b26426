"""Free names for copies: nothing in the target folder is ever replaced."""

from mediation_kit.ui.views.kit_export import free_name


def test_a_free_name_is_kept(tmp_path):
    assert free_name(tmp_path, "affiche.svg") == "affiche.svg"


def test_a_taken_name_gets_a_number(tmp_path):
    (tmp_path / "affiche.svg").write_text("x")
    (tmp_path / "affiche (2).svg").write_text("x")
    assert free_name(tmp_path, "affiche.svg") == "affiche (3).svg"


def test_a_leftover_credits_file_also_takes_the_name(tmp_path):
    (tmp_path / "affiche.svg.credits.txt").write_text("x")
    assert free_name(tmp_path, "affiche.svg") == "affiche (2).svg"
