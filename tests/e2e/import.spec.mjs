// Import: bad files are refused with their problems listed and nothing
// changed; a round trip export → wipe → import keeps everything; two
// browsers that diverge and exchange exports end with the same documents,
// the conflict on the record, the deletion and every contribution; a large
// import shows its progress and can be stopped with nothing written.
import { readFileSync, writeFileSync, mkdtempSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, openApp, navigate, checkAccessibility } from './fixtures.mjs';
import { kinds, createKind, contribute } from './kinds.mjs';

async function exportFile(page) {
  await navigate(page, 'Data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the export (JSON)' }).click(),
  ]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

async function chooseFile(page, text, name = 'export.json') {
  await navigate(page, 'Data');
  await page.getByLabel('Choose an export file (JSON)').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(typeof text === 'string' ? text : JSON.stringify(text)),
  });
}

const withoutTime = (file) => ({ ...file, exported_at: 0 });

test('bad files are refused with their problems, and nothing changes', async ({ page }) => {
  await openApp(page);
  await createKind(page, kinds[1]);
  await contribute(page, kinds[1]);
  const good = await exportFile(page);
  const record = good.records[0];
  const mutate = (change) => {
    const copy = structuredClone(good);
    change(copy);
    return copy;
  };
  const corpus = [
    ['not JSON', '{"format": "repertoire-export", "version": 1, ', /JSON/i],
    ['another format', { format: 'something-else', version: 1 }, /not a Repertoire export/i],
    ['a future version', mutate((f) => { f.version = 99; }), /newer/i],
    ['wrong types', mutate((f) => { f.records[0].title = 42; }), /records\[0\]/],
    ['a missing field', mutate((f) => { delete f.records[0].author; }), /records\[0\]/],
    ['duplicate ids', mutate((f) => { f.records.push(structuredClone(record)); }), /twice|duplicate|more than once/i],
    ['a dangling link', mutate((f) => { f.records[0].links = ['7c9e6679-7425-40de-944b-e07fc1f90ae7']; }), /link/i],
    ['markup meant to run', mutate((f) => { f.records[0].title = 'Hello <script>alert(1)</script>'; }), /script|HTML/i],
  ];
  for (const [label, file, message] of corpus) {
    await chooseFile(page, file, `${label}.json`);
    const alert = page.getByRole('alert');
    await expect(alert, label).toContainText(`“${label}.json” was not imported`);
    await expect(alert, label).toContainText(message);
    await expect(alert, label).toContainText('nothing was changed');
  }
  await checkAccessibility(page, 'Data with a refused import');
  // An absurdly large file is refused before it is read.
  // The file is sparse, so it takes no room on disk, and it is removed after.
  const folder = mkdtempSync(path.join(tmpdir(), 'repertoire-huge-'));
  try {
    const huge = path.join(folder, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, 201 * 1024 * 1024);
    await page.getByLabel('Choose an export file (JSON)').setInputFiles(huge);
    await expect(page.getByRole('alert')).toContainText('MB');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  // Nothing changed.
  expect(withoutTime(await exportFile(page))).toEqual(withoutTime(good));
});

test('export, wipe, import: everything comes back', async ({ page }) => {
  await openApp(page);
  await navigate(page, 'Members');
  await page.getByRole('button', { name: 'Add a member' }).click();
  await page.getByRole('form', { name: 'Add a member' }).getByLabel('Name').fill('Ana');
  await page.getByRole('form', { name: 'Add a member' }).getByLabel('Topics they know about').fill('handover');
  await page.getByRole('form', { name: 'Add a member' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /^Ana/ })).toBeVisible();
  for (const kind of kinds.slice(0, 4)) {
    await createKind(page, kind);
    await contribute(page, kind);
  }
  const before = await exportFile(page);
  expect(before.records).toHaveLength(4);
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.deleteDatabase('repertoire:default');
        request.onsuccess = resolve;
        request.onerror = reject;
        request.onblocked = resolve;
      }),
  );
  await page.reload();
  await openApp(page);
  await navigate(page, 'Repertoire');
  await expect(page.getByText('Nothing here yet')).toBeVisible();
  await chooseFile(page, before);
  await expect(page.getByRole('status').filter({ hasText: 'can be imported' })).toContainText('Records: 4 new, 0 updated, 0 unchanged, 0 conflicts.');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').first()).toContainText('Imported: 4 records');
  await page.reload();
  await openApp(page);
  expect(withoutTime(await exportFile(page))).toEqual(withoutTime(before));
});

