// Whatever a member types is shown as typed: markup and script in any text
// field never run and never become elements.
import { test, expect, openApp, navigate } from './fixtures.mjs';
import { kinds, contribute, escape } from './kinds.mjs';

const corpus = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 2">',
  '"><svg onload="window.__xss = 3">',
  'javascript:window.__xss = 4',
  '[click](javascript:window.__xss=5)',
  '<a href="javascript:window.__xss=6">link</a>',
  '&lt;b&gt;entity&lt;/b&gt; <b>bold?</b>',
  '<iframe srcdoc="<script>parent.__xss=7</script>"></iframe>',
  '<style>body{display:none}</style>',
];

test.describe.configure({ timeout: 120_000 });

test('an XSS corpus in every text field is displayed as text and never runs', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  await openApp(page);
  for (const [i, kind] of kinds.entries()) {
    const payload = corpus[i % corpus.length];
    await navigate(page, 'New activity');
    await page.getByRole('link', { name: kind.need }).click();
    const form = page.locator('form.guided');
    // Every free-text field of the kind's form gets the payload.
    const fields = form.locator('textarea, input[type="text"]');
    const count = await fields.count();
    for (let f = 0; f < count; f += 1) {
      await fields.nth(f).fill(`${payload} #${f}`);
    }
    // Fields with a required shape keep a valid value around the payload
    // (a topic is a few words: a long one is refused, rightly).
    await form.getByLabel(/^Topics/).fill('<i>topic</i>, "><b>');
    if (kind.slug === 'mapping') await form.getByLabel(/^Experts per topic/).fill(`${payload}: Ana, ${payload}`);
    for (const [label, value] of Object.entries(kind.choices ?? {})) {
      await form.getByLabel(new RegExp(`^${escape(label)}`)).selectOption(value);
    }
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${payload} #0`);
    await expect(page.locator('dl.fields')).toContainText(`${payload} #1`);
    const poisoned = { ...kind, contribute: Object.fromEntries(Object.keys(kind.contribute).map((label) => [label, `${payload} said`])) };
    await contribute(page, poisoned, '<img src=x onerror="window.__xss=9">');
    await expect(page.locator('.contribution')).toContainText(`${payload} said`);
    await expect(page.locator('.contribution')).toContainText('<img src=x onerror="window.__xss=9">');
  }
  await navigate(page, 'Repertoire');
  await expect(page.locator('.row')).toHaveCount(kinds.length);
  await page.reload();
  await expect(page.locator('.row')).toHaveCount(kinds.length);
  const injected = await page.evaluate(() => ({
    flag: window.__xss ?? null,
    elements: document.querySelectorAll('main script, main iframe, main img, main style, main svg:not(.icon), main b, main i').length,
  }));
  expect(injected).toEqual({ flag: null, elements: 0 });
  expect(dialogs).toBe(0);
  // A javascript: link in Markdown stays text, never a link.
  await page.getByRole('searchbox').fill('click');
  await page.locator('.row a').first().click();
  await expect(page.locator('dl.fields')).toContainText('[click](javascript:window.__xss=5)');
  await expect(page.locator('main a[href^="javascript"]')).toHaveCount(0);
});
