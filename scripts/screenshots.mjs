// Takes screenshots of every view at desktop and phone widths, light and
// dark, into a folder (default /tmp/repertoire-shots), for looking at
// changes: `node scripts/screenshots.mjs [--quick] [folder]`. It serves
// `dist/` itself on a free loopback port (or uses BASE_URL). `--quick`
// takes the desktop light ones only: `make test` runs that, so the script
// keeps working as the views change.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const out = args.find((a) => !a.startsWith('--')) ?? '/tmp/repertoire-shots';
mkdirSync(out, { recursive: true });

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = process.env.BASE_URL
  ? null
  : createServer((request, response) => {
      const name = new URL(request.url, 'http://x').pathname.replace(/^\/$/, '/index.html');
      const file = path.join(dist, path.normalize(name));
      try {
        const body = readFileSync(file);
        response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
if (server) await new Promise((done) => server.listen(0, '127.0.0.1', done));
const base = process.env.BASE_URL ?? `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const sizes = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 800 } };
for (const [device, viewport] of Object.entries(sizes).slice(0, quick ? 1 : 2)) {
  for (const scheme of quick ? ['light'] : ['light', 'dark']) {
    const context = await browser.newContext({ viewport, colorScheme: scheme });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error', e.message));
    const shot = async (name) => {
      await page.waitForTimeout(150);
      await page.screenshot({ path: path.join(out, `${device}-${scheme}-${name}.png`), fullPage: true });
    };
    await page.goto(base);
    await page.waitForSelector('nav');
    await shot('home-empty');
    await page.goto(`${base}#/new`);
    await shot('new-chooser');
    await page.goto(`${base}#/new/problem-solving`);
    await page.getByRole('button', { name: 'Save' }).click();
    await shot('form-errors');
    await page.getByLabel('Title').fill('Night-shift handover misses allergy notes');
    await page.getByLabel('What are you trying to achieve?').fill('Every allergy noted at admission reaches the night shift.');
    await page.getByLabel('Where exactly are you stuck?').fill('Late admissions are entered after the sheet is printed.\nSecond line.');
    await page.getByLabel('Topics').fill('handover, patient safety');
    await page.getByLabel('Your name').fill('Robin');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForSelector('dl.fields');
    await page.getByLabel(/^Your idea/).fill('Print the sheet **after** the last admission round.');
    await page.getByRole('button', { name: 'Add an idea' }).click();
    await page.waitForSelector('.contribution');
    await shot('record');
    await page.goto(`${base}#/new/information-request`);
    await page.getByLabel('Title').fill('Where is the fire drill checklist?');
    await page.getByLabel(/^Your question/).fill('Where is the **checklist** we used?\n- last year\n- `<script>alert(1)</script>` stays text');
    await page.getByLabel(/^How soon/).selectOption('high');
    await page.getByLabel('Topics').fill('safety, handover');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByLabel(/^Your answer/).fill('On the shared drive under *Safety*.');
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await page.getByRole('button', { name: 'Accept this answer' }).click();
    await page.waitForSelector('.badge');
    await shot('request');
    await page.getByRole('button', { name: 'Write it down' }).click();
    await page.waitForSelector('.checks');
    await shot('write-down');
    await page.goto(`${base}#/repertoire`);
    await shot('repertoire');
    await page.goto(`${base}#/repertoire?q=checklist&sort=unanswered`);
    await shot('repertoire-search');
    await page.goto(`${base}#/data`);
    await page.waitForSelector('#storage-title');
    await shot('data');
    await page.goto(`${base}#/community`);
    await page.getByLabel('Name').fill('Night Shift Circle');
    await page.getByLabel('Guild').check();
    await page.getByLabel('What is the domain about?').fill('Handing patients over safely between shifts.');
    await page.getByLabel('Core topics').fill('handover, allergies');
    await shot('profile');
    await page.getByRole('button', { name: 'Save the profile' }).click();
    await page.waitForSelector('text=Saved the profile');
    await page.goto(`${base}#/members`);
    for (const [name, knows, learning] of [['Robin', 'handover', 'sepsis'], ['Lee', 'safety', ''], ['Kim', '', 'handover']]) {
      await page.getByRole('button', { name: 'Add a member' }).click();
      const form = page.getByRole('form', { name: 'Add a member' });
      await form.getByLabel('Name').fill(name);
      await form.getByLabel('Topics they know about').fill(knows);
      await form.getByLabel('Topics they want to learn').fill(learning);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.waitForSelector(`text=Saved ${name}.`);
    }
    await shot('members');
    await page.goto(`${base}#/map`);
    await shot('map');
    await page.goto(`${base}#/assessment`);
    await page.getByRole('button', { name: 'Open the round' }).click();
    for (const [i, name] of ['Robin', 'Lee', 'Kim'].entries()) {
      await page.goto(`${base}#/members`);
      const again = page.getByRole('button', { name: 'Not you? Choose again' });
      if (await again.count()) await again.click();
      await page.getByLabel('I am').selectOption({ label: name });
      await page.getByRole('button', { name: "That's me" }).click();
      await page.goto(`${base}#/assessment`);
      for (const [e, v] of [['d', 4], ['c', 3 + (i % 2)], ['p', 1 + i]]) {
        for (let k = 1; k <= 6; k += 1) await page.locator(`#item-${e}${k}-${v}`).check();
      }
      await page.getByRole('button', { name: 'Save my answers' }).click();
      await page.waitForSelector('text=Your answers are saved.');
    }
    await shot('assessment');
    await page.goto(`${base}#/`);
    await shot('home');
    await context.close();
  }
}
await browser.close();
server?.close();
console.log(`screenshots in ${out}`);
