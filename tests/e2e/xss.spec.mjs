// Whatever a member types is shown as typed: markup and script in any text
// field never run and never become elements.
import { test, expect, openApp, navigate } from './fixtures.mjs';
import { kinds, createKind, contribute } from './kinds.mjs';

const corpus = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 2">',
  '"><svg onload="window.__xss = 3">',
  "javascript:window.__xss = 4",
  '[click](javascript:window.__xss=5)',
  '<a href="javascript:window.__xss=6">link</a>',
  '&lt;b&gt;entity&lt;/b&gt; <b>bold?</b>',
  '<iframe srcdoc="<script>parent.__xss=7</script>"></iframe>',
];

test('an XSS corpus in every text field is displayed as text and never runs', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  await openApp(page);
  for (const [i, kind] of kinds.entries()) {
    const payload = corpus[i % corpus.length];
    const poisoned = { ...kind, fields: Object.fromEntries(Object.entries(kind.fields).map(([label]) => [label, `${payload} ${label}`])) };
    if (kind.slug === 'reusing-assets') poisoned.fields['Link or content'] = `${payload} link`;
    if (kind.slug === 'mapping') poisoned.fields['Experts per topic'] = `${payload}: Ana`;
    const title = `${corpus[(i + 1) % corpus.length]} ${kind.slug}`;
    await createKind(page, poisoned, { title, author: '<b>Robin</b>', topics: '<i>topic</i>' });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const poisonedContribution = { ...kind, contribute: Object.fromEntries(Object.keys(kind.contribute).map((label) => [label, `${payload} said`])) };
    await contribute(page, poisonedContribution, '<img src=x onerror="window.__xss=9">');
    await expect(page.locator('.contribution')).toContainText(`${payload} said`.replace(/\n/g, ' '));
  }
  await navigate(page, 'Repertoire');
  await expect(page.locator('.row')).toHaveCount(kinds.length);
  await page.reload();
  await expect(page.locator('.row')).toHaveCount(kinds.length);
  const injected = await page.evaluate(() => ({
    flag: window.__xss ?? null,
    scripts: document.querySelectorAll('main script, main iframe, main img, main svg:not(.icon), main b, main i').length,
  }));
  expect(injected).toEqual({ flag: null, scripts: 0 });
  expect(dialogs).toBe(0);
  // A javascript: link in Markdown stays text, never a link.
  await page.getByRole('searchbox').fill('click');
  await page.locator('.row a').first().click();
  await expect(page.locator('main a[href^="javascript"]')).toHaveCount(0);
});
