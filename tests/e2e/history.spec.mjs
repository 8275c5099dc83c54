// Every save names the version it edits: two tabs editing one record never
// write over each other unseen, and versions kept side by side are shown
// and resolved by a member.
import { test, expect, openApp, createProblem, problem, checkAccessibility } from './fixtures.mjs';

const stuckLater = 'Admissions after 20:00 miss the printed sheet.';
const goalLater = 'Every allergy reaches the night shift before the first round.';

/** Two tabs with the edit form of one record open. */
async function twoEditors(page, context) {
  await openApp(page);
  await createProblem(page);
  await expect(page.getByRole('heading', { level: 1, name: problem.title })).toBeVisible();
  const id = new URL(page.url()).hash.replace('#/record/', '');
  const other = await context.newPage();
  await openApp(other, `#/record/${id}/edit`);
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Edit:/ })).toBeVisible();
  await expect(other.getByRole('heading', { level: 1, name: /^Edit:/ })).toBeVisible();
  return other;
}

test('a second save of an edited record is not applied blindly, and the member applies theirs on top', async ({ page, context }) => {
  const other = await twoEditors(page, context);
  await page.getByLabel('Where exactly are you stuck?').fill(stuckLater);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toContainText('Saved your changes');

  await other.getByLabel('What are you trying to achieve?').fill(goalLater);
  await other.getByRole('button', { name: 'Save changes' }).click();
  const moved = other.getByRole('group', { name: 'This record changed while you were editing it' });
  await expect(moved).toBeVisible();
  await expect(other.getByRole('heading', { name: 'This record changed while you were editing it' })).toBeFocused();
  await expect(moved).toContainText('Where exactly are you stuck?');
  await expect(moved).toContainText(stuckLater);
  // The member's text is still in the form; nothing was written.
  await expect(other.getByLabel('What are you trying to achieve?')).toHaveValue(goalLater);
  await checkAccessibility(other, 'an edit that found the record changed');

  await other.getByRole('button', { name: 'Apply my changes on top' }).click();
  await expect(other.getByRole('status')).toContainText('Saved your changes');
  for (const tab of [other, page]) {
    await expect(tab.getByText(stuckLater)).toBeVisible();
    await expect(tab.getByText(goalLater)).toBeVisible();
  }
  await page.reload();
  await expect(page.getByText(stuckLater)).toBeVisible();
  await expect(page.getByText(goalLater)).toBeVisible();
  await other.close();
});

