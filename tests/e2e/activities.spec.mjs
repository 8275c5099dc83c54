// The nine activities end to end: each created through its own form, each
// given its kind of contribution and moved along its life cycle, and all of
// it found again after a reload.
import { test, expect, openApp, navigate, checkAccessibility } from './fixtures.mjs';
import { kinds, createKind, contribute } from './kinds.mjs';

test.describe.configure({ timeout: 120_000 });

test('every kind is created, contributed to and moved on, and all survives a reload', async ({ page }) => {
  await openApp(page);
  for (const kind of kinds) {
    await createKind(page, kind);
    for (const value of Object.values(kind.fields)) {
      const shown = value.replace(/^## /, '').split('\n')[0];
      await expect(page.locator('dl.fields')).toContainText(shown.replace('invoicing: Ana, Lee', 'invoicing: Ana, Lee'));
    }
    await contribute(page, kind);
    await expect(page.locator('.contribution')).toHaveCount(1);
    await expect(page.locator('.contribution')).toContainText('Lee');

    if (kind.conclude) {
      const [label, text] = kind.conclude;
      const form = page.locator('form.step-form');
      await form.getByLabel(new RegExp(`^${label}`)).fill(text);
      await form.getByRole('button', { name: label }).click();
      await expect(page.locator('dl.fields')).toContainText(text);
    }
  }

  // Accept an answer.
  await navigate(page, 'Repertoire');
  await page.getByRole('link', { name: 'Where is the fire drill checklist?' }).click();
  await page.getByRole('button', { name: 'Accept this answer' }).click();
  await expect(page.locator('.contribution.accepted')).toContainText('Accepted answer');
  await expect(page.locator('.row-meta .status').first()).toHaveText('Answered');
  await checkAccessibility(page, 'request with an accepted answer');

  // Resolve the problem.
  await navigate(page, 'Repertoire');
  await page.getByRole('link', { name: 'Printer driver breaks after updates' }).click();
  const resolve = page.locator('form.step-form');
  await resolve.getByLabel(/^The chosen approach/).fill('Pinned driver 4.2');
  await resolve.getByLabel(/^The outcome/).fill('No breakage for a month');
  await resolve.getByRole('button', { name: 'Mark resolved' }).click();
  await expect(page.locator('.row-meta .status').first()).toHaveText('Resolved');
  // The form went with the step: the keyboard focus is not lost.
  await expect(page.getByRole('heading', { level: 1, name: 'Printer driver breaks after updates' })).toBeFocused();
  await checkAccessibility(page, 'resolved problem');

  // Publish the document: one state at a time.
  await navigate(page, 'Repertoire');
  await page.getByRole('link', { name: 'Printer driver fix, written down' }).click();
  await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Move to “Drafting”' }).click();
  await page.getByRole('button', { name: 'Move to “In review”' }).click();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.locator('.row-meta .status').first()).toHaveText('Published');
  await expect(page.locator('dl.fields h3')).toHaveText('Fix');
  await checkAccessibility(page, 'published document with Markdown headings');

  await page.reload();
  await navigate(page, 'Repertoire');
  await expect(page.locator('.row')).toHaveCount(kinds.length);
  const statuses = { 'Where is the fire drill checklist?': 'Answered', 'Printer driver breaks after updates': 'Resolved', 'Printer driver fix, written down': 'Published', 'Morning at the east repair shop': 'Visited', 'The accessibility act from June': 'Closed' };
  for (const [title, status] of Object.entries(statuses)) {
    await expect(page.locator('.row', { hasText: title }).locator('.status')).toHaveText(status);
  }
  for (const kind of kinds) {
    await expect(page.locator('.row', { hasText: kind.title })).toContainText('1 contribution');
  }
  await page.getByRole('link', { name: 'The accessibility act from June' }).click();
  await expect(page.locator('.contribution')).toContainText('Stance: Trial');
  await expect(page.locator('dl.fields')).toContainText('Adopt for all new forms.');
  await checkAccessibility(page, 'discussion with opinion and verdict');
});

