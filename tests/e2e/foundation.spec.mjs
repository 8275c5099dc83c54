// The first complete path: an empty repertoire that explains itself, a
// problem-solving record created through its guided form, shown in the list
// and in full, and still there after a reload.
import { test, expect, openApp, navigate, createProblem, problem } from './fixtures.mjs';

test('an empty repertoire explains what to do first', async ({ page }) => {
  await openApp(page);
  await expect(page).toHaveTitle('Repertoire');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['Home', 'Repertoire', 'New activity', 'Members', 'Knowledge map', 'Self-assessment', 'Data']);
  await expect(page.getByRole('heading', { name: 'Nothing here yet: start from a need' })).toBeVisible();
  await navigate(page, 'Repertoire');
  await expect(page.getByRole('heading', { level: 1, name: 'Repertoire' })).toBeVisible();
  await expect(page.getByText('Pick the one that matches what you need')).toBeVisible();
  await page.getByRole('link', { name: 'Start a new activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'What do you need?' })).toBeVisible();
  await expect(page.locator('.choice')).toHaveCount(9);
  await expect(page.getByRole('link', { name: /I'm stuck.*Problem solving/ })).toBeVisible();
});

test('a problem-solving record is saved, listed, shown in full and survives a reload', async ({ page }) => {
  await openApp(page);
  await createProblem(page);
  await expect(page.getByRole('status')).toContainText(`Saved “${problem.title}”.`);
  await expect(page.getByRole('heading', { level: 1, name: problem.title })).toBeVisible();
  await expect(page).toHaveURL(/#\/record\/[0-9a-f-]{36}$/);

  const checkDetail = async () => {
    const fields = page.locator('dl.fields');
    for (const [label, value] of [
      ['What are you trying to achieve?', problem.goal],
      ['Where exactly are you stuck?', problem.stuck],
      ['What have you tried so far?', problem.tried],
      ['Constraints', problem.constraints],
      ['Ideas are useful until', problem.usefulBy],
    ]) {
      await expect(fields.locator('dt', { hasText: label }).locator('+ dd')).toHaveText(value);
    }
    await expect(page.getByRole('list', { name: 'Topics' }).getByRole('listitem')).toHaveText(['handover', 'patient safety']);
    await expect(page.getByText(`By ${problem.author}`)).toBeVisible();
    await expect(page.locator('.status').first()).toHaveText('Open');
  };
  await checkDetail();

  await navigate(page, 'Repertoire');
  const row = page.locator('.row', { hasText: problem.title });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Problem');
  await expect(row).toContainText('Robin');
  await expect(page.getByRole('list', { name: 'Records per kind' })).toContainText('Problem solving: 1');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Repertoire' })).toBeVisible();
  await expect(page.locator('.row', { hasText: problem.title })).toHaveCount(1);
  await page.getByRole('link', { name: problem.title }).click();
  await checkDetail();
  await page.reload();
  await checkDetail();
});

test('a second record with the same title is a separate record', async ({ page }) => {
  await openApp(page);
  await createProblem(page);
  await expect(page.getByRole('status')).toContainText('Saved');
  const firstUrl = page.url();
  await createProblem(page, { ...problem, goal: 'A different goal for the same title.' });
  await expect(page.getByRole('heading', { level: 1, name: problem.title })).toBeVisible();
  expect(page.url()).not.toBe(firstUrl);
  await navigate(page, 'Repertoire');
  await expect(page.locator('.row', { hasText: problem.title })).toHaveCount(2);
  await page.reload();
  await expect(page.locator('.row', { hasText: problem.title })).toHaveCount(2);
});

test('an incomplete form is refused field by field and loses nothing', async ({ page }) => {
  await openApp(page, '#/new/problem-solving');
  await page.getByLabel('Title').fill('   ');
  await page.getByLabel('Where exactly are you stuck?').fill('Typed before the mistake');
  await page.getByLabel('Ideas are useful until').fill('2026-12-01');
  await page.getByLabel('Your name').fill('Robin');
  await page.getByRole('button', { name: 'Save' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Please check these fields');
  await expect(summary).toContainText('Give it a title');
  await expect(summary).toContainText('“What are you trying to achieve?” is needed');
  await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('What are you trying to achieve?')).toHaveAccessibleDescription(/goal lets others.*is needed/);
  await expect(page.getByLabel('Where exactly are you stuck?')).toHaveValue('Typed before the mistake');
  await expect(page.getByLabel('Where exactly are you stuck?')).not.toHaveAttribute('aria-invalid', 'true');
  // Following the summary's link puts the cursor in the field.
  await summary.getByRole('link', { name: /is needed/ }).click();
  await expect(page.getByLabel('What are you trying to achieve?')).toBeFocused();
  await navigate(page, 'Repertoire');
  await expect(page.locator('.row')).toHaveCount(0);
});

test('the whole path works with the keyboard alone', async ({ page }) => {
  await openApp(page, '#/new');
  const link = page.getByRole('link', { name: /Problem solving/ });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Problem solving/ })).toBeFocused();
  // From the heading, Tab reaches the form's first field.
  await page.keyboard.press('Tab');
  const typeInto = async (label, text) => {
    await expect(page.getByLabel(label)).toBeFocused();
    await page.keyboard.type(text);
    await page.keyboard.press('Tab');
  };
  await typeInto('Title', 'Keyboard only');
  await typeInto('What are you trying to achieve?', 'Reach the goal');
  await typeInto('Where exactly are you stuck?', 'Here');
  await page.getByLabel('Your name').focus();
  await page.keyboard.type('Kim');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard only' })).toBeVisible();
});

test('unknown addresses land somewhere sensible', async ({ page }) => {
  await openApp(page, '#/record/not-a-real-id');
  await expect(page.getByRole('heading', { level: 1, name: 'Repertoire' })).toBeVisible();
  await openApp(page, '#/record/0b0ad3a4-1c51-4c5e-9d3a-8f8f8f8f8f8f');
  await expect(page.getByRole('heading', { level: 1, name: 'Record not found' })).toBeVisible();
});

test('the back button moves between views', async ({ page }) => {
  await openApp(page);
  await navigate(page, 'Repertoire');
  await navigate(page, 'New activity');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Repertoire' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to the repertoire' })).toBeVisible();
});

