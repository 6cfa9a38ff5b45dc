// The static export in headless Chromium, as a plain static server (python3 -m
// http.server) serves it under a sub-path, and straight from disk over file://.
// Every link on a sample of pages must load, and the stylesheet must apply.
// Usage: BASE_URL=http://127.0.0.1:PORT/sub/ EXPORT_DIR=/path/to/sub LAST_PORT=N ARTIFACTS=dir node export.mjs
import { chromium } from "playwright-core";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = process.env.BASE_URL;
const dir = process.env.EXPORT_DIR;
const lastPort = Number(process.env.LAST_PORT || 65535);
const artifacts = process.env.ARTIFACTS || "target/browser-artifacts";
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
if (!base || !dir) throw new Error("BASE_URL and EXPORT_DIR are required");
mkdirSync(artifacts, { recursive: true });

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "portlore-export-")), {
  executablePath,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--allow-file-access-from-files"],
});
const page = context.pages()[0] || (await context.newPage());
const problems = [];
page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
page.on("console", (m) => { if (/Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`); });
page.on("response", (r) => { if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`); });

function check(cond, what) {
  if (!cond) throw new Error(`FAILED: ${what}`);
  console.log(`ok - ${what}`);
}

// The site's stylesheet sets the body's width and the brand's weight.
async function styled() {
  return page.evaluate(() => getComputedStyle(document.body).maxWidth === "736px"
    && getComputedStyle(document.querySelector(".brand") || document.body).fontWeight === "700");
}

function skipped(url) {
  const m = url.match(/\/ports\/(\d+)\.html/);
  return m && Number(m[1]) > lastPort;
}

try {
  // 1. Over HTTP, under a sub-path: the root chooser, then a crawl of the links.
  let resp = await page.goto(`${base}index.html`);
  check(resp.status() === 200, "the root page loads");
  await page.waitForURL(/\/en\/index\.html$/, { timeout: 5000 });
  check(await styled(), "the stylesheet applies under the sub-path");
  const seen = new Set();
  const queue = [`${base}en/index.html`, `${base}fr/ports/index.html`, `${base}en/blocks/12.html`, `${base}en/ports/3147.html`];
  let pages = 0;
  while (queue.length && pages < 40) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    seen.add(url);
    resp = await page.goto(url);
    check(resp.status() === 200, `${url.slice(base.length)} loads`);
    pages++;
    if (!(await styled())) problems.push(`unstyled: ${url}`);
    const links = await page.$$eval("a[href]", (as) => as.map((a) => new URL(a.getAttribute("href"), location.href).href));
    for (const l of links) {
      const u = l.split("#")[0];
      if (!u.startsWith(base) || skipped(u) || seen.has(u) || u.includes("?")) continue;
      const r = await page.request.get(u);
      if (r.status() !== 200) problems.push(`dead link on ${url.slice(base.length)}: ${u.slice(base.length)} (${r.status()})`);
      seen.add(u);
      if (queue.length < 200 && Math.random() < 0.08) { seen.delete(u); queue.push(u); }
    }
  }
  check(problems.length === 0, `every link resolves and every page is styled ${JSON.stringify(problems.slice(0, 20))}`);

  // 2. Clicking through: the map, a block, a port, the language switcher.
  await page.goto(`${base}en/index.html`);
  // A click only starts a navigation: each check waits for the new page's load event,
  // or it may read the old page, or the new one before its stylesheet applies.
  await page.click("svg.map a[href='blocks/12.html']");
  await page.waitForURL(`${base}en/blocks/12.html`);
  check(page.url() === `${base}en/blocks/12.html`, "a map block opens its page");
  await page.click("table.blk a[href='../ports/3147.html']");
  await page.waitForURL(`${base}en/ports/3147.html`);
  check((await page.textContent("h1")).includes("3147"), "a row opens its port page");
  await page.click("nav.langs a[hreflang=fr]");
  await page.waitForURL(`${base}fr/ports/3147.html`);
  check(page.url() === `${base}fr/ports/3147.html`, "the switcher goes to the French page");
  const langs = await page.$$eval("nav.langs a, nav.langs strong", (xs) => xs.map((x) => x.getAttribute("lang")));
  check(JSON.stringify(langs.sort()) === JSON.stringify(["en", "fr"]), `the switcher lists only the exported languages (${langs})`);
  await page.screenshot({ path: join(artifacts, "export-http-port-3147-fr.png"), fullPage: false });

  // 2b. The client-side search under the sub-path: a result opens its port page, and
  // a bare number goes straight to the port (the server's 303).
  await page.goto(`${base}fr/ports/3147.html`);
  await page.fill("#q", "rfio");
  await page.press("#q", "Enter");
  await page.waitForURL(/\/fr\/search\.html\?q=rfio$/);
  await page.waitForSelector("#hits li a");
  const first = await page.getAttribute("#hits li a", "href");
  check(!first.startsWith("/"), `search results link relative to the page (${first})`);
  await page.click("#hits li a");
  await page.waitForURL(`${base}fr/ports/3147.html`);
  check(await styled(), "a search result opens its port page under the sub-path");
  await page.goto(`${base}en/search.html?q=mydooom`);
  await page.waitForSelector("#hits li a");
  check((await page.textContent("#hits li a")).startsWith("MyDoom"), "a misspelt threat name finds MyDoom first, as the server does");
  await page.click("#hits li a");
  await page.waitForURL(`${base}en/ports/25.html`);
  check((await page.textContent("h1")).includes("Port 25"), "the MyDoom hit opens its first port, 25");
  await page.goto(`${base}en/search.html?q=3389`);
  await page.waitForURL(`${base}en/ports/3389.html`);
  check((await page.textContent("h1")).includes("3389"), "a bare number in the exported search opens the port");

  // 3. Straight from disk.
  const file = `file://${dir}/`;
  await page.goto(`${file}en/index.html`);
  check(await styled(), "the stylesheet applies over file://");
  await page.screenshot({ path: join(artifacts, "export-file-home-1280.png"), fullPage: false });
  await page.click("svg.map a[href='blocks/12.html']");
  await page.waitForURL(`${file}en/blocks/12.html`);
  check((await page.textContent("h1")).includes("3072"), "over file://, a map block opens its page");
  await page.click("table.blk a[href='../ports/3147.html']");
  await page.waitForURL(`${file}en/ports/3147.html`);
  check((await page.textContent("h1")).includes("3147") && (await styled()), "over file://, a port page opens, styled");
  await page.click("a.brand");
  await page.waitForURL(`${file}en/index.html`);
  check(page.url() === `${file}en/index.html`, "over file://, the brand goes home");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(artifacts, "export-file-home-390.png"), fullPage: false });
  await page.goto(`${file}en/search.html?q=3147`);
  await page.waitForURL(`${file}en/ports/3147.html`);
  check((await page.textContent("h1")).includes("3147"), "over file://, a bare number in the search opens the port");
  await page.goto(`${file}en/ports/3147.html`);
  await page.screenshot({ path: join(artifacts, "export-file-port-3147-390.png"), fullPage: false });
  check(problems.length === 0, `no page errors ${JSON.stringify(problems)}`);
} finally {
  await context.close();
}