test('keeping both versions shows a conflict that a member resolves field by field', async ({ page, context }) => {
  const other = await twoEditors(page, context);
  await page.getByLabel('Where exactly are you stuck?').fill(stuckLater);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toContainText('Saved your changes');

  const mine = 'Night admissions are typed in after the sheet is printed.';
  await other.getByLabel('Where exactly are you stuck?').fill(mine);
  await other.getByLabel('What are you trying to achieve?').fill(goalLater);
  await other.getByRole('button', { name: 'Save changes' }).click();
  await other.getByRole('button', { name: 'Keep both versions' }).click();
  await expect(other.getByRole('status')).toContainText('Kept both versions');

  // Both tabs say so, on the page and in the list; it survives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { name: '2 versions of this record' })).toBeVisible();
  await expect(other.getByRole('heading', { name: '2 versions of this record' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Repertoire' }).click();
  await expect(page.getByText('2 versions to reconcile')).toBeVisible();
  await page.getByRole('link', { name: problem.title }).click();

  await page.getByRole('button', { name: 'Compare and resolve' }).click();
  const stuck = page.getByRole('group', { name: 'Where exactly are you stuck?' });
  const goal = page.getByRole('group', { name: 'What are you trying to achieve?' });
  await expect(stuck.getByRole('radio')).toHaveCount(2);
  await checkAccessibility(page, 'the versions side by side');
  // One field from each version.
  await stuck.getByRole('radio', { name: new RegExp(mine) }).check();
  await goal.getByRole('radio', { name: new RegExp(goalLater) }).check();
  await page.getByRole('button', { name: 'Keep the chosen fields' }).click();
  await expect(page.getByRole('status')).toContainText('Resolved');
  for (const tab of [page, other]) {
    await expect(tab.getByRole('heading', { name: '2 versions of this record' })).toHaveCount(0);
    await expect(tab.getByText(mine)).toBeVisible();
    await expect(tab.getByText(goalLater)).toBeVisible();
    await expect(tab.getByText(stuckLater)).toHaveCount(0);
  }
  await page.reload();
  await expect(page.getByText(mine)).toBeVisible();
  await expect(page.getByRole('heading', { name: '2 versions of this record' })).toHaveCount(0);
  await other.close();
});

test('two tabs adding contributions to one record keep both', async ({ page, context }) => {
  await openApp(page);
  await createProblem(page);
  await expect(page.getByRole('heading', { level: 1, name: problem.title })).toBeVisible();
  const id = new URL(page.url()).hash.replace('#/record/', '');
  const other = await context.newPage();
  await openApp(other, `#/record/${id}`);
  await page.getByLabel(/^Your idea/).fill('Print the sheet after the last admission round.');
  await other.getByLabel(/^Your idea/).fill('Ask pharmacy to flag allergies on the wristband.');
  await other.getByLabel('Your name').fill('Lee');
  await page.getByLabel('Your name').fill('Kim');
  await Promise.all([
    page.getByRole('button', { name: 'Add an idea' }).click(),
    other.getByRole('button', { name: 'Add an idea' }).click(),
  ]);
  for (const tab of [page, other]) {
    await expect(tab.getByText('Print the sheet after the last admission round.')).toBeVisible();
    await expect(tab.getByText('Ask pharmacy to flag allergies on the wristband.')).toBeVisible();
  }
  await page.reload();
  await expect(page.getByText('Ask pharmacy to flag allergies on the wristband.')).toBeVisible();
  await expect(page.getByText('Print the sheet after the last admission round.')).toBeVisible();
  await other.close();
});

test('delete, undo, delete: the record stays deleted after a reload', async ({ page }) => {
  await openApp(page);
  await createProblem(page);
  for (const round of [1, 2]) {
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('Deleted');
    if (round === 1) {
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect(page.getByRole('heading', { level: 1, name: problem.title })).toBeVisible();
    }
  }
  await page.reload();
  await expect(page.getByRole('link', { name: problem.title })).toHaveCount(0);
  await expect(page.getByText('Nothing here yet: start from a need')).toBeVisible();
});

test('two tabs edit one member: the second save is refused with what is stored, and saving again puts it on top', async ({ page, context }) => {
  await openApp(page, '#/members');
  await page.getByRole('button', { name: 'Add a member' }).click();
  await page.getByRole('form', { name: 'Add a member' }).getByLabel('Name').fill('Robin');
  await page.getByRole('form', { name: 'Add a member' }).getByRole('button', { name: 'Save' }).click();
  const other = await context.newPage();
  await openApp(other, '#/members');
  const card = (p) => p.getByRole('listitem').filter({ has: p.getByRole('heading', { level: 3, name: /^Robin/ }) });
  await card(page).getByRole('button', { name: 'Edit' }).click();
  await card(other).getByRole('button', { name: 'Edit' }).click();

  const there = other.getByRole('form', { name: 'Edit Robin' });
  await there.getByLabel('Topics they know about').fill('night shift');
  await there.getByRole('button', { name: 'Save' }).click();
  await expect(other.getByText('Saved Robin.')).toBeVisible();

  const here = page.getByRole('form', { name: 'Edit Robin' });
  await here.getByLabel('Topics they want to learn').fill('allergies');
  await here.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'was not written over it' }))
    .toContainText('Stored now: Robin, Newcomer; knows night shift; learning none.');
  await expect(here.getByLabel('Topics they want to learn')).toHaveValue('allergies');

  // Saving again goes on top of what is stored now: this tab's text wins,
  // and the other tab sees it.
  await here.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved Robin.')).toBeVisible();
  await expect(card(other)).toContainText('allergies');
  await page.reload();
  await expect(card(page)).toContainText('allergies');
  await other.close();
});
