"""A real browser at a phone's size opens `spinewise serve`'s tokenised URL, sees the
routine library, presses Enter and sees the workout's exercise.

Debian's chromium and chromium-driver, driven by selenium. textual-serve's page draws
the terminal on a canvas (xterm.js), so the text is read from screenshots by
tesseract-ocr. Without them the test skips, saying why; `.ci/run` installs them and
sets SPINEWISE_REQUIRE_BROWSER=1, which turns that skip into a failure. Every process
is ended by its PID: chromedriver (selenium's `quit`, then its PID if still there),
the browser's processes (children of chromedriver), and the server (tests/web/served.py).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.web.served import _alive, _descendants, served

pytest.importorskip("textual_serve", reason="the web extra is not installed")

CHROMIUM, DRIVER, TESSERACT = "/usr/bin/chromium", "/usr/bin/chromedriver", "tesseract"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
#: A common phone held upright, in CSS pixels. pixelRatio 1: at 2, headless Chromium
#: drew xterm.js's canvas twice too big (half the columns off screen).
PHONE = {"deviceMetrics": {"width": 412, "height": 915, "pixelRatio": 1}}


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install '.[test]')"
    for path, package in ((CHROMIUM, "chromium"), (DRIVER, "chromium-driver")):
        if not Path(path).exists():
            return f"{path} is missing (apt-get install {package})"
    if shutil.which(TESSERACT) is None:
        return "tesseract is missing (apt-get install tesseract-ocr)"
    return None


@pytest.fixture
def browser(tmp_path: Path):
    missing = _missing()
    if missing is not None:
        if os.environ.get("SPINEWISE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"SPINEWISE_REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(missing)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={tmp_path / 'chromium'}"]:
        options.add_argument(flag)
    options.add_experimental_option("mobileEmulation", PHONE)
    service = Service(DRIVER, log_output=str(tmp_path / "chromedriver.log"))
    driver = webdriver.Chrome(options=options, service=service)
    driver_pid = service.process.pid
    started = _descendants(driver_pid)
    try:
        yield driver
    finally:
        started = [*started, *_descendants(driver_pid)]
        driver.quit()
        for pid in [driver_pid, *started]:
            if _alive(pid):  # quit ends them all, unless it failed
                os.kill(pid, signal.SIGKILL)


def screen_text(driver, path: Path) -> str:
    """What the page shows, read from a screenshot."""
    driver.save_screenshot(str(path))
    done = subprocess.run(
        [TESSERACT, str(path), "-", "--psm", "6"], capture_output=True, text=True, timeout=30
    )
    return done.stdout


def wait_for(driver, words: str, tmp_path: Path, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = screen_text(driver, tmp_path / "screen.png")
        if words in text:
            return text
        time.sleep(0.2)
    raise AssertionError(f"{words!r} never shown; last screen read:\n{text}")


def test_a_phone_browser_shows_the_library_and_starts_a_workout(browser, tmp_path: Path):
    from selenium.webdriver.common.by import By

    with served(tmp_path / "serve.log") as server:
        browser.get(server.url)
        assert browser.execute_script("return window.innerWidth") == 412
        browser.find_element(By.ID, "terminal").click()  # the splash; focuses the terminal
        library = wait_for(browser, "Gentle start", tmp_path)
        assert "choose a routine" in library
        browser.switch_to.active_element.send_keys("\n")  # Enter: the first routine
        wait_for(browser, "Modified curl-up", tmp_path)
