// End-to-end check of the port site in a real browser (Debian's headless Chromium).
// Usage: BASE_URL=http://127.0.0.1:PORT ARTIFACTS=dir node e2e.mjs
// Exits non-zero on the first failed check; prints one line per step.
import { chromium } from "playwright-core";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = process.env.BASE_URL;
const artifacts = process.env.ARTIFACTS || "target/browser-artifacts";
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
if (!base) throw new Error("BASE_URL is required");
mkdirSync(artifacts, { recursive: true });

const userDataDir = mkdtempSync(join(tmpdir(), "portlore-chromium-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  viewport: { width: 390, height: 844 },
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});

const problems = [];
const page = context.pages()[0] || (await context.newPage());
page.on("console", (m) => {
  if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
});
page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
page.on("request", (r) => {
  if (!r.url().startsWith(base) && !r.url().startsWith("data:")) problems.push(`third-party request: ${r.url()}`);
});

function check(cond, what) {
  if (!cond) throw new Error(`FAILED: ${what}`);
  console.log(`ok - ${what}`);
}

try {
  // 1. The French page of 3147.
  let resp = await page.goto(`${base}/fr/ports/3147`);
  check(resp.status() === 200, "GET /fr/ports/3147 is 200");
  check((await page.getAttribute("html", "lang")) === "fr", "the page says lang=fr");
  const h1 = await page.textContent("h1");
  check(h1.includes("Port 3147") && h1.includes("rfio"), `headline names rfio (${h1.trim()})`);
  const body = await page.textContent("body");
  for (const phrase of ["Registre de l'IANA", "Vérifiez vous-même", "Cette page vous a-t-elle été utile ?"]) {
    check(body.includes(phrase), `French text: ${phrase}`);
  }
  check(await page.isVisible("form.vote button[value=helpful]"), "the vote widget is visible");
  await page.screenshot({ path: join(artifacts, "port-3147-fr.png"), fullPage: true });
  console.log(`ok - screenshot ${join(artifacts, "port-3147-fr.png")}`);

  // 2. Switch language with the switcher.
  await page.click("nav.langs a[hreflang=de]");
  await page.waitForURL(`${base}/de/ports/3147`);
  check((await page.textContent("body")).includes("War diese Seite hilfreich?"), "switched to German");
  await page.click("nav.langs a[hreflang=en]");
  await page.waitForURL(`${base}/en/ports/3147`);
  check((await page.textContent("#vote h2")).includes("Was this page helpful?"), "switched to English");

  // 3. Search for rfio and follow the result.
  await page.fill("header input[name=q]", "rfio");
  await page.press("header input[name=q]", "Enter");
  await page.waitForURL(/\/en\/search\?q=rfio/);
  const hit = page.locator("ol.hits a[href$='ports/3147']").first();
  check((await hit.count()) === 1, "search for rfio lists port 3147");
  await hit.click();
  await page.waitForURL(`${base}/en/ports/3147`);
  check((await page.textContent("h1")).includes("rfio"), "the result leads to the rfio page");

  // 4. The home page map, and dark mode renders.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`${base}/en/`);
  check((await page.locator("svg.map a").count()) === 256, "the map has 256 blocks");
  await page.screenshot({ path: join(artifacts, "home-en-dark.png"), fullPage: false });
  await page.click("svg.map a[href='blocks/12']");
  await page.waitForURL(`${base}/en/blocks/12`);
  check((await page.textContent("h1")).includes("3072"), "a map block opens its index page");

  // 5. No horizontal scrolling at phone width.
  await page.goto(`${base}/ru/ports/3147`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `no horizontal scroll at 390 px (overflow ${overflow})`);

  check(problems.length === 0, `no CSP violations, page errors or third-party requests ${JSON.stringify(problems)}`);
} finally {
  await context.close();
}
