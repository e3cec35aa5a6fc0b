"""The real app (``streamlit run`` on 127.0.0.1) in headless Debian Chromium, driven by
Playwright: a Finnish uploader, a Finnish question with a marked source, a deep link, a year filter applied and
cleared, an upload that becomes answerable, feedback exported by the CLI; every request the
page makes goes to 127.0.0.1 and no Deploy control shows. Screenshots go to docs/screens/
when HYTE_SCREENSHOTS is set (the README shows them)."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

from .servers import free_port, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture()
def app(corpus_index, tmp_path):
    """The app on a copy of the shipped corpus's index, with its own corpus folder for uploads."""
    index, _ = corpus_index
    data = tmp_path / "data"
    shutil.copytree(index.settings.data_dir, data)
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    port = free_port()
    env = {**os.environ, "HYTE_DATA_DIR": str(data), "HYTE_CORPUS_DIR": str(corpus)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"), "--server.port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    url = f"http://127.0.0.1:{port}"
    if not wait_until_up(url + "/_stcore/health", proc):
        pytest.fail("streamlit did not start")
    yield url, env, corpus
    proc.terminate()
    out, _ = proc.communicate(timeout=20)
    assert "Collecting usage statistics" not in out  # the config in the repo keeps it offline


def _shot(page, name: str) -> None:
    folder = os.environ.get("HYTE_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def _ask(page, question: str):
    box = page.get_by_test_id("stChatInputTextArea")
    box.wait_for(timeout=120_000)
    n = page.get_by_test_id("stChatMessage").count()
    box.fill(question)
    box.press("Enter")
    answer = page.get_by_test_id("stChatMessage").nth(n + 1)  # after the question itself
    answer.wait_for(timeout=120_000)
    return answer


def test_the_app_in_a_real_browser(app, tmp_path):
    from playwright.sync_api import sync_playwright

    url, env, corpus = app
    hosts: set[str] = set()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("request", lambda r: hosts.add(urllib.parse.urlparse(r.url).hostname or r.url.split(":")[0]))
        page.goto(url)
        page.get_by_text("Tervetuloa").wait_for(timeout=120_000)

        # Streamlit's uploader shows no English: the button reads in Finnish, its size line is gone.
        dropzone = page.get_by_test_id("stFileUploaderDropzone")
        dropzone.wait_for(timeout=60_000)
        shown = dropzone.inner_text()
        assert "per file" not in shown and "Upload" not in shown
        label = page.evaluate("() => getComputedStyle(document.querySelector("
                              "'[data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer]'),"
                              " '::after').content")
        assert label == '"Valitse tiedostot"'
        _shot(page, "welcome")
        assert page.get_by_text("Deploy", exact=True).count() == 0

        # A question, and its source with the cited sentence marked.
        answer = _ask(page, "Mikä on Hyry?")
        answer.get_by_text("[1]", exact=False).first.wait_for(timeout=120_000)
        assert "hyvinvointityöryhmä Hyry" in answer.inner_text()
        answer.get_by_test_id("stExpander").first.click()
        mark = answer.locator("mark").first
        mark.wait_for(timeout=30_000)
        assert any("Hyry" in text for text in answer.locator("mark").all_inner_texts())
        _shot(page, "answer-with-source")

        # The conversation survives a reload (its id is in the URL).
        assert "s=" in page.url
        page.reload()
        page.get_by_test_id("stChatMessage").nth(1).get_by_text("hyvinvointityöryhmä Hyry", exact=False).first.wait_for(
            timeout=120_000)

        # A year filter shows as a chip and clears.
        page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").nth(1).click()
        page.get_by_role("option", name="2021", exact=True).click()
        chip = page.get_by_role("button", name="✕ Vuosi: 2021")
        chip.wait_for(timeout=30_000)
        _shot(page, "filter-chip")
        chip.click()
        chip.wait_for(state="detached", timeout=30_000)

        # Feedback on the answer, exported by the CLI.
        page.get_by_test_id("stChatMessage").nth(1).get_by_test_id("stFeedback").locator("button").first.click()
        page.get_by_label("Kommentti (vapaaehtoinen)").fill("Selkeä vastaus")
        page.get_by_role("button", name="Lähetä palaute").click()
        page.get_by_text("Kiitos palautteesta!").wait_for(timeout=30_000)

        # An uploaded document becomes answerable.
        upload = tmp_path / "uimahalli-2025.txt"
        upload.write_text("Uimahalli 2025\n\nUusi uimahalli avattiin Heinolassa 3.3.2025.\n", encoding="utf-8")
        page.get_by_test_id("stSidebar").locator("input[type=file]").set_input_files(str(upload))
        page.get_by_text("uimahalli-2025.txt lisättiin hakuun").wait_for(timeout=180_000)
        assert (corpus / "uimahalli-2025.txt").exists()
        answer = _ask(page, "Milloin uusi uimahalli avattiin?")
        answer.get_by_text("3.3.2025", exact=False).first.wait_for(timeout=120_000)

        # A deep link opens the document browser at the paragraph.
        page.goto(url + "/?doc=hyvinvointitilinpaatos-2021.pdf&p=1")
        page.locator("mark").first.wait_for(timeout=120_000)
        assert "hyvinvointityöryhmä Hyry" in page.locator("mark").first.inner_text()
        _shot(page, "document-browser")
        browser.close()
    assert hosts <= {"127.0.0.1"}, hosts

    out = subprocess.run([sys.executable, "-m", "retriever", "feedback", "--csv"], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert rows and rows[0]["question"] == "Mikä on Hyry?" and rows[0]["rating"] == "1"
    assert rows[0]["comment"] == "Selkeä vastaus" and "Hyvinvointitilinpäätös 2021" in rows[0]["sources"]