test('search as you type and filters narrow the list, and the address keeps them', async ({ page }) => {
  await openApp(page);
  await createKind(page, kinds[0], { title: 'Rentrée à l’école: badge printer', topics: 'printing' });
  await createKind(page, kinds[1], { title: 'Where is the drill checklist?', author: 'Kim', topics: 'safety' });
  await createKind(page, kinds[2], { title: 'Four-day week', topics: 'scheduling' });
  await navigate(page, 'Repertoire');
  const search = page.getByRole('searchbox', { name: 'Search the repertoire' });
  await search.pressSequentially('ECOLE');
  await expect(page.locator('.row')).toHaveCount(1);
  await expect(page.getByText('1 of 3 records matches')).toBeVisible();
  await expect(search).toBeFocused();
  await search.fill('shared drive');
  await expect(page.locator('.row')).toHaveCount(0);
  await expect(page.getByText('Nothing matches among 3 records')).toBeVisible();
  await search.fill('');
  await page.getByLabel('Kind', { exact: true }).selectOption('information-request');
  await expect(page.locator('.row')).toHaveCount(1);
  await page.getByLabel('Kind', { exact: true }).selectOption('');
  await page.getByLabel('Topic', { exact: true }).selectOption('scheduling');
  await expect(page.locator('.row')).toHaveText([/Four-day week/]);
  await page.getByLabel('Topic', { exact: true }).selectOption('');
  await page.getByLabel('Member', { exact: true }).selectOption('Kim');
  await expect(page.locator('.row')).toHaveText([/drill checklist/]);
  await expect(page).toHaveURL(/#\/repertoire\?member=Kim$/);
  await page.getByLabel('Status', { exact: true }).selectOption('answered');
  await expect(page.locator('.row')).toHaveCount(0);
  await checkAccessibility(page, 'repertoire with filters and no match');
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(page.locator('.row')).toHaveCount(3);

  // A bookmarked, filtered list opens as it was.
  await page.goto('/#/repertoire?q=checklist&kind=information-request');
  await expect(page.getByRole('searchbox')).toHaveValue('checklist');
  await expect(page.getByLabel('Kind', { exact: true })).toHaveValue('information-request');
  await expect(page.locator('.row')).toHaveText([/drill checklist/]);
  await page.getByLabel('Order', { exact: true }).selectOption('unanswered');
  await expect(page).toHaveURL(/sort=unanswered/);

  // Typing: the address follows once the member pauses, and a reload
  // keeps the query.
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await page.getByRole('searchbox').pressSequentially('four-day');
  await expect(page).toHaveURL(/q=four-day/);
  await page.reload();
  await expect(page.getByRole('searchbox')).toHaveValue('four-day');
  await expect(page.locator('.row')).toHaveText([/Four-day week/]);
  // Moving to another view updates the address at once.
  await navigate(page, 'Members');
  await expect(page).toHaveURL(/#\/members$/);
  await page.goBack();
  await expect(page.getByRole('searchbox')).toHaveValue('four-day');
});

test('the search and the filters follow each change, though they are kept between visits', async ({ page }) => {
  await openApp(page);
  await createKind(page, kinds[0], { title: 'Badge printer jams', topics: 'printing' });
  await navigate(page, 'Repertoire');
  const search = page.getByRole('searchbox', { name: 'Search the repertoire' });
  const topic = page.getByLabel('Topic', { exact: true });
  const member = page.getByLabel('Member', { exact: true });
  await search.fill('welding');
  await expect(page.getByText('Nothing matches among 1 record.')).toBeVisible();
  await expect(topic.locator('option', { hasText: 'welding' })).toHaveCount(0);
  await search.fill('');
  // A record written elsewhere is found, and offered in the filters, when
  // the member comes back.
  await createKind(page, kinds[1], { title: 'Where are the welding masks?', author: 'Kim', topics: 'welding' });
  await navigate(page, 'Repertoire');
  await search.fill('welding');
  await expect(page.locator('.row')).toHaveText([/welding masks/]);
  await search.fill('');
  await expect(topic.locator('option', { hasText: 'welding' })).toHaveCount(1);
  await expect(member.locator('option', { hasText: 'Kim' })).toHaveCount(1);
  // And an edit of a title is found by its new words.
  await page.getByRole('link', { name: 'Badge printer jams' }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel(/^Title/).fill('Label printer jams');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Label printer jams' })).toBeVisible();
  await navigate(page, 'Repertoire');
  await search.fill('label printer');
  await expect(page.locator('.row')).toHaveText([/Label printer jams/]);
  await search.fill('badge');
  await expect(page.locator('.row')).toHaveCount(0);
  await search.fill('');
  // A deletion takes its topic and its author out of the filters; undoing
  // it brings them back.
  await page.getByRole('link', { name: 'Where are the welding masks?' }).click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByText('1 record', { exact: true })).toBeVisible();
  await expect(topic.locator('option', { hasText: 'welding' })).toHaveCount(0);
  await expect(member.locator('option', { hasText: 'Kim' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Where are the welding masks?' })).toBeVisible();
  await navigate(page, 'Repertoire');
  await expect(page.getByText('2 records', { exact: true })).toBeVisible();
  await expect(topic.locator('option', { hasText: 'welding' })).toHaveCount(1);
  await expect(member.locator('option', { hasText: 'Kim' })).toHaveCount(1);
});

test('an unfinished form comes back after a reload and can be discarded', async ({ page }) => {
  await openApp(page, '#/new/seeking-experience');
  await page.getByLabel(/^Title/).fill('Half-written question');
  await page.getByLabel(/^The situation you face/).fill('Typed, then the tab closed.');
  await page.reload();
  await expect(page.getByText(/Your unsaved draft from .* is back in the form below/)).toBeVisible();
  await expect(page.getByLabel(/^Title/)).toHaveValue('Half-written question');
  await expect(page.getByLabel(/^The situation you face/)).toHaveValue('Typed, then the tab closed.');
  await checkAccessibility(page, 'form with a restored draft');
  // Leaving and coming back keeps it too.
  await navigate(page, 'Home');
  await navigate(page, 'New activity');
  await page.getByRole('link', { name: /hear from someone/ }).click();
  await expect(page.getByLabel(/^Title/)).toHaveValue('Half-written question');
  await page.getByRole('button', { name: 'Discard the draft' }).click();
  await expect(page.getByLabel(/^Title/)).toHaveValue('');
  await page.reload();
  await expect(page.getByLabel(/^Title/)).toHaveValue('');
  await expect(page.getByText(/unsaved draft/)).toHaveCount(0);
});

test('an edit in progress is kept as a draft too, and cleared once saved', async ({ page }) => {
  await openApp(page);
  await createKind(page, kinds[6]);
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel(/^Outline/).fill('1. Symptoms\n2. Fix');
  await page.reload();
  await expect(page.getByLabel(/^Outline/)).toHaveValue('1. Symptoms\n2. Fix');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('dl.fields ol li')).toHaveText(['Symptoms', 'Fix']);
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByText(/unsaved draft/)).toHaveCount(0);
});

test('a record is deleted after a confirmation, and the deletion can be undone', async ({ page }) => {
  await openApp(page);
  await createKind(page, kinds[3]);
  await page.getByRole('button', { name: 'Delete…' }).click();
  await expect(page.getByText('and its contributions? You can undo this right after.')).toBeVisible();
  await checkAccessibility(page, 'delete confirmation');
  await page.getByRole('button', { name: 'Keep it' }).click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`Deleted “${kinds[3].title}”.`);
  await expect(page.locator('.row')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: kinds[3].title })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: kinds[3].title })).toBeVisible();
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.reload();
  await expect(page.locator('.row')).toHaveCount(0);
});

