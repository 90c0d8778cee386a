"""Run code in a fresh interpreter (nothing imported yet), as a new process would."""

from __future__ import annotations

import os
import subprocess
import sys


def run_fresh(code: str, **environ: str) -> str:
    """The standard output of ``code`` run by a new Python process on this test's path
    (``environ``: variables set for it)."""
    env = {**os.environ, **environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout
