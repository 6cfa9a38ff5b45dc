// Clicks a face on /fr/ports/3147 in headless Chromium and waits for the French
// thank-you; the Rust side (tests/api_browser.rs) then finds the vote in the database.
// Usage: BASE_URL=http://127.0.0.1:PORT node vote.mjs
import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = process.env.BASE_URL;
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
if (!base) throw new Error("BASE_URL is required");
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "portlore-vote-")), {
  executablePath,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const problems = [];
const page = context.pages()[0] || (await context.newPage());
page.on("console", (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text()); });
page.on("pageerror", (e) => problems.push(String(e)));
let posted = null;
page.on("response", (r) => { if (r.url().endsWith("/api/v1/feedback")) posted = r.status(); });
try {
  await page.goto(`${base}/fr/ports/3147`);
  await page.click("form.vote button[value=unhelpful]");
  await page.waitForSelector("#voted", { state: "visible", timeout: 10000 });
  const thanks = (await page.textContent("#voted")).trim();
  console.log(`thank-you: ${thanks}; POST answered ${posted}; url ${page.url()}`);
  if (!/merci/i.test(thanks)) throw new Error(`thank-you not in French: ${thanks}`);
  if (problems.length) throw new Error(problems.join("\n"));
} finally {
  await context.close();
}