/** Imports an export file, as a member would, and waits until it is in. */
async function importFile(page, file) {
  await chooseFile(page, file);
  await expect(page.getByRole('status').filter({ hasText: 'can be imported' })).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').first()).toContainText('Imported');
}

/** An export as two browsers compare it: the same documents, whenever made. */
const documents = (file) => ({ ...file, exported_at: 0 });

async function openRecord(page, title) {
  await navigate(page, 'Repertoire');
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function retitle(page, from, to) {
  await openRecord(page, from);
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel(/^Title/).fill(to);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: to })).toBeVisible();
}

test('two browsers diverge and exchange exports: the same documents, one conflict, the deletion and every contribution kept', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const [problem, request, experience] = kinds;
  await openApp(page);
  for (const kind of [problem, request, experience]) await createKind(page, kind);
  const start = await exportFile(page);
  const there = await browser.newPage();
  await openApp(there);
  await importFile(there, start);

  // Here: the problem retitled, the request deleted, an experience shared.
  await retitle(page, problem.title, 'Printer driver: fixed here');
  await openRecord(page, request.title);
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('status').first()).toContainText('Deleted');
  await openRecord(page, experience.title);
  await contribute(page, experience, 'Kim');
  // There: the same problem retitled otherwise, an experience too.
  await retitle(there, problem.title, 'Printer driver: fixed there');
  await openRecord(there, experience.title);
  await contribute(there, experience, 'Lee');

  const fromHere = await exportFile(page);
  const fromThere = await exportFile(there);
  await chooseFile(page, fromThere);
  const summary = page.getByRole('status').filter({ hasText: 'can be imported' });
  await expect(summary).toContainText('1 conflict');
  await expect(summary).toContainText('both versions are kept on the record');
  await checkAccessibility(page, 'Data with an import summary');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').first()).toContainText('Imported');
  await chooseFile(there, fromHere);
  await expect(there.getByRole('status').filter({ hasText: 'can be imported' })).toContainText('deleted in the file');
  await there.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(there.getByRole('status').first()).toContainText('Imported');

  // Both hold the same documents now, whatever the order they met in.
  const here1 = await exportFile(page);
  const there1 = await exportFile(there);
  expect(documents(there1)).toEqual(documents(here1));
  for (const tab of [page, there]) {
    await navigate(tab, 'Repertoire');
    await expect(tab.getByText('2 versions to reconcile')).toBeVisible();
    await expect(tab.getByRole('link', { name: request.title })).toHaveCount(0);
    await tab.getByRole('link', { name: experience.title }).click();
    await expect(tab.locator('.contribution')).toHaveCount(2);
  }

  // Resolved once, on one side; the next exchange clears it on the other.
  await navigate(page, 'Repertoire');
  await page.getByRole('link', { name: /Printer driver: fixed/ }).click();
  await page.getByRole('button', { name: 'Compare and resolve' }).click();
  await page.getByRole('group', { name: 'Title' }).getByRole('radio', { name: /fixed there/ }).check();
  await page.getByRole('button', { name: 'Keep the chosen fields' }).click();
  await expect(page.getByRole('status').first()).toContainText('Resolved');
  await importFile(there, await exportFile(page));
  await navigate(there, 'Repertoire');
  await expect(there.getByText('2 versions to reconcile')).toHaveCount(0);
  await expect(there.getByRole('link', { name: 'Printer driver: fixed there' })).toBeVisible();
  expect(documents(await exportFile(there))).toEqual(documents(await exportFile(page)));
  await there.close();
});

async function addMember(page, name) {
  await navigate(page, 'Members');
  await page.getByRole('button', { name: 'Add a member' }).click();
  const form = page.getByRole('form', { name: 'Add a member' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
}

const memberCard = (page, name) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name }) });

