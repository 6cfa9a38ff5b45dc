// The site around the port pages in Debian's headless Chromium: the map's names and
// tooltips, the block page's columns, axe-core's WCAG 2.1 AA rules on the main pages
// in two languages and both themes, and screenshots at 1280 and 390 px.
// Usage: BASE_URL=http://127.0.0.1:PORT ARTIFACTS=dir node site.mjs
// Exits non-zero on the first failed check; prints one line per step.
import { chromium } from "playwright-core";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = process.env.BASE_URL;
const artifacts = process.env.ARTIFACTS || "target/browser-artifacts";
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
if (!base) throw new Error("BASE_URL is required");
mkdirSync(artifacts, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "portlore-site-")), {
  executablePath,
  headless: true,
  viewport: { width: 1280, height: 900 },
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

async function open(path) {
  const resp = await page.goto(`${base}${path}`);
  return resp.status();
}

// axe-core, injected through the DevTools protocol (the page's CSP allows no inline
// script, and none is needed), WCAG 2.0/2.1 A and AA rules.
async function axe(label) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  const found = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`,
  );
  check(found.length === 0, `axe: 0 WCAG 2.1 AA violations on ${label} ${found.length ? JSON.stringify(found, null, 1) : ""}`);
}

try {
  // 1. The map: every block is a link named by its tooltip.
  check((await open("/en/")) === 200, "GET /en/");
  const blocks = page.locator("svg.map a");
  check((await blocks.count()) === 256, "the map has 256 links");
  const titles = await page.$$eval("svg.map a", (as) => as.map((a) => a.querySelector("title")?.textContent || ""));
  check(titles.every((t) => /^\d+-\d+, IANA \d+/.test(t)), "every block has a tooltip with its range and assigned count");
  check(/^3072-3327, IANA \d+; .*; ⚠ MyDoom/.test(titles[12]), `block 12's tooltip names services and MyDoom (${titles[12]})`);
  const named = page.getByRole("link", { name: /^3072-3327/ });
  check((await named.count()) === 1, "block 12 has an accessible name");
  const labels = await page.$$eval("svg.map text", (ts) => ts.map((t) => t.textContent));
  check(labels.includes("61440") && labels.includes("+1024"), "the axes are labelled with start ports");
  check((await page.locator("form[role=search]").count()) === 1, "one search box");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");

  // 2. The block page says what is on each port.
  check((await open("/en/blocks/12")) === 200, "GET /en/blocks/12");
  const heads = await page.$$eval("table.blk th", (ths) => ths.map((t) => t.textContent.trim()));
  check(JSON.stringify(heads) === JSON.stringify(["Port", "Transport", "IANA service", "Usually there"]), `block columns ${heads}`);
  const row = await page.locator("table.blk tr", { has: page.locator("a[href='../ports/3128']") }).first().textContent();
  check(/ndl-aas/.test(row) && /Squid/.test(row), `3128 shows its IANA service and Squid (${row.trim()})`);
  check(/MyDoom appears in the threat history of \d+ of these ports/.test(await page.textContent("main")), "MyDoom is counted once, as a family");

  // 3. The position bar's labels are legible in both themes.
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await open("/en/ports/3147");
    const sizes = await page.$$eval("svg.bar text", (ts) => ts.map((t) => parseFloat(getComputedStyle(t).fontSize)));
    check(sizes.length >= 5 && sizes.every((s) => s >= 11), `bar labels are at least 11 px (${sizes}) in ${scheme}`);
    check((await page.textContent("svg.bar text.mk")) === "3147", `the bar's marker is labelled in ${scheme}`);
  }

  // 4. axe-core on the main pages, two languages, both themes.
  const audited = [
    "/en/", "/fr/", "/en/ports/3147", "/fr/ports/3147", "/en/blocks/12", "/fr/blocks/12",
    "/en/search?q=rfio", "/fr/search?q=rfio", "/en/feedback", "/fr/feedback", "/en/ports/",
  ];
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of audited) {
      await open(path);
      await axe(`${path} (${scheme})`);
    }
  }

  // 5. Screenshots at 1280 and 390 px, and no sideways scrolling on a phone.
  const shots = [
    ["home-en", "/en/"], ["ports-en", "/en/ports/"], ["block-12-en", "/en/blocks/12"],
    ["search-rfio-en", "/en/search?q=rfio"], ["feedback-en", "/en/feedback"], ["feedback-fr", "/fr/feedback"],
    ["api-docs", "/api/v1/docs"], ["port-3147-en", "/en/ports/3147"], ["recent-en", "/en/recent"],
  ];
  for (const [width, height] of [[1280, 900], [390, 844]]) {
    await page.setViewportSize({ width, height });
    for (const scheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, path] of shots) {
        await open(path);
        if (width === 390) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          check(overflow <= 0, `${path} fits ${width} px (overflow ${overflow}) in ${scheme}`);
        }
        {
          const file = join(artifacts, `${name}-${width}-${scheme}.png`);
          await page.screenshot({ path: file, fullPage: width === 390 ? false : true });
        }
      }
    }
  }
  console.log(`ok - screenshots in ${artifacts}`);
  check(problems.length === 0, `no CSP violations, page errors or third-party requests ${JSON.stringify(problems)}`);
} finally {
  await context.close();
}
