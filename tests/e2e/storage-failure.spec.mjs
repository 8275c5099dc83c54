// When the browser refuses storage, the app says so in words, never shows a
// blank page, and never claims "saved" for a write that did not commit.
import { test, expect, openApp, createProblem, navigate, problem } from './fixtures.mjs';

test.describe('IndexedDB refused at open', () => {
  // The wasm-bindgen glue logs the refused call; what matters is the page.
  test.use({ allowedErrors: [/SecurityError|denied/i] });

  test('a browser without usable IndexedDB gets a plain explanation', async ({ page }) => {
    await page.addInitScript(() => {
      IDBFactory.prototype.open = function () {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
    });
    await page.goto('/');
    const problemBox = page.getByRole('region', { name: 'The repertoire cannot be opened' });
    await expect(problemBox).toBeVisible();
    await expect(problemBox).toContainText('does not let Repertoire store data here');
    await expect(problemBox).toContainText('Nothing has been changed or lost');
    await expect(problemBox.getByRole('button', { name: 'Reload' })).toBeVisible();
  });

  test('a browser with no IndexedDB at all gets the same explanation', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { get: () => undefined, configurable: true });
    });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'The repertoire cannot be opened' })).toBeVisible();
  });
});

/** Makes the next writes fail the way a full disk does, or by an abort. */
async function breakWrites(page, how) {
  await page.evaluate((how) => {
    if (how === 'quota') {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    } else {
      const commit = IDBTransaction.prototype.commit;
      IDBTransaction.prototype.commit = function () {
        if (this.mode === 'readwrite') return this.abort();
        return commit.call(this);
      };
    }
  }, how);
}

for (const how of ['quota', 'abort']) {
  test(`a failed save (${how}) says "not saved", keeps the form, and stores nothing`, async ({ page }) => {
    await openApp(page);
    await breakWrites(page, how);
    await createProblem(page);
    const status = page.getByRole('status');
    await expect(status).toContainText('Not saved.');
    if (how === 'quota') await expect(status).toContainText('storage for this site is full');
    await expect(status).not.toContainText('Saved “');
    await expect(page.getByLabel('Title')).toHaveValue(problem.title);
    await expect(page.getByLabel('What are you trying to achieve?')).toHaveValue(problem.goal);
    await expect(page.getByRole('button', { name: 'Save' })).toBeEnabled();
    await navigate(page, 'Repertoire');
    await expect(page.locator('.row')).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Repertoire' })).toBeVisible();
    await expect(page.locator('.row')).toHaveCount(0);
  });
}

test('a damaged stored record hides only itself, and the member is told', async ({ page }) => {
  await openApp(page);
  await createProblem(page);
  await expect(page.getByRole('status')).toContainText('Saved');
  await page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('repertoire:default');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('records', 'readwrite');
    tx.objectStore('records').put({ id: 'damaged-1', kind: 'visit', status: 'planned', updated: 1, topics: [], author: 'x', v: 1, doc: '{"id": "damaged-1", "title": ' });
    tx.objectStore('records').put({ id: 'damaged-2', something: 'else entirely' });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  await page.reload();
  await expect(page.getByRole('status')).toContainText('2 stored records could not be read and are left out');
  await expect(page.getByRole('status')).toContainText('nothing was deleted');
  await navigate(page, 'Repertoire');
  await expect(page.locator('.row', { hasText: problem.title })).toHaveCount(1);
});