test('members edited and removed in one browser arrive as such in the other, with no conflict', async ({ page, browser }) => {
  await openApp(page);
  await addMember(page, 'Ana');
  await addMember(page, 'Robin');
  const there = await browser.newPage();
  await openApp(there);
  await importFile(there, await exportFile(page));

  await navigate(page, 'Members');
  await memberCard(page, 'Robin').getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: 'Edit Robin' });
  await form.getByLabel('Topics they know about').fill('night shift');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved Robin.')).toBeVisible();
  await memberCard(page, 'Ana').getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('alertdialog', { name: 'Confirm removal' }).getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Ana' })).toHaveCount(0);

  const file = await exportFile(page);
  const ana = file.community_history.find(([, doc]) => doc.bodies.length === 0);
  expect(ana, 'the removal travels as a tombstone').toBeDefined();
  await chooseFile(there, file);
  const summary = there.getByRole('status').filter({ hasText: 'can be imported' });
  await expect(summary).toContainText('2 members to add or update');
  await expect(summary).not.toContainText('changed on both sides');
  await there.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(there.getByRole('status').first()).toContainText('Imported');
  await there.reload();
  await openApp(there);
  await navigate(there, 'Members');
  await expect(memberCard(there, 'Robin')).toContainText('night shift');
  await expect(there.getByRole('heading', { level: 3, name: 'Ana' })).toHaveCount(0);
  expect(documents(await exportFile(there))).toEqual(documents(await exportFile(page)));
  // The older file again brings nothing back.
  await chooseFile(there, file);
  await expect(there.getByText('Nothing to import')).toBeVisible();
  await there.close();
});

test('delete, undo, delete: the deletion wins on the other copy', async ({ page, browser }) => {
  const [problem] = kinds;
  await openApp(page);
  await createKind(page, problem);
  const there = await browser.newPage();
  await openApp(there);
  const older = await exportFile(page);
  await importFile(there, older);
  await openRecord(page, problem.title);
  for (const round of [1, 2]) {
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page.getByRole('status').first()).toContainText('Deleted');
    if (round === 1) {
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect(page.getByRole('heading', { level: 1, name: problem.title })).toBeVisible();
    }
  }
  await importFile(there, await exportFile(page));
  await navigate(there, 'Repertoire');
  await expect(there.getByRole('link', { name: problem.title })).toHaveCount(0);
  // The export made before the deletion brings nothing back.
  await chooseFile(there, older);
  await expect(there.getByRole('status').filter({ hasText: 'can be imported' })).toContainText('1 unchanged');
  await there.reload();
  await openApp(there, '#/repertoire');
  await expect(there.getByRole('link', { name: problem.title })).toHaveCount(0);
  await there.close();
});

test('a large import shows its progress and can be stopped with nothing written', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await createKind(page, kinds[1]);
  const base = copies(await exportFile(page), 20_000);
  await chooseFile(page, base, 'large.json');
  await expect(page.getByRole('status').filter({ hasText: 'can be imported' })).toContainText('Records: 20000 new');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByLabel(/Importing records/)).toBeVisible();
  await page.getByRole('button', { name: 'Stop the import' }).click();
  await expect(page.getByRole('status').first()).toContainText('The import was cancelled. Nothing was written');
  await page.reload();
  await openApp(page);
  await navigate(page, 'Repertoire');
  await expect(page.locator('.row')).toHaveCount(1);
});

test('leaving the Data view during an import: it goes on, and says when it is done', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await createKind(page, kinds[1]);
  await chooseFile(page, copies(await exportFile(page), 20_000), 'large.json');
  await expect(page.getByRole('status').filter({ hasText: 'can be imported' })).toContainText('Records: 20000 new');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByLabel(/Importing records/)).toBeVisible();
  await navigate(page, 'Repertoire');
  await expect(page.getByRole('status').first()).toContainText('Imported: 20,000 records new', { timeout: 60_000 });
  await expect(page.getByText('20,001 records', { exact: true })).toBeVisible({ timeout: 30_000 });
  await navigate(page, 'Data');
  await expect(page.getByLabel('Choose an export file (JSON)')).toBeEnabled();
});

function copies(base, count) {
  const template = base.records[0];
  const hex = (n) => n.toString(16).padStart(12, '0');
  return {
    ...base,
    // New records, of one revision each: no history.
    history: [],
    records: Array.from({ length: count }, (_, i) => ({
      ...template,
      id: `00000000-0000-4000-8000-${hex(i + 1)}`,
      title: `Question number ${i + 1}`,
      contributions: [],
    })),
  };
}

