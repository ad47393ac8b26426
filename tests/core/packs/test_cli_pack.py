"""`mediation-kit pack validate` and `pack list`: output and exit codes."""

from mediation_kit.__main__ import main
from pack_samples import KIT_TOML, PACK_TOML


def test_valid_packs_exit_0(make_pack, capsys):
    first = make_pack()
    second = make_pack({"pack.toml": PACK_TOML.replace('"demo-2025"', '"demo-b"')},
                       pack_id="demo-b")
    assert main(["pack", "validate", str(first), str(second)]) == 0
    assert capsys.readouterr().out == "2 packs checked, no problem\n"


def test_problems_are_printed_one_per_line_then_counted(make_pack, capsys):
    # Given a pack with an unknown key and an unknown kit kind
    root = make_pack({
        "pack.toml": PACK_TOML.replace("licence =", "license ="),
        "kit/kit.toml": KIT_TOML.replace('kind = "poster"', 'kind = "postr"'),
    })
    # When it is validated
    code = main(["pack", "validate", str(root)])
    # Then every problem is printed with the pack folder, file and line, then a count
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out[0].startswith('demo-2025/kit/kit.toml, line 3: unknown kind "postr"')
    assert out[1] == ('demo-2025/pack.toml, line 5: unknown key "license" '
                      '(did you mean "licence"?)')
    assert out[2] == "2 problems in 1 pack"
    assert len(out) == 3


def test_a_path_that_is_not_a_pack_exits_2(make_pack, tmp_path, capsys):
    root = make_pack()
    (tmp_path / "empty").mkdir()
    code = main(["pack", "validate", str(root), str(tmp_path / "empty"),
                 str(tmp_path / "missing")])
    captured = capsys.readouterr()
    assert code == 2
    assert "empty: not a pack folder (it has no pack.toml)" in captured.err
    assert "missing: no such file or folder" in captured.err
    # the real pack is still checked
    assert captured.out == "1 pack checked, no problem\n"


def test_pack_without_subcommand_prints_usage(capsys):
    assert main(["pack"]) == 2
    assert "validate" in capsys.readouterr().err


def test_list_shows_packs_with_version_and_counts(make_pack, tmp_path, capsys):
    make_pack()
    assert main(["pack", "list", "--packs", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out == ("demo-2025 1.0.0  Démo (2025-10-29): 2 summaries, 2 replays, "
                   "2 transcript cues, 2 kit files\n")


def test_list_of_a_missing_folder_exits_2(tmp_path, capsys):
    assert main(["pack", "list", "--packs", str(tmp_path / "nowhere")]) == 2
    assert "no such folder" in capsys.readouterr().err
