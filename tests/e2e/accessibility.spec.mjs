// axe-core on every view, empty and filled, at desktop and phone widths.
import { test, expect, openApp, navigate, createProblem, checkAccessibility, problem } from './fixtures.mjs';

test('every view has no axe violations', async ({ page }) => {
  await openApp(page);
  // The standalone page is the page: its skip link moves focus to the view.
  await page.getByRole('link', { name: 'Skip to content' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
  await checkAccessibility(page, 'Home (empty)');
  await navigate(page, 'Repertoire');
  await checkAccessibility(page, 'Repertoire (empty)');
  await navigate(page, 'New activity');
  await checkAccessibility(page, 'New activity chooser');
  await page.getByRole('link', { name: /Problem solving/ }).click();
  await checkAccessibility(page, 'Problem solving form');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await checkAccessibility(page, 'Problem solving form with errors');

  await createProblem(page);
  await expect(page.getByRole('heading', { level: 1, name: problem.title })).toBeVisible();
  await checkAccessibility(page, 'Record detail');
  await page.getByRole('link', { name: 'Edit' }).click();
  await checkAccessibility(page, 'Edit form');
  await navigate(page, 'Repertoire');
  await checkAccessibility(page, 'Repertoire (one record)');
  await navigate(page, 'Home');
  await checkAccessibility(page, 'Home (with records)');
});

test.describe('storage problem view', () => {
  test.use({ allowedErrors: [/SecurityError|denied/i] });
  test('has no axe violations', async ({ page }) => {
    await page.addInitScript(() => {
      IDBFactory.prototype.open = function () {
        throw new DOMException('denied', 'SecurityError');
      };
    });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'The repertoire cannot be opened' })).toBeVisible();
    await checkAccessibility(page, 'Storage problem');
  });
});