test('a large file is checked off the page: the page answers and the check can be stopped', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await createKind(page, kinds[1]);
  const file = copies(await exportFile(page), 50_000);
  await chooseFile(page, file, 'large.json');
  expect(page.workers().map((worker) => worker.url())).toEqual([expect.stringMatching(/\/import-worker\.js$/)]);
  // Were the file checked on the page, this click would wait for the
  // check, and find the summary instead of the button.
  await page.getByRole('button', { name: 'Stop checking' }).click();
  await expect(page.getByRole('button', { name: 'Stop checking' })).toHaveCount(0);
  await expect(page.getByText('can be imported')).toHaveCount(0);
  await navigate(page, 'Repertoire');
  await expect(page.locator('.row')).toHaveCount(1);
  // The same file can be chosen again and imported.
  await chooseFile(page, copies(file, 300), 'smaller.json');
  await expect(page.getByRole('status').filter({ hasText: 'can be imported' })).toContainText('Records: 300 new');
  // Until the page has read the imported records, it says so.
  await page.evaluate(() => {
    window.sawReading = false;
    new MutationObserver(() => {
      if (document.body.textContent.includes('Reading the imported records')) window.sawReading = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').first()).toContainText('Imported: 300 records new');
  // Said where Import was pressed too: the page's notice may be out of view.
  await expect(page.getByRole('region', { name: 'Import', exact: true })).toContainText('Imported: 300 records new');
  await checkAccessibility(page, 'Data after an import');
  await expect(page.getByText('Reading the imported records')).toHaveCount(0);
  expect(await page.evaluate(() => window.sawReading)).toBe(true);
  await navigate(page, 'Repertoire');
  await expect(page.getByText('301 records')).toBeVisible();
});

test('while a file is checked the page says so, offers to stop, and passes axe', async ({ page }) => {
  // The worker script is held back until the check has been looked at
  // (the worker starts when the Data view opens).
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/import-worker.js', async (route) => {
    await held;
    await route.continue();
  });
  await openApp(page);
  await createKind(page, kinds[1]);
  const file = copies(await exportFile(page), 30);
  await chooseFile(page, file, 'thirty.json');
  await expect(page.getByRole('status').filter({ hasText: 'Checking the file' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop checking' })).toBeVisible();
  await checkAccessibility(page, 'Data while a file is checked');
  release();
  await expect(page.getByRole('status').filter({ hasText: 'can be imported' })).toContainText('Records: 30 new');
});

// The disk fills up after 1,000 writes: the transaction fails as a whole.
const fillDiskAfter1000Writes = () => {
  const put = IDBObjectStore.prototype.put;
  let writes = 0;
  IDBObjectStore.prototype.put = function (...args) {
    writes += 1;
    if (writes > 1_000) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  };
};

for (const where of ['in the import worker', 'on the page, where no worker can start']) {
  test(`a full storage during an import is said in words, and nothing is kept (${where})`, async ({ page }) => {
    const onPage = where.startsWith('on the page');
    if (onPage) await page.route('**/import-worker.js', (route) => route.abort());
    await openApp(page);
    await createKind(page, kinds[1]);
    const worker = onPage ? null : page.waitForEvent('worker');
    await chooseFile(page, copies(await exportFile(page), 1_200), 'too-big-for-this-disk.json');
    await expect(page.getByRole('status').filter({ hasText: 'can be imported' })).toContainText('Records: 1200 new, 0 updated, 0 unchanged');
    if (onPage) await page.evaluate(fillDiskAfter1000Writes);
    else await (await worker).evaluate(fillDiskAfter1000Writes);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('status').first()).toContainText('Nothing was imported. The browser\'s storage for this site is full');
    await expect(page.getByRole('region', { name: 'Import', exact: true }).locator('.notice.error')).toContainText('Nothing was imported');
    await page.reload();
    await openApp(page);
    await navigate(page, 'Repertoire');
    await expect(page.locator('.row')).toHaveCount(1);
  });
}

test('the import worker is ready before a file is chosen, serves one import, and goes with the Data view', async ({ page }) => {
  const started = [];
  page.on('worker', (worker) => started.push(worker));
  const running = () => started.filter((worker) => !worker.closed).length;
  page.on('worker', (worker) => worker.on('close', () => { worker.closed = true; }));
  await openApp(page);
  await createKind(page, kinds[1]);
  const file = copies(await exportFile(page), 20);
  // Opening Data started one worker; nothing is chosen yet.
  await expect.poll(running).toBe(1);
  await page.getByLabel('Choose an export file (JSON)').setInputFiles({ name: 'twenty.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByRole('status').filter({ hasText: 'can be imported' })).toContainText('Records: 20 new');
  expect(started).toHaveLength(1);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').first()).toContainText('Imported: 20 records new');
  // The used worker ended; the next one waits for the next file.
  await expect.poll(() => started.length).toBe(2);
  await expect.poll(running).toBe(1);
  await navigate(page, 'Home');
  await expect.poll(running).toBe(0);
});

test('where no worker can start, a file is checked and imported on the page', async ({ page }) => {
  await page.route('**/import-worker.js', (route) => route.abort());
  await openApp(page);
  await createKind(page, kinds[1]);
  const file = copies(await exportFile(page), 40);
  await chooseFile(page, { ...file, records: [...file.records, { ...file.records[0], id: '00000000-0000-4000-8000-0000000f0000', title: '' }] }, 'broken.json');
  await expect(page.getByRole('alert')).toContainText('“broken.json” was not imported');
  await chooseFile(page, file, 'fine.json');
  await expect(page.getByRole('status').filter({ hasText: 'can be imported' })).toContainText('Records: 40 new');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').first()).toContainText('Imported: 40 records new');
  await page.reload();
  await openApp(page);
  await navigate(page, 'Repertoire');
  await expect(page.getByText('41 records')).toBeVisible();
});

test('a large repertoire opens on its latest records while the rest loads', async ({ page }) => {
  await openApp(page);
  await createKind(page, kinds[1]);
  await chooseFile(page, copies(await exportFile(page), 80), 'eighty.json');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').first()).toContainText('Imported: 80 records new');
  // Reading every record is held back until the test lets it go, as in a
  // repertoire so large that it takes seconds.
  await page.addInitScript(() => {
    const getAll = IDBObjectStore.prototype.getAll;
    const held = [];
    window.releaseLoad = () => held.splice(0).forEach((request) => request.dispatchEvent(new Event('success')));
    IDBObjectStore.prototype.getAll = function (...args) {
      const request = getAll.apply(this, args);
      if (this.name === 'records') {
        request.addEventListener('success', function hold(event) {
          request.removeEventListener('success', hold);
          event.stopImmediatePropagation();
          held.push(request);
        });
      }
      return request;
    };
  });
  await page.goto('/#/repertoire');
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'loading the whole repertoire' })).toBeVisible();
  await expect(page.locator('.row')).toHaveCount(50);
  await expect(page.getByLabel('Search the repertoire')).toHaveCount(0);
  const latest = await page.locator('.row-title').allTextContents();
  await checkAccessibility(page, 'repertoire, latest records while loading');
  await page.evaluate(() => window.releaseLoad());
  await expect(page.getByText('81 records')).toBeVisible();
  await expect(page.getByLabel('Search the repertoire')).toBeVisible();
  await expect(page.locator('.row')).toHaveCount(50);
  expect(await page.locator('.row-title').allTextContents()).toEqual(latest);
  await expect(page.getByRole('button', { name: 'Show 31 more' })).toBeVisible();
});

test('a database the browser emptied is reported plainly, with the way back', async ({ page }) => {
  await openApp(page);
  await createKind(page, kinds[1]);
  await exportFile(page);
  await page.reload();
  await openApp(page);
  await expect(page.getByText('The repertoire here is empty')).toHaveCount(0);
  // What a browser does when it evicts the site's data.
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const request = indexedDB.deleteDatabase('repertoire:default');
        request.onsuccess = resolve;
        request.onerror = resolve;
      }),
  );
  await page.reload();
  await openApp(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The repertoire here is empty');
  await expect(alert).toContainText('This browser held 1 record');
  await expect(alert).toContainText('The last export from this browser was made');
  await checkAccessibility(page, 'Home after the browser emptied the database');
  await alert.getByRole('link', { name: 'Import an export' }).click();
  await expect(page.getByLabel('Choose an export file (JSON)')).toBeVisible();
});
