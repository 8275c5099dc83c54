// Closing the browser and opening it again keeps the repertoire: a
// persistent profile stands for the member's own browser.
import { test, expect } from '@playwright/test';
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumArgs } from './playwright.config.mjs';
import { watchErrors, openApp, createProblem, navigate, problem } from './fixtures.mjs';

test('records survive closing and reopening the browser', async ({ baseURL }, testInfo) => {
  const profile = mkdtempSync(path.join(tmpdir(), 'repertoire-profile-'));
  const errors = [];
  const launch = async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      args: chromiumArgs,
      baseURL,
      viewport: testInfo.project.use.viewport,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    watchErrors(page, errors);
    return { context, page };
  };
  try {
    let { context, page } = await launch();
    await openApp(page);
    await createProblem(page);
    await expect(page.getByRole('status')).toContainText('Saved');
    await context.close();

    ({ context, page } = await launch());
    await openApp(page);
    await navigate(page, 'Repertoire');
    await expect(page.locator('.row', { hasText: problem.title })).toHaveCount(1);
    await page.getByRole('link', { name: problem.title }).click();
    await expect(page.locator('dl.fields')).toContainText(problem.goal);
    await context.close();
    expect(errors).toEqual([]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
