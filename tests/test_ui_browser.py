"""The Dagster UI as users use it, in a real browser: asset graph → "Materialize all" → a successful run.

The test starts `dagster-webserver` on a free local port with its own DAGSTER_HOME, seeds copy,
warehouse, Data Docs and charts folders (all temporary), drives Debian's Chromium through
Playwright, and stops the webserver (and the code server and run processes it started) at the end.

Why the webserver alone and DefaultRunCoordinator: the product's dagster.yaml queues runs
(run_queue, one at a time), and only the daemon takes runs off the queue. Starting the daemon
too would also start `seeds_folder_sensor` (on by default), whose first tick launches its own
build on the same warehouse: two builds, a race for the one-writer DuckDB file, and a test that
waits for whichever comes first. With DefaultRunCoordinator the webserver hands the run straight
to the same DefaultRunLauncher the queue would use after dequeuing (a subprocess that loads the
code location and executes the asset job), so the run itself is the real thing, and it is the
only run. Everything else in the temporary dagster.yaml is copied from dagster_home/dagster.yaml.

Screenshots are kept in reports/test-artifacts/ui-browser/ (path printed; `-s` shows it).
Needs /usr/bin/chromium (`make test` installs it when run as root) and the `playwright` package;
without them the test skips, except under `make test` or CI (REQUIRE_BROWSER / CI set), where it fails.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, SEEDS

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LOCATION = "orchestration.definitions"  # the code location's name when loaded with -m
ARTIFACTS = REPO / "reports" / "test-artifacts" / "ui-browser"
GROUPS = ["ingest", "extract", "staging", "intermediate", "marts", "quality", "publish"]
# what a user looks for in each group (the full lists come from the definitions)
LANDMARKS = {
    "ingest": "raw_articles", "extract": "raw_figure_mentions", "staging": "stg_articles", "intermediate": "int_figures",
    "marts": "fct_figure_estimates", "quality": "figure_estimates_chart", "publish": "published_warehouse",
}
SERVER_START_SECONDS = 180
RUN_SECONDS = 420


def required() -> bool:
    """`make test` sets REQUIRE_BROWSER=1 (it installs the browser first), and so does any CI that
    sets CI: there a missing browser fails the test. Run alone, without them, the test skips."""
    flag = os.environ.get("REQUIRE_BROWSER") or os.environ.get("CI") or ""
    return flag.strip().lower() not in ("", "0", "false", "no")


def _require_browser() -> None:
    problems = []
    if not CHROMIUM.exists():
        problems.append(f"{CHROMIUM} is missing (`make test` installs Debian's chromium when run as root; "
                        "otherwise: apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problems.append("the playwright package is not installed (pip install -r requirements.lock)")
    if problems:
        message = "browser test needs: " + "; ".join(problems)
        if required():
            pytest.fail(message)
        pytest.skip(message)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _instance_yaml() -> str:
    """dagster_home/dagster.yaml, with runs launched by the webserver instead of queued for the daemon."""
    config = yaml.safe_load((REPO / "dagster_home" / "dagster.yaml").read_text()) or {}
    config.pop("run_queue", None)
    config["run_coordinator"] = {"module": "dagster._core.run_coordinator", "class": "DefaultRunCoordinator"}
    return yaml.safe_dump(config, sort_keys=False)


def _log_tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def _stop(proc: subprocess.Popen) -> None:
    """SIGTERM to the webserver's own process group (webserver, code server, run process), then SIGKILL."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # stragglers in the group (the group id is the webserver's pid)
    except ProcessLookupError:
        pass
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def webserver(tmp_path_factory):
    _require_browser()
    root = tmp_path_factory.mktemp("ui")
    home = root / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text(_instance_yaml())
    seeds = root / "seeds"
    shutil.copytree(SEEDS, seeds)
    paths = {
        "SEEDS_DIR": seeds, "WAREHOUSE_PATH": root / "warehouse.duckdb",
        "DATA_DOCS_DIR": root / "data_docs", "CHARTS_DIR": root / "charts", "BRIEF_DIR": root / "brief",
    }
    env = {**os.environ, "DAGSTER_HOME": str(home), **{k: str(v) for k, v in paths.items()}}
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = root / "webserver.log"
    executable = Path(sys.executable).with_name("dagster-webserver")
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [str(executable), "-m", LOCATION, "-h", "127.0.0.1", "-p", str(port)],
            cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group, so the code server and runs stop with it
        )
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            if proc.poll() is not None:
                pytest.fail(f"dagster-webserver exited with {proc.returncode}:\n{_log_tail(log)}")
            try:
                with urllib.request.urlopen(f"{url}/server_info", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"dagster-webserver did not answer within {SERVER_START_SECONDS}s:\n{_log_tail(log)}")
            time.sleep(1)
        yield {"url": url, "log": log, **paths}
    finally:
        _stop(proc)


