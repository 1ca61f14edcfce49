"""Debian's headless Chromium at a phone's size, driven by selenium through Debian's
chromedriver; for the browser test and tests/bench/bench_serve.py."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path
from typing import Any

from tests.web.served import _alive, _descendants

CHROMIUM, DRIVER, TESSERACT = "/usr/bin/chromium", "/usr/bin/chromedriver", "tesseract"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
#: A common phone held upright, in CSS pixels. pixelRatio 1: at 2, headless Chromium
#: drew xterm.js's canvas twice too big (half the columns off screen).
PHONE = {"deviceMetrics": {"width": 412, "height": 915, "pixelRatio": 1}}


def missing() -> str | None:
    """What is missing to run a browser and read its screen, or None."""
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


class Browser:
    """The driver, and the PIDs of chromedriver and the browser it started."""

    def __init__(self, folder: Path) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in [*FLAGS, f"--user-data-dir={folder / 'chromium'}"]:
            options.add_argument(flag)
        options.add_experimental_option("mobileEmulation", PHONE)
        self.service = Service(DRIVER, log_output=str(folder / "chromedriver.log"))
        self.driver: Any = webdriver.Chrome(options=options, service=self.service)
        self.driver_pid: int = self.service.process.pid
        self.pids = [self.driver_pid, *_descendants(self.driver_pid)]

    def close(self) -> None:
        """Quit; then end by its PID whatever quitting left running."""
        self.pids += _descendants(self.driver_pid)
        try:
            self.driver.quit()
        finally:
            for pid in self.pids:
                if _alive(pid):
                    os.kill(pid, signal.SIGKILL)

    def screen_text(self, path: Path) -> str:
        """What the page shows, read from a screenshot by tesseract."""
        self.driver.save_screenshot(str(path))
        done = subprocess.run(
            [TESSERACT, str(path), "-", "--psm", "6"], capture_output=True, text=True, timeout=30
        )
        return done.stdout
