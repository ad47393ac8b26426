"""A kill -9 in the middle of saving leaves the previous file whole."""

import os
import random
import signal
import subprocess
import sys
import time

from mediation_kit.core.plans import PlanFileError, load_plan, save_plan

# The child saves the same file over and over, each time a plan of a different size (so a
# torn write would show as invalid JSON or as a title that does not match the item count).
_SAVER = r"""
import sys
from mediation_kit.core.plans import TitleCardItem, WorkshopPlan, save_plan
path = sys.argv[1]
n = 0
print("ready", flush=True)
while True:
    n += 1
    size = 1 + n % 400
    items = [TitleCardItem(heading=f"Carte {i}", lines=("é" * 200,)) for i in range(size)]
    save_plan(WorkshopPlan(title=f"{size} cartes", items=items), path)
"""


def test_killing_the_saver_at_random_moments_never_leaves_a_torn_file(tmp_path):
    path = tmp_path / "plan.mkplan"
    rng = random.Random(10)
    kills = 0
    for _round in range(20):
        child = subprocess.Popen([sys.executable, "-c", _SAVER, str(path)],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        kills += child.returncode == -signal.SIGKILL
        if not path.exists():
            continue  # killed before the first rename: nothing was there to lose
        try:
            plan = load_plan(path)
        except PlanFileError as error:  # pragma: no cover - the failure this test guards
            raise AssertionError(f"round {_round}: torn file: {error}") from None
        assert plan.title == f"{len(plan.items)} cartes"
    assert kills == 20
    assert path.exists()
    # Killed saves leave hidden temporary files, never a second visible plan...
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(".")] == ["plan.mkplan"]
    # ...and the next save clears those that are old (a person's own files are never touched)
    mine = tmp_path / ".notes.tmp"
    mine.write_text("à moi", encoding="utf-8")
    (tmp_path / ".plan.mkplan.k1ll3d.tmp").write_text("{", encoding="utf-8")
    for leftover in tmp_path.glob(".plan.mkplan.*.tmp"):
        os.utime(leftover, (time.time() - 3600, time.time() - 3600))
    in_progress = tmp_path / ".plan.mkplan.now123.tmp"  # a save running in another window
    in_progress.write_text("{", encoding="utf-8")
    save_plan(load_plan(path), path)
    assert list(tmp_path.glob(".plan.mkplan.*.tmp")) == [in_progress]
    assert mine.read_text(encoding="utf-8") == "à moi"
