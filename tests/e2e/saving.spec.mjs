// While a save waits for the database (another tab importing, a slow
// disk), the member may leave the form, close it or press another button.
// The database is held here by a transaction of the test's own, so each
// save waits as long as the test needs.
import { test, expect, openApp, navigate, createProblem, problem } from './fixtures.mjs';

/** Holds a store of the app's database in a read-write transaction for
 * `ms`; `released(page)` waits until it has ended. */
async function hold(page, store, ms) {
  await page.evaluate(
    ([store, ms]) =>
      new Promise((placed, failed) => {
        const request = indexedDB.open('repertoire:default');
        request.onerror = () => failed(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(store, 'readwrite');
          const until = performance.now() + ms;
          const spin = () => {
            if (performance.now() < until) tx.objectStore(store).count().onsuccess = spin;
          };
          spin();
          window.held = new Promise((done) => {
            tx.oncomplete = () => {
              db.close();
              done();
            };
          });
          placed();
        };
      }),
    [store, ms],
  );
}

const released = (page) => page.evaluate(() => window.held);

async function addIdea(page, text) {
  const form = page.locator('form.contribute');
  await form.getByLabel(/^Your idea/).fill(text);
  await form.getByLabel(/^Your name/).fill('Lee');
  await form.getByRole('button', { name: 'Add an idea' }).click();
}

/** The save is still waiting: nothing said yet. */
async function stillWaiting(page, text) {
  await expect(page.getByRole('status')).not.toContainText(text);
}

test('a contribution saved after the member left its record is kept, and the app goes on', async ({ page }) => {
  await openApp(page);
  await createProblem(page);
  await hold(page, 'records', 1500);
  await addIdea(page, 'Print the sheet after the last admission round.');
  await navigate(page, 'Home');
  await stillWaiting(page, 'your contribution is saved');
  await released(page);
  await expect(page.getByRole('status').getByText('your contribution is saved')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');

  await navigate(page, 'Repertoire');
  await page.getByRole('link', { name: problem.title }).click();
  await expect(page.locator('.contribution')).toHaveCount(1);
  await expect(page.locator('.contribution')).toContainText('Print the sheet');
});

test('what is typed after pressing the button stays when the save ends', async ({ page }) => {
  await openApp(page);
  await createProblem(page);
  await hold(page, 'records', 1500);
  await addIdea(page, 'Print the sheet after the last admission round.');
  const idea = page.locator('form.contribute').getByLabel(/^Your idea/);
  await idea.fill('And a second thought');
  await stillWaiting(page, 'your contribution is saved');
  await released(page);
  await expect(page.getByRole('status').getByText('your contribution is saved')).toBeVisible();
  await expect(page.locator('.contribution')).toHaveCount(1);
  await expect(idea).toHaveValue('And a second thought');
});

test('a second change to a record waits for the first instead of undoing it', async ({ page }) => {
  await openApp(page);
  await createProblem(page);
  await hold(page, 'records', 2500);
  await addIdea(page, 'Print the sheet after the last admission round.');
  const resolve = page.locator('form.step-form');
  await resolve.getByLabel(/^The chosen approach/).fill('A second printout');
  await resolve.getByLabel(/^The outcome/).fill('No missed allergy for a month');
  await resolve.getByRole('button', { name: 'Mark resolved' }).click();
  await expect(page.getByRole('status')).toContainText('The previous change to this record is still being saved');
  // An edit too.
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel(/^Title/).fill('Allergy notes miss the night shift');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toContainText('The previous change to this record is still being saved');
  await expect(page.getByLabel(/^Title/)).toHaveValue('Allergy notes miss the night shift');
  await released(page);
  await expect(page.getByRole('status').getByText('your contribution is saved')).toBeVisible();

  // Pressed again, both go through, and nothing undoes the contribution.
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Allergy notes miss the night shift' })).toBeVisible();
  await expect(page.locator('.contribution')).toHaveCount(1);
  await page.locator('form.step-form').getByLabel(/^The chosen approach/).fill('A second printout');
  await page.locator('form.step-form').getByLabel(/^The outcome/).fill('No missed allergy for a month');
  await page.locator('form.step-form').getByRole('button', { name: 'Mark resolved' }).click();
  await expect(page.locator('.row-meta .status').first()).toHaveText('Resolved');
  await page.reload();
  await expect(page.locator('.row-meta .status').first()).toHaveText('Resolved');
  await expect(page.getByRole('heading', { level: 1, name: 'Allergy notes miss the night shift' })).toBeVisible();
  await expect(page.locator('.contribution')).toContainText('Print the sheet');
});

test('a new record saved after the member left its form leaves no draft behind and does not pull them back', async ({ page }) => {
  await openApp(page);
  await hold(page, 'records', 4000);
  await createProblem(page);
  await navigate(page, 'Members');
  await stillWaiting(page, 'Saved');
  await released(page);
  await expect(page.getByRole('status').getByText(`Saved “${problem.title}”.`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /^Members/ })).toBeVisible();

  await navigate(page, 'New activity');
  await page.getByRole('link', { name: /Problem solving/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Problem solving/ })).toBeVisible();
  await expect(page.getByText('Your unsaved draft from')).toHaveCount(0);
  await expect(page.getByLabel('Title')).toHaveValue('');
});

test('a member saved after the member left the view is kept, and Cancel waits for the save', async ({ page }) => {
  await openApp(page);
  await navigate(page, 'Members');
  await page.getByRole('button', { name: 'Add a member' }).click();
  const form = page.getByRole('form', { name: 'Add a member' });
  await form.getByLabel('Name').fill('Robin');
  await hold(page, 'members', 1500);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  await navigate(page, 'Home');
  await stillWaiting(page, 'Saved Robin.');
  await released(page);
  await expect(page.getByRole('status').getByText('Saved Robin.')).toBeVisible();
  await navigate(page, 'Members');
  await expect(page.getByRole('heading', { level: 3, name: /^Robin/ })).toBeVisible();
});

test('a record deleted after the member left its page does not pull them back', async ({ page }) => {
  await openApp(page);
  await createProblem(page);
  await hold(page, 'records', 1500);
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await navigate(page, 'Home');
  await stillWaiting(page, 'Deleted');
  await released(page);
  await expect(page.getByRole('status')).toContainText(`Deleted “${problem.title}”.`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
  // Undo still brings it back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: problem.title })).toBeVisible();
});