test('typing right after moving to a view is kept, however late the address catches up', async ({ page }) => {
  // The browser's own hashchange events arrive 400 ms late, as on a busy page.
  await page.addInitScript(() => {
    window.addEventListener('hashchange', (event) => {
      if (!event.isTrusted) return;
      event.stopImmediatePropagation();
      const { oldURL, newURL } = event;
      setTimeout(() => window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL })), 400);
    }, true);
  });
  await openApp(page);
  await createProblem(page);
  await navigate(page, 'Members');
  await navigate(page, 'Repertoire');
  const search = page.getByRole('searchbox', { name: 'Search the repertoire' });
  await search.fill('printer');
  await page.waitForTimeout(600);
  await expect(search).toHaveValue('printer');
  await expect(page).toHaveURL(/#\/repertoire\?q=printer$/);
  // The back button is still heard.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: /^Members/ })).toBeVisible();
});

test('editing a record changes it in place', async ({ page }) => {
  await openApp(page);
  await createProblem(page);
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByLabel('Title')).toHaveValue(problem.title);
  await expect(page.getByLabel('Ideas are useful until')).toHaveValue(problem.usefulBy);
  await page.getByLabel('Title').fill('Handover misses allergy notes at night');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Handover misses allergy notes at night' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Handover misses allergy notes at night' })).toBeVisible();
  await navigate(page, 'Repertoire');
  await expect(page.locator('.row')).toHaveCount(1);
});
