// Shared test setup: every page error or console error fails the test (a
// broken wasm otherwise shows only as a locator timeout), and helpers that
// read like what a member does.
import { test as base, expect } from '@playwright/test';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const axePath = require.resolve('axe-core/axe.min.js');

export function watchErrors(page, errors) {
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
}

export const test = base.extend({
  // Tests that expect an error on purpose list it here.
  allowedErrors: [[], { option: true }],
  page: async ({ page, allowedErrors }, use) => {
    const errors = [];
    watchErrors(page, errors);
    await use(page);
    const unexpected = errors.filter((e) => !allowedErrors.some((pattern) => pattern.test(e)));
    expect(unexpected, 'no page or console errors').toEqual([]);
  },
});

export { expect };

/** Opens the app and waits until the repertoire is open. */
export async function openApp(page, hash = '') {
  await page.goto(`/${hash}`);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByText('Opening the repertoire…')).toHaveCount(0);
}

export async function navigate(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
}

export const problem = {
  title: 'Night-shift handover misses allergy notes',
  goal: 'Every allergy noted at admission reaches the night shift.',
  stuck: 'Late admissions are entered after the sheet is printed.',
  tried: 'A reminder at 19:00 and a second printout at 21:00.',
  constraints: 'No new software this year; one shared printer.',
  usefulBy: '2026-12-15',
  topics: 'Handover, patient safety',
  author: 'Robin',
};

/** Fills and saves the Problem solving form, as a member would. */
export async function createProblem(page, values = problem) {
  await navigate(page, 'New activity');
  await page.getByRole('link', { name: /Problem solving/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Problem solving/ })).toBeVisible();
  await page.getByLabel('Title').fill(values.title);
  await page.getByLabel('What are you trying to achieve?').fill(values.goal);
  await page.getByLabel('Where exactly are you stuck?').fill(values.stuck);
  await page.getByLabel('What have you tried so far?').fill(values.tried);
  await page.getByLabel('Constraints').fill(values.constraints);
  await page.getByLabel('Ideas are useful until').fill(values.usefulBy);
  await page.getByLabel('Topics').fill(values.topics);
  await page.getByLabel('Your name').fill(values.author);
  await page.getByRole('button', { name: 'Save' }).click();
}

export async function checkAccessibility(page, label) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const outcome = await axe.run(document, { resultTypes: ['violations'] });
    return outcome.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  expect(result, `axe violations on ${label}`).toEqual([]);
}
