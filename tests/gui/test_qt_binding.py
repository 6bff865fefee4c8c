"""The installed Qt binding keeps Python's books straight: thousands of calls do not wear away ``None``.

PySide6 6.12.0 (on Python 3.11, where ``None`` is reference-counted) drops a
reference to ``None`` on each call of a method that returns nothing, so a
long afternoon in the window ends in "Fatal Python error: none_dealloc".
The calls run in a child process, so a broken binding fails this test
instead of aborting the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 20_000

SCRIPT = f"""
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
before = sys.getrefcount(None)
for _ in range({CALLS}):
    label.setText("x")
    label.setToolTip(None)
print(before - sys.getrefcount(None))
"""


def test_many_calls_of_qt_methods_returning_nothing_keep_none_alive():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    lost = int(done.stdout.strip().splitlines()[-1])
    assert lost < 100, f"{lost} references to None lost in {CALLS} calls"
