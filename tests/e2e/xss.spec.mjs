// Whatever a member types is shown as typed: markup and script in any text
// field never run and never become elements.
import { test, expect, openApp, navigate } from './fixtures.mjs';
import { kinds, contribute, escape } from './kinds.mjs';

// Text written to run in a web page is refused in every form, with a
// message that says how to quote code; the same patterns are refused by an
// import, so whatever a form accepts always imports again.
const refused = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 2">',
  '"><svg onload="window.__xss = 3">',
  'javascript:window.__xss = 4',
  '[click](javascript:window.__xss=5)',
  '<iframe srcdoc="x"></iframe>',
];

// Code between backticks, and markup that runs nothing, are kept and shown
// as typed.
const shown = [
  '`<script>window.__xss = 1</script>`',
  '`<img src=x onerror="window.__xss = 2">`',
  '"><b>bold?</b> <i>it</i>',
  '`javascript:window.__xss = 4`',
  '`[click](javascript:window.__xss=5)`',
  '<a href="#top">a link?</a>',
  '&lt;b&gt;entity&lt;/b&gt; <b>bold?</b>',
  '```<iframe srcdoc="<script>parent.__xss=7</script>"></iframe>```',
  '<style>body{display:none}</style>',
];
/** Shown as typed: in a one-line field with its backticks, in a Markdown
 * field as code without them. */
async function expectShown(locator, text) {
  await expect(locator).toContainText(text.replaceAll('`', '').slice(0, 8));
  const shownText = await locator.innerText();
  expect(shownText.includes(text) || shownText.includes(text.replaceAll('`', '')), `${text} in ${shownText}`).toBe(true);
}

test.describe.configure({ timeout: 120_000 });

test('markup meant to run is refused with a clear message, and nothing is lost', async ({ page }) => {
  await openApp(page);
  await navigate(page, 'New activity');
  await page.getByRole('link', { name: kinds[0].need }).click();
  const form = page.locator('form.guided');
  for (const [label, value] of Object.entries(kinds[0].fields)) await form.getByLabel(label).fill(value);
  await form.getByLabel('Your name').fill('Robin');
  for (const payload of refused) {
    await form.getByLabel('Title').fill(payload);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('would run as code in a web page');
    await expect(page.getByRole('alert')).toContainText('between backticks');
    await expect(form.getByLabel('Title')).toHaveValue(payload);
  }
  await navigate(page, 'Repertoire');
  await expect(page.locator('.row')).toHaveCount(0);
});

test('code between backticks and harmless markup are shown as typed and never run', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  await openApp(page);
  for (const [i, kind] of kinds.entries()) {
    const payload = shown[i % shown.length];
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
    await expectShown(page.locator('dl.fields'), `${payload} #1`);
    const poisoned = { ...kind, contribute: Object.fromEntries(Object.keys(kind.contribute).map((label) => [label, `${payload} said`])) };
    await contribute(page, poisoned, '<b>Kim</b>');
    await expectShown(page.locator('.contribution'), `${payload} said`);
    await expect(page.locator('.contribution')).toContainText('<b>Kim</b>');
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
