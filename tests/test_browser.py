"""The real Streamlit page in headless Chromium (Debian's chromium, driven by Playwright)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .servers import free_port, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"



@pytest.fixture()
def app_url(corpus_index, tmp_path):
    index, _ = corpus_index
    port = free_port()
    env = {**os.environ, "HYTE_DATA_DIR": str(index.settings.data_dir)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    if not wait_until_up(url + "/_stcore/health", proc):
        pytest.fail("streamlit did not start")
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed (apt-get install chromium)")
def test_chat_in_a_real_browser(app_url, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        page = browser.new_page()
        page.goto(app_url)
        box = page.get_by_test_id("stChatInputTextArea")
        box.wait_for(timeout=120_000)
        box.fill("Mikä on Hyry?")
        box.press("Enter")
        answer = page.get_by_test_id("stChatMessage").nth(1)
        answer.get_by_text("[1]", exact=False).first.wait_for(timeout=120_000)
        assert "Hyry" in answer.inner_text()
        source = page.get_by_test_id("stExpander").first
        source.click()
        page.wait_for_timeout(500)
        assert "Hyvinvointitilinpäätös" in source.inner_text()
        page.screenshot(path=os.environ.get("HYTE_SCREENSHOT", str(tmp_path / "chat.png")), full_page=True)
        browser.close()
