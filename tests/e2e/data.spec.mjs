// Data: the export holds everything in the documented format, published
// documents download as Markdown, and storage is explained.
import { readFileSync } from 'node:fs';
import { test, expect, openApp, navigate, checkAccessibility } from './fixtures.mjs';
import { kinds, createKind, contribute } from './kinds.mjs';

test('the export is one JSON file with every record and contribution', async ({ page }) => {
  await openApp(page);
  await navigate(page, 'Data');
  await expect(page.getByText('No export has been made from this browser yet.')).toBeVisible();
  await checkAccessibility(page, 'Data (empty)');
  await createKind(page, kinds[1]);
  await contribute(page, kinds[1]);
  await createKind(page, kinds[8], { title: 'Map with <b>markup</b> & “quotes”' });
  await navigate(page, 'Data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the export (JSON)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^repertoire-default-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(file.format).toBe('repertoire-export');
  expect(file.version).toBe(3);
  expect(file.namespace).toBe('default');
  expect(file.records).toHaveLength(2);
  // Each record's history: its revision tree, here one revision each.
  expect(file.history).toHaveLength(2);
  for (const [id, history] of file.history) {
    expect(file.records.some((r) => r.id === id)).toBe(true);
    expect(history.t).toEqual([{ r: expect.stringMatching(/^1-[0-9a-f]{32}$/), p: null }]);
  }
  // Each member with its history, under its document's name.
  expect(file.community_history).toHaveLength(file.members.length);
  for (const [name, doc] of file.community_history) {
    const member = file.members.find((m) => name === `members:${m.id}`);
    expect(member).toBeDefined();
    expect(doc.tree).toEqual([{ r: expect.stringMatching(/^1-[0-9a-f]{32}$/), p: null }]);
    expect(doc.bodies).toEqual([[doc.tree[0].r, expect.any(String)]]);
    expect(JSON.parse(doc.bodies[0][1])).toEqual(member);
  }
  const request = file.records.find((r) => r.title === kinds[1].title);
  expect(request.payload['information-request'].question).toBe(kinds[1].fields['Your question']);
  expect(request.contributions[0].author).toBe('Lee');
  expect(request.contributions[0].body.answer.text).toBe(kinds[1].contribute['Your answer']);
  const map = file.records.find((r) => r.title.startsWith('Map with'));
  expect(map.title).toBe('Map with <b>markup</b> & “quotes”');
  expect(map.payload.mapping.experts).toEqual([{ topic: 'invoicing', members: ['Ana', 'Lee'] }]);
  await expect(page.getByRole('status')).toContainText('Exported 2 records');
  await page.reload();
  await expect(page.getByText(/Last export from this browser: \d{4}-\d{2}-\d{2}/)).toBeVisible();
});

test('published documents download as Markdown, one file each', async ({ page }) => {
  await openApp(page);
  await navigate(page, 'Data');
  await expect(page.getByText('No documentation project is published yet.')).toBeVisible();
  await createKind(page, kinds[6], { title: 'Printer driver: the fix' });
  for (const step of ['Move to “Drafting”', 'Move to “In review”', 'Publish']) {
    await page.getByRole('button', { name: step }).click();
    await expect(page.getByRole('status')).toContainText('Now');
  }
  await navigate(page, 'Data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download printer-driver-the-fix.md' }).click()]);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).toMatch(/^# Printer driver: the fix\n/);
  expect(text).toContain('> The driver breaks after updates.');
  expect(text).toContain('## Fix\nPin the driver version.');
  await checkAccessibility(page, 'Data with a published document');
});

test('storage use and persistence are explained', async ({ page }) => {
  await openApp(page, '#/data');
  await expect(page.getByRole('heading', { name: 'Storage in this browser' })).toBeVisible();
  await expect(page.getByText(/This site uses [\d.]+ (KB|MB|GB) of about [\d.]+ (KB|MB|GB)/)).toBeVisible();
  await expect(page.getByText(/Kept persistently|Not kept persistently|does not say whether/)).toBeVisible();
});

