"""`mediation-kit plan show` and `plan check`: the plan as text, and broken items."""

import json

from plan_samples import write_pack

from mediation_kit.__main__ import main
from mediation_kit.core.plans import save_plan


def test_show_numbers_items_with_times_kinds_notes_and_flags(tmp_path, packs_dir, demo_plan,
                                                             capsys):
    path = tmp_path / "atelier.mkplan"
    save_plan(demo_plan, path)
    write_pack(packs_dir, "2.0.0", with_communs=False)
    assert main(["plan", "show", str(path), "--packs", str(packs_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Atelier communs"
    assert lines[1] == "Saturday, March 14, 2026 — Médiathèque Malraux"
    assert lines[2] == "Total time: at least 19 min (1 item without a duration)"
    numbered = [line for line in lines if line[:2].strip().rstrip(".").isdigit()]
    assert [line.split()[0] for line in numbered] == ["1.", "2.", "3.", "4.", "5."]
    assert "Les communs  (Summary)  [missing]" in numbered[1]
    assert "5:00" in numbered[1] and "10 min" in numbered[1]
    assert "(Replay clip 15:00–17:00)" in numbered[3]
    assert any("no longer in the pack \"demo-2025\" (version 2.0.0)" in line for line in lines)
    assert any(line.strip() == "Note: Le moment où tout bascule." for line in lines)


def test_check_passes_when_every_item_is_found(tmp_path, packs_dir, demo_plan, capsys):
    path = tmp_path / "atelier.mkplan"
    save_plan(demo_plan, path)
    assert main(["plan", "check", str(path), "--packs", str(packs_dir)]) == 0
    assert capsys.readouterr().out == f"{path}: 5 items, all found\n"


def test_check_exits_1_with_one_line_per_broken_item(tmp_path, packs_dir, demo_plan, capsys):
    path = tmp_path / "atelier.mkplan"
    save_plan(demo_plan, path)
    write_pack(packs_dir, "2.0.0", with_communs=False)
    (packs_dir / "demo-2025" / "kit" / "affiche.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>\n', encoding="utf-8")
    code = main(["plan", "check", str(path), "--packs", str(packs_dir)])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out.splitlines() == [
        f'{path}: item 2 "Les communs": missing: no longer in the pack "demo-2025" '
        f'(version 2.0.0)',
        f'{path}: item 5 "Affiche": changed since added: its content differs from '
        f'when it was added (pack version 1.0.0, now 2.0.0)',
    ]
    assert "2 of 5 items need attention" in captured.err


def test_a_bad_plan_file_exits_2_naming_the_file_and_the_problem(tmp_path, capsys):
    path = tmp_path / "futur.mkplan"
    path.write_text(json.dumps({"format": 7}), encoding="utf-8")
    for command in ("show", "check"):
        assert main(["plan", command, str(path)]) == 2
        err = capsys.readouterr().err
        assert f"{path}: was saved by a newer version of the kit (plan format 7" in err


def test_show_and_check_never_load_qt():
    import subprocess
    import sys

    from mediation_kit.core.paths import resources_dir

    example = resources_dir() / "plans" / "atelier-souverainete-numerique.mkplan"
    code = (
        "import sys\n"
        "from mediation_kit.__main__ import main\n"
        f"assert main(['plan', 'show', {str(example)!r}]) == 0\n"
        f"assert main(['plan', 'check', {str(example)!r}]) == 0\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Souveraineté numérique" in result.stdout