@pytest.fixture(scope="module")
def page(webserver):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.set_default_timeout(60_000)
            # a fresh instance greets the first visitor with "Join the Dagster community": skip it when it shows
            page.add_locator_handler(page.get_by_role("button", name="Skip"), lambda button: button.click())
            yield page
        finally:
            browser.close()


def _shot(page, name: str) -> Path:
    path = ARTIFACTS / name
    page.screenshot(path=str(path))
    print(f"\nscreenshot: {path}")
    return path


def _assets_by_group() -> dict[str, list[str]]:
    from orchestration.definitions import defs

    groups: dict[str, list[str]] = {}
    for node in defs.resolve_asset_graph().asset_nodes:
        if node.is_materializable:
            groups.setdefault(node.group_name, []).append(node.key.path[-1])
    return groups


def _text_when(page, predicate, timeout: float) -> str:
    """The page's text once ``predicate`` holds on it (or the last text seen after ``timeout`` seconds)."""
    deadline = time.monotonic() + timeout
    while True:
        text = page.inner_text("body")
        if predicate(text) or time.monotonic() > deadline:
            return text
        page.wait_for_timeout(500)


def _wait_for_run(page, webserver, run_id: str) -> str:
    """Watch the run's page (it updates live) until its status tag says Success or Failure."""
    page.goto(f"{webserver['url']}/runs/{run_id}")
    success = page.get_by_text("Success", exact=True)
    failure = page.get_by_text("Failure", exact=True)
    deadline = time.monotonic() + RUN_SECONDS
    while time.monotonic() < deadline:
        if success.count() and success.first.is_visible():
            return "Success"
        if failure.count() and failure.first.is_visible():
            return "Failure"
        page.wait_for_timeout(2_000)
    return "timed out"