test('the space used is read again when the repertoire changes', async ({ page }) => {
  await openApp(page);
  await createKind(page, kinds[0]);
  await navigate(page, 'Data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the export (JSON)' }).click()]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  // Four hundred copies of the record, each with its own id and a long text.
  const [record] = file.records;
  // New records, of one revision each: no history.
  file.history = [];
  const long = 'A step that worked on the night shift. '.repeat(100);
  file.records = Array.from({ length: 400 }, (_, i) => ({
    ...structuredClone(record),
    id: crypto.randomUUID(),
    title: `${record.title} (${i + 1})`,
    payload: { 'problem-solving': { ...record.payload['problem-solving'], tried: long } },
    contributions: [],
  }));
  const used = page.getByText(/This site uses/);
  const kilobytes = async () => {
    const [, figure, unit] = (await used.textContent()).match(/uses ([\d.]+) (KB|MB|GB)/);
    return Number(figure) * { KB: 1, MB: 1e3, GB: 1e6 }[unit];
  };
  const before = await kilobytes();
  await page.getByLabel('Choose an export file (JSON)').setInputFiles({ name: 'copies.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Imported');
  // About 1.6 MB of text, which the browser may compress on disk.
  await expect.poll(kilobytes).toBeGreaterThan(before + 200);
});

test('imported records count toward a backup from the day they arrive, not from when they were written', async ({ page, browser }) => {
  // Another browser wrote a record in 2023 and exported it.
  const other = await browser.newContext();
  const there = await other.newPage();
  await openApp(there);
  await createKind(there, kinds[0]);
  await navigate(there, 'Data');
  const [download] = await Promise.all([there.waitForEvent('download'), there.getByRole('button', { name: 'Download the export (JSON)' }).click()]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  await other.close();
  const old = Date.parse('2023-03-01T10:00:00Z');
  file.records = file.records.map((record) => ({ ...record, created: old, updated: old, contributions: [] }));
  // This browser imports it in 2026 and has never exported.
  await page.clock.install({ time: new Date('2026-01-05T09:00:00Z') });
  await openApp(page, '#/data');
  await page.getByLabel('Choose an export file (JSON)').setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Imported');
  await navigate(page, 'Home');
  await expect(page.getByRole('heading', { name: 'Waiting for help' })).toBeVisible();
  await expect(page.getByText(/No backup of the repertoire/)).toHaveCount(0);
  await page.clock.setSystemTime(new Date('2026-02-19T12:00:00Z'));
  await page.reload();
  await expect(page.getByText('No backup of the repertoire for 45 days.')).toBeVisible();
});

test('Home reminds the member to export after the chosen interval', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-01-05T09:00:00Z') });
  await openApp(page);
  await createKind(page, kinds[0]);
  await navigate(page, 'Home');
  await expect(page.getByText(/No backup of the repertoire/)).toHaveCount(0);
  await page.clock.setSystemTime(new Date('2026-02-19T12:00:00Z'));
  await page.reload();
  const reminder = page.getByText('No backup of the repertoire for 45 days.');
  await expect(reminder).toBeVisible();
  await checkAccessibility(page, 'Home with a backup reminder');
  await page.getByRole('link', { name: 'Export it now' }).click();
  const field = page.getByLabel(/Remind me to export after/);
  await field.fill('-3');
  await field.press('Tab');
  await expect(page.getByText('Give a whole number of days between 0 and 3650.')).toBeVisible();
  await field.fill('60');
  await field.press('Tab');
  await expect(page.getByText('Give a whole number of days')).toBeHidden();
  await navigate(page, 'Home');
  await expect(page.getByText(/No backup of the repertoire/)).toHaveCount(0);
  await navigate(page, 'Data');
  await expect(page.getByLabel(/Remind me to export after/)).toHaveValue('60');
  await page.getByLabel(/Remind me to export after/).fill('30');
  await page.getByLabel(/Remind me to export after/).press('Tab');
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the export (JSON)' }).click()]);
  await navigate(page, 'Home');
  await expect(page.getByText(/No backup of the repertoire/)).toHaveCount(0);
});
