// Several tabs on one database: a change in one shows in the others without
// a reload, and an upgrade opened in a newer tab never hangs on an old one.
import { test, expect, openApp, navigate, createProblem, problem } from './fixtures.mjs';

test('records and members written in one tab appear in another', async ({ page, context }) => {
  await openApp(page);
  const other = await context.newPage();
  await openApp(other, '#/repertoire');
  await expect(other.getByText('Nothing here yet: start from a need')).toBeVisible();

  await createProblem(page);
  await expect(page.getByRole('heading', { level: 1, name: problem.title })).toBeVisible();
  await expect(other.getByRole('link', { name: problem.title })).toBeVisible();

  // A contribution in the other tab comes back to the first.
  await other.getByRole('link', { name: problem.title }).click();
  await other.getByLabel(/^Your idea/).fill('Print the sheet after the last admission round.');
  await other.getByLabel('Your name').fill('Lee');
  await other.getByRole('button', { name: 'Add an idea' }).click();
  await expect(page.getByText('Print the sheet after the last admission round.')).toBeVisible();

  await navigate(other, 'Members');
  await navigate(page, 'Members');
  await page.getByRole('button', { name: 'Add a member' }).click();
  await page.getByRole('form', { name: 'Add a member' }).getByLabel('Name').fill('Robin');
  await page.getByRole('form', { name: 'Add a member' }).getByRole('button', { name: 'Save' }).click();
  await expect(other.getByRole('heading', { level: 3, name: /^Robin/ })).toBeVisible();

  // A deletion too.
  await navigate(other, 'Repertoire');
  await navigate(page, 'Repertoire');
  await page.getByRole('link', { name: problem.title }).click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(other.getByRole('link', { name: problem.title })).toHaveCount(0);
  await other.close();
});

test('what a member is typing on a record stays while another tab changes the record', async ({ page, context }) => {
  await openApp(page);
  await createProblem(page);
  const other = await context.newPage();
  await openApp(other, '#/repertoire');
  await other.getByRole('link', { name: problem.title }).click();

  const resolve = page.locator('form.step-form');
  await resolve.getByLabel(/^The chosen approach/).fill('A second printout at 21:00');
  const idea = page.locator('form.contribute').getByLabel(/^Your idea/);
  await idea.fill('Half a thought');

  await other.getByLabel(/^Your idea/).fill('Print the sheet after the last admission round.');
  await other.getByLabel('Your name').fill('Lee');
  await other.getByRole('button', { name: 'Add an idea' }).click();

  await expect(page.getByText('Print the sheet after the last admission round.')).toBeVisible();
  await expect(resolve.getByLabel(/^The chosen approach/)).toHaveValue('A second printout at 21:00');
  await expect(idea).toHaveValue('Half a thought');
  await expect(idea).toBeFocused();
  await other.close();
});

test('a member editor keeps what is typed while another tab adds a member', async ({ page, context }) => {
  await openApp(page, '#/members');
  await page.getByRole('button', { name: 'Add a member' }).click();
  await page.getByRole('form', { name: 'Add a member' }).getByLabel('Name').fill('Robin');
  await page.getByRole('form', { name: 'Add a member' }).getByRole('button', { name: 'Save' }).click();
  const robin = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: /^Robin/ }) });
  await robin.getByRole('button', { name: 'Edit' }).click();
  const known = page.getByRole('form', { name: 'Edit Robin' }).getByLabel('Topics they know about');
  await known.fill('handover, allergies');

  const other = await context.newPage();
  await openApp(other, '#/members');
  await other.getByRole('button', { name: 'Add a member' }).click();
  await other.getByRole('form', { name: 'Add a member' }).getByLabel('Name').fill('Kim');
  await other.getByRole('form', { name: 'Add a member' }).getByRole('button', { name: 'Save' }).click();

  await expect(page.getByRole('heading', { level: 3, name: /^Kim/ })).toBeVisible();
  await expect(known).toHaveValue('handover, allergies');
  await expect(known).toBeFocused();
  await other.close();
});

test('a newer version opened in another tab proceeds, and the old tab says to reload', async ({ page, context }) => {
  await openApp(page);
  const newer = await context.newPage();
  // A page of the same origin without the app: only the database matters.
  await newer.goto('/icon.svg');
  // Stands for a later release of Repertoire opening the same database.
  const version = await newer.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('repertoire:default', 99);
        request.onsuccess = () => {
          const version = request.result.version;
          request.result.close();
          resolve(version);
        };
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error('blocked by the old tab'));
      }),
  );
  expect(version).toBe(99);
  await expect(page.getByRole('status')).toContainText('A newer version of Repertoire was opened in another tab');
  await newer.close();
});