def test_materialize_all_from_the_asset_graph(page, webserver):
    url = webserver["url"]
    started = time.monotonic()

    # 1. the global asset lineage shows the stages as groups, and the "Materialize all" button
    page.goto(f"{url}/asset-groups")
    materialize_all = page.get_by_role("button", name="Materialize all")
    materialize_all.wait_for()
    for group in GROUPS:
        assert page.get_by_text(group, exact=True).first.is_visible(), f"group {group} not shown on the asset graph"
    _shot(page, "01_asset_graph.png")

    # 2. launch every asset from the UI; the toast links to the new run
    materialize_all.click()
    toast = page.get_by_role("link", name="View").and_(page.locator("a[href*='/runs/']"))
    toast.first.wait_for(timeout=60_000)
    run_id = toast.first.get_attribute("href").rstrip("/").rsplit("/", 1)[-1]
    assert page.get_by_text(f"Launched run {run_id[:8]}").is_visible()

    # 3. the run page reaches Success
    status = _wait_for_run(page, webserver, run_id)
    _shot(page, "02_run.png")
    assert status == "Success", (
        f"run {run_id} ended as {status}; see {ARTIFACTS / '02_run.png'} and the webserver log:\n"
        + _log_tail(webserver["log"])
    )
    body = page.inner_text("body")
    assert "Errored (0)" in body, "the run page lists errored steps"
    run_seconds = time.monotonic() - started

    # 4. the runs list shows it, launched by hand, successful
    page.goto(f"{url}/runs")
    run_link = page.get_by_text(run_id[:8], exact=True).first
    run_link.wait_for()
    # the run's row: the nearest element around its id that also says who launched it
    row = run_link.locator("xpath=ancestor::*[contains(., 'Manually launched')][1]")
    assert "Success" in row.inner_text(), row.inner_text()

    # 5. each group's list shows its assets, all materialized
    page.set_viewport_size({"width": 1600, "height": 4000})  # the list renders rows as they scroll into view
    for group, names in sorted(_assets_by_group().items()):
        assert group in GROUPS, f"asset group {group} is not one of the stages {GROUPS}"
        page.goto(f"{url}/locations/{LOCATION}/asset-groups/{group}/list")
        page.get_by_text(names[0]).first.wait_for()
        # statuses arrive after the names ("Loading..."): wait until every row has one
        text = _text_when(page, lambda t: t.count("Materialized") >= len(names), timeout=60)
        missing = [n for n in names if n not in text]
        assert not missing, f"group {group}: the UI does not list {missing}"
        assert LANDMARKS[group] in names
        assert text.count("Materialized") >= len(names), f"group {group}: not every asset shows Materialized"
        if group == "staging":
            _shot(page, "06_staging_list.png")
    page.set_viewport_size({"width": 1600, "height": 1000})

    # 6. the figure-estimates chart is in the asset's metadata, as an image the browser decoded
    page.goto(f"{url}/assets/figure_estimates_chart")
    page.get_by_text("estimates_charted").wait_for()
    page.get_by_text("Show Markdown").first.click()
    image = page.locator("img[src^='data:image/png;base64,']").first
    image.wait_for()
    width, height = image.evaluate("img => [img.naturalWidth, img.naturalHeight]")
    assert width > 300 and height > 300
    _shot(page, "03_figure_estimates_chart.png")
    page.keyboard.press("Escape")
    chart_file = Path(webserver["CHARTS_DIR"]) / "figure_estimates.png"
    assert chart_file.read_bytes().startswith(b"\x89PNG")

    # 7. raw_articles shows its row count and a preview table of the articles
    page.goto(f"{url}/assets/raw_articles")
    page.get_by_text("Row count").wait_for()
    page.get_by_text("Show schema").first.wait_for()
    assert page.get_by_text("Is Hmeimim base abandoning those displaced to it?").first.is_visible()
    _shot(page, "04_raw_articles.png")
    page.goto(f"{url}/assets/raw_figure_mentions")
    page.get_by_text("figures_with_claimant").wait_for()
    page.get_by_text("Show schema").first.wait_for()
    assert page.get_by_text("claimant_text").first.is_visible()  # a column of the preview table

    # 8. the quality group's lineage: the chart and the marts it reads, materialized by this run
    page.goto(f"{url}/locations/{LOCATION}/asset-groups/quality/lineage")
    page.get_by_text("figure_estimates_chart").first.wait_for()
    text = _text_when(page, lambda t: "Materialized" in t, timeout=30)
    page.wait_for_timeout(1_000)
    _shot(page, "05_quality_lineage_after_run.png")
    assert "Materialized" in text, "the quality group's lineage does not show the chart as materialized"

    # 9. the claims brief: its metadata previews the top estimates as Markdown and gives the file's path
    page.goto(f"{url}/assets/claims_brief")
    page.get_by_text("published_by_run").wait_for()
    brief_file = Path(webserver["BRIEF_DIR"]) / "claims_brief.html"
    assert page.get_by_text(str(brief_file)).first.is_visible()
    page.get_by_text("Show Markdown").first.click()
    page.get_by_text("People sheltered (Syria)").first.wait_for()
    assert page.locator("td", has_text="Maria Zakharova").count() >= 4  # her rows, rendered as a table
    _shot(page, "07_claims_brief_preview.png")
    page.keyboard.press("Escape")
    assert "Maria Zakharova" in brief_file.read_text(encoding="utf-8")

    print(f"\nrun {run_id} launched from the UI succeeded; {run_seconds:.0f}s from opening the asset graph "
          f"to Success; screenshots in {ARTIFACTS}")
