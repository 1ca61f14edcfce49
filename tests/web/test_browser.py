"""A real browser at a phone's size opens `spinewise serve`'s tokenised URL, sees the
routine library, presses Enter and sees the workout's exercise.

Debian's chromium and chromium-driver, driven by selenium (tests/web/chromium.py).
textual-serve's page draws the terminal on a canvas (xterm.js), so the text is read
from screenshots by tesseract-ocr. Without them the test skips, saying why; `.ci/run`
installs them and sets SPINEWISE_REQUIRE_BROWSER=1, which turns that skip into a
failure. Every process is ended by its PID: chromedriver and the browser it started
(tests/web/chromium.py), and the server with its app processes (tests/web/served.py).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.chromium import Browser, missing
from tests.web.served import served

pytest.importorskip("textual_serve", reason="the web extra is not installed")


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    why = missing()
    if why is not None:
        if os.environ.get("SPINEWISE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"SPINEWISE_REQUIRE_BROWSER=1 but {why}")
        pytest.skip(why)
    browser = Browser(tmp_path)
    try:
        yield browser
    finally:
        browser.close()


def wait_for(browser: Browser, words: str, tmp_path: Path, timeout: float = 30) -> str:
    """The screen's text once it shows `words` (spaces and case aside: OCR)."""
    deadline = time.monotonic() + timeout
    text = ""
    wanted = squeeze(words)
    while time.monotonic() < deadline:
        text = browser.screen_text(tmp_path / "screen.png")
        if wanted in squeeze(text):
            return text
        time.sleep(0.2)
    raise AssertionError(
        f"{words!r} never shown; the last screen ({tmp_path / 'screen.png'}) read:\n{text}"
    )


def click_when_shown(driver, element, timeout: float = 20) -> None:
    """Click `element` once the splash over it is gone (at the app's first bytes)."""
    from selenium.common.exceptions import ElementClickInterceptedException

    deadline = time.monotonic() + timeout
    while True:
        try:
            element.click()
            return
        except ElementClickInterceptedException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def squeeze(text: str) -> str:
    return "".join(text.split()).lower()


def test_a_phone_browser_shows_the_library_starts_a_workout_and_pauses_it(browser, tmp_path: Path):
    from selenium.webdriver.common.by import By

    driver = browser.driver
    with served(tmp_path / "serve.log") as server:
        driver.get(server.url)
        assert driver.execute_script("return window.innerWidth") == 412
        click_when_shown(driver, driver.find_element(By.ID, "terminal"))  # takes the keys
        library = wait_for(browser, "Gentle start", tmp_path)
        assert "choose a routine" in library
        driver.switch_to.active_element.send_keys("\n")  # Enter: the first routine
        wait_for(browser, "Modified curl-up", tmp_path)
        driver.switch_to.active_element.send_keys(" ")  # space: pause, from the phone
        wait_for(browser, "Space to carry on", tmp_path)
