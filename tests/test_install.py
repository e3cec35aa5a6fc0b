"""``pip install .`` (not editable) into a fresh virtual environment: the commands run from
any folder, the prompts come with the package, and the data folder is outside it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_installed_package_answers_from_another_folder(tmp_path):
    venv = tmp_path / "venv"
    # The heavy dependencies come from this interpreter; the project itself is installed anew.
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True, timeout=300)
    py = venv / "bin" / "python"
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns("data", ".git", "*.egg-info", "build", "__pycache__"))
    pip = subprocess.run([str(py), "-m", "pip", "install", "--no-deps", "-q", str(src)],
                         capture_output=True, text=True, timeout=600)
    assert pip.returncode == 0, pip.stderr
    shutil.rmtree(src)  # nothing may lean on the source tree
    work = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "corpus", work / "corpus")
    env = {k: v for k, v in os.environ.items() if not k.startswith("HYTE_")}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(py), *args], capture_output=True, text=True, env=env, cwd=work, timeout=600)

    where = run("-c", "import retriever, answers.prompts as p, retriever.settings as s; "
                      "print(retriever.__file__); print(p.prompt('system')[:20]); print(s.load_settings().data_dir)")
    lines = where.stdout.splitlines()
    assert where.returncode == 0, where.stderr
    assert str(venv) in lines[0]  # the installed copy, not the checkout
    assert lines[1].startswith("Olet Hyte-haku")  # the prompts came with the package
    assert lines[2] == str(tmp_path / "xdg" / "hyte-haku")  # data outside site-packages
    ingested = run("-m", "ingest", "--json")  # default corpus: ./corpus of the current folder
    assert ingested.returncode == 0, ingested.stderr
    assert json.loads(ingested.stdout)["added"] == 5
    ans = json.loads(run("-m", "retriever", "ask", "Mikä on Hyry?", "--json").stdout)
    assert ans["found"] and "Hyry" in ans["answer"] and ans["citations"]
    assert not list(venv.rglob("site-packages/data")) and not list(venv.rglob("site-packages/**/chroma.sqlite3"))
