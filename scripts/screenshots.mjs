// Takes screenshots of every view at desktop and phone widths, light and
// dark, into a folder (default /tmp/repertoire-shots), for looking at
// changes. Needs `dist/` served: `python3 -m http.server 4174 -d dist`.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4174/';
const out = process.argv[2] ?? '/tmp/repertoire-shots';
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const sizes = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 800 } };
for (const [device, viewport] of Object.entries(sizes)) {
  for (const scheme of ['light', 'dark']) {
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
    await page.getByLabel(/^Your question/).fill('Where is the **checklist** we used?\n- last year\n- <script>alert(1)</script>');
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
console.log(`screenshots in ${out}`);
