"""The front end in a real browser (Debian's Chromium driven by Playwright) against a real
gunicorn and a real Celery worker on the real Redis.

The API token is set on this service, as in a locked-down deployment: the page must still
upload, follow and retry through its CSRF-guarded form endpoints. Screenshots of every step are
written to ``artifacts/browser/`` (git-ignored) for people to look at.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, FilePayload, Page, expect, sync_playwright

from tests.support.env import FIXTURES, REDIS_TEST_URL
from tests.support.processes import Service, service_env, started_service

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.e2e]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "browser"
PAGE = FIXTURES / "seed-liaocheng-p2.txt"
API_TOKEN = "browser-test-token"
# How long a job may take through the real worker before the waiting gives up (not a timing
# assertion: the tests wait for states, this only bounds a hang).
JOB_WAIT_MS = 90_000


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    folder = tmp_path_factory.mktemp("browser-service")
    env = service_env(
        f"sqlite:///{folder / 'baokan.db'}", REDIS_TEST_URL, BAOKAN_API_TOKEN=API_TOKEN
    )
    with started_service(env, folder) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail("no /usr/bin/chromium: `apt-get install chromium` (.ci/ensure-services does)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Browser, service: Service) -> Iterator[Page]:
    context = browser.new_context(
        base_url=service.base, viewport={"width": 1100, "height": 900}, locale="zh-CN"
    )
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        yield opened
    finally:
        context.close()
    assert errors == [], f"the page's script failed: {errors}"


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def drop_files(page: Page, selector: str, files: list[tuple[str, bytes, str]]) -> None:
    """Drag and drop files onto ``selector`` as a person dragging them from a file manager."""
    transfer = page.evaluate_handle(
        """(files) => {
            const transfer = new DataTransfer();
            for (const [name, data, type] of files) {
                const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
                transfer.items.add(new File([bytes], name, {type}));
            }
            return transfer;
        }""",
        [[name, base64.b64encode(data).decode(), kind] for name, data, kind in files],
    )
    for event in ("dragenter", "dragover", "drop"):
        page.dispatch_event(selector, event, {"dataTransfer": transfer})


def payload(name: str, mime_type: str, data: bytes) -> FilePayload:
    return {"name": name, "mimeType": mime_type, "buffer": data}


def job_row(page: Page, filename: str) -> Any:
    return page.locator("#upload-jobs li").filter(has_text=filename)


def test_drop_an_issue_watch_it_work_then_read_and_search(
    page: Page, gold_headlines: list[str]
) -> None:
    page.goto("/")
    expect(page.locator("h1")).to_contain_text("Upload")
    drop_files(page, "#dropzone", [("seed-liaocheng-p2.txt", PAGE.read_bytes(), "text/plain")])
    # A second page of the issue through the ordinary file chooser.
    page.set_input_files(
        "#file",
        files=[
            payload("第3版.txt", "text/plain", "本报讯 第三版短讯，记者 王五 报道。\n".encode())
        ],
    )
    expect(page.locator("#chosen li")).to_have_count(2)
    page.fill("#newspaper", "聊城日报")
    page.fill("#issue_date", "2024-07-12")
    shot(page, "01-upload-chosen")

    page.click("#upload-button")
    reference = job_row(page, "seed-liaocheng-p2.txt")
    second = job_row(page, "第3版.txt")
    expect(reference.locator(".state")).to_have_attribute(
        "data-state", "succeeded", timeout=JOB_WAIT_MS
    )
    expect(second.locator(".state")).to_have_attribute(
        "data-state", "succeeded", timeout=JOB_WAIT_MS
    )
    expect(reference).to_contain_text("8 篇文章")
    expect(page.locator("#progress-summary")).to_have_text("2 / 2 完成 done")
    shot(page, "02-upload-succeeded")

    # Read: the issue's contents, then an article as printed.
    reference.locator("a.issue-link").click()
    expect(page.locator(".toc-headline")).to_have_count(8)
    expect(page.locator("h1")).to_have_text("聊城日报")
    headlines = page.locator(".toc-headline").all_inner_texts()
    assert headlines == [h or "（图片）" for h in gold_headlines]
    shot(page, "03-issue")
    csv_url = page.locator("a", has_text="CSV").get_attribute("href")
    assert csv_url is not None
    download = page.request.get(csv_url)
    assert download.ok
    assert download.body().startswith(b"\xef\xbb\xbf")

    page.locator(".toc-headline", has_text="深耕廉洁沃土").click()
    expect(page.locator("h1.headline")).to_have_text("深耕廉洁沃土 构筑清廉矩阵")
    expect(page.locator(".subtitle")).to_contain_text("茌平区构建")
    expect(page.locator("a[rel=prev]")).to_contain_text(gold_headlines[0])
    expect(page.locator("a[rel=next]")).to_contain_text(gold_headlines[2])
    shot(page, "04-article")
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, "05-article-phone")
    page.set_viewport_size({"width": 1100, "height": 900})
    page.locator("a[rel=next]").click()
    expect(page.locator("h1.headline")).to_have_text(gold_headlines[2])

    # Search from the box every page carries.
    box = page.get_by_role("searchbox", name="搜索 Search the archive")
    box.fill("源网荷储")
    box.press("Enter")
    expect(page.locator(".result-headline")).to_have_text(["东昌府区跑出招商引资加速度"])
    shot(page, "06-search")

    # Browse: the issue list, filtered by newspaper.
    page.goto("/issues")
    page.fill("#filter-newspaper", "聊城日报")
    page.click("form.filters button")
    expect(page.locator("table.issues tbody tr")).to_have_count(2)
    expect(page.locator("table.issues")).to_contain_text("2024-07-12")
    shot(page, "07-issues")


def test_a_failed_job_explains_itself_and_can_be_retried(page: Page) -> None:
    page.goto("/")
    page.set_input_files(
        "#file",
        files=[payload("broken.pdf", "application/pdf", b"%PDF-1.4\n1 0 obj\n")],
    )
    page.click("#upload-button")
    row = job_row(page, "broken.pdf")
    expect(row.locator(".state")).to_have_attribute("data-state", "failed", timeout=JOB_WAIT_MS)
    expect(row.locator(".detail")).to_contain_text("The file is incomplete")
    expect(row.locator(".detail")).to_contain_text("pdf_truncated")
    shot(page, "08-failed")

    retry = row.get_by_role("button", name="重试 Retry")
    with page.expect_response(re.compile(r"/jobs/[0-9a-f]+/retry$")) as answer:
        retry.click()
    assert answer.value.status == 202
    assert answer.value.json()["state"] == "queued"
    # The old button went with the retry; a new one comes back when the job has failed again.
    expect(row.get_by_role("button", name="重试 Retry")).to_be_enabled(timeout=JOB_WAIT_MS)
    expect(row.locator(".state")).to_have_attribute("data-state", "failed")


def test_a_rejected_file_says_why_in_plain_words(page: Page) -> None:
    page.goto("/")
    page.set_input_files(
        "#file",
        files=[payload("noise.txt", "text/plain", bytes(range(256)) * 8)],
    )
    page.click("#upload-button")
    row = job_row(page, "noise.txt")
    expect(row.locator(".state")).to_have_attribute("data-state", "rejected")
    expect(row.locator(".detail")).to_contain_text("Only PDF files and plain-text")
    expect(row.get_by_role("button", name="重新上传 Upload again")).to_be_visible()


def test_the_form_works_without_javascript(browser: Browser, service: Service) -> None:
    context = browser.new_context(base_url=service.base, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/")
        page.set_input_files(
            "#file",
            files=[
                payload("nojs.txt", "text/plain", "本报讯 不用脚本上传，记者 赵六。\n".encode())
            ],
        )
        page.fill("#newspaper", "无脚本报")
        page.click("#upload-button")
        expect(page).to_have_url(re.compile(r"/jobs\?id="))
        # The status page refreshes itself until the job has ended.
        expect(page.locator(".job .state")).to_have_attribute(
            "data-state", "succeeded", timeout=JOB_WAIT_MS
        )
        shot(page, "09-no-javascript-status")
        page.locator(".job a", has_text="articles").click()
        expect(page.locator("h1")).to_have_text("无脚本报")
    finally:
        context.close()


def test_every_control_has_a_name_and_the_keyboard_reaches_the_file_chooser(
    page: Page,
) -> None:
    for path in ("/", "/issues", "/search?q=孔繁森"):
        page.goto(path)
        unnamed = page.evaluate(
            """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
                .map((el) => el.id || el.name)"""
        )
        assert unnamed == [], f"{path}: controls without a label: {unnamed}"
    page.goto("/")
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.className") == "skip"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "file":
            break
    assert page.evaluate("document.activeElement.id") == "file"
    shot(page, "10-keyboard-focus-on-drop-zone")


def test_an_issue_dropped_page_by_page_reads_its_continued_article_whole(page: Page) -> None:
    from tests.support.continued_pages import JOINED_PARAGRAPH, page_one, page_two

    page.goto("/")
    drop_files(
        page, "#dropzone",
        [("1版.txt", page_one(), "text/plain"), ("2版.txt", page_two(), "text/plain")],
    )
    page.click("#upload-button")
    for name in ("1版.txt", "2版.txt"):
        expect(job_row(page, name).locator(".state")).to_have_attribute(
            "data-state", "succeeded", timeout=JOB_WAIT_MS
        )
    # The page sent each file in its own request, naming one batch: the worker that ended the
    # last job joined the part continued on page 2 into its article on page 1.
    first_issue = job_row(page, "1版.txt").locator("a.issue-link").get_attribute("href")
    assert first_issue is not None
    job_row(page, "2版.txt").locator("a.issue-link").click()
    toc = page.locator(".toc-headline")
    for _ in range(60):
        if toc.count() == 1:
            break
        page.wait_for_timeout(500)
        page.reload()
    expect(toc).to_have_text(["口袋公园方便群众"])
    page.goto(first_issue)
    page.locator(".toc-headline", has_text="夏粮收购有序开展").click()
    expect(page.locator("article")).to_contain_text(JOINED_PARAGRAPH)
    shot(page, "09-joined-across-files")