test('a resolved problem is written down, and the two records link to each other', async ({ page }) => {
  await openApp(page);
  await createKind(page, kinds[0], { topics: 'printing' });
  const resolve = page.locator('form.step-form');
  await resolve.getByLabel(/^The chosen approach/).fill('Pinned driver 4.2');
  await resolve.getByLabel(/^The outcome/).fill('Stable since');
  await resolve.getByRole('button', { name: 'Mark resolved' }).click();
  await page.getByRole('button', { name: 'Write it down' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Documentation project/ })).toBeVisible();
  await expect(page.getByLabel(/^Title/)).toHaveValue(`How we handle: ${kinds[0].title}`);
  await expect(page.getByLabel(/^The document/)).toHaveValue(/Pinned driver 4\.2/);
  await expect(page.getByRole('checkbox', { name: new RegExp(kinds[0].title) })).toBeChecked();
  await checkAccessibility(page, 'prefilled documentation form');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Grows from' })).toContainText(kinds[0].title);
  await page.getByRole('region', { name: 'Grows from' }).getByRole('link').click();
  await expect(page.getByRole('region', { name: 'Written down in' })).toContainText(`How we handle: ${kinds[0].title}`);
});

test('three problems and requests on one topic suggest a document until one exists', async ({ page }) => {
  await openApp(page);
  await createKind(page, kinds[0], { title: 'Badge printer jams', topics: 'printers' });
  await createKind(page, kinds[1], { title: 'Who services the printers?', topics: 'printers' });
  await navigate(page, 'Home');
  await expect(page.getByText('Keeps coming back')).toHaveCount(0);
  await createKind(page, kinds[0], { title: 'Label printer offline', topics: 'Printers' });
  await navigate(page, 'Home');
  const suggestion = page.getByRole('complementary', { name: 'Keeps coming back' });
  await expect(suggestion).toContainText('“printers” came up in 3 problems and requests');
  await checkAccessibility(page, 'home with a suggestion');
  await suggestion.getByRole('button', { name: 'Write “printers” down' }).click();
  await expect(page.getByLabel(/^Title/)).toHaveValue('Reference: printers');
  for (const title of ['Badge printer jams', 'Who services the printers?', 'Label printer offline']) {
    await expect(page.getByRole('checkbox', { name: new RegExp(title) })).toBeChecked();
  }
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await navigate(page, 'Home');
  await expect(page.getByText('Keeps coming back')).toHaveCount(0);
});
