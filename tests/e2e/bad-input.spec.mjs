// Bad input in forms: a clear message or a faithful display, never a panic
// (any page error fails the test), and nothing typed is lost.
import { test, expect, openApp, navigate } from './fixtures.mjs';

async function openProblemForm(page) {
  await navigate(page, 'New activity');
  await page.getByRole('link', { name: /I'm stuck/ }).click();
  const form = page.locator('form.guided');
  await form.getByLabel('Title').fill('A fine title');
  await form.getByLabel('What are you trying to achieve?').fill('Safer handovers.');
  await form.getByLabel('Where exactly are you stuck?').fill('Late admissions.');
  await form.getByLabel('Your name').fill('Robin');
  return form;
}

async function refusedWith(page, form, label, message) {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(message);
  await expect(form.getByLabel(label)).toHaveAttribute('aria-invalid', 'true');
}

test('too long, only spaces and dates out of range get a clear message and keep the text', async ({ page }) => {
  await openApp(page);
  const form = await openProblemForm(page);

  const long = 'x'.repeat(141);
  await form.getByLabel('Title').fill(long);
  await refusedWith(page, form, 'Title', 'too long: 141 characters, at most 140');
  await expect(form.getByLabel('Title')).toHaveValue(long);
  await form.getByLabel('Title').fill('A fine title');

  const essay = 'word '.repeat(4_001);
  await form.getByLabel('What have you tried so far?').fill(essay);
  await refusedWith(page, form, 'What have you tried so far?', 'at most 20000');
  await expect(form.getByLabel('What have you tried so far?')).toHaveValue(essay);
  await form.getByLabel('What have you tried so far?').fill('');

  await form.getByLabel('Title').fill('      ');
  await refusedWith(page, form, 'Title', 'Give it a title');
  await form.getByLabel('Title').fill('A fine title');

  for (const day of ['1899-12-31', '2201-01-01']) {
    await form.getByLabel('Ideas are useful until').fill(day);
    await refusedWith(page, form, 'Ideas are useful until', 'between 1900 and 2200');
  }
  await navigate(page, 'Repertoire');
  await expect(page.locator('.row')).toHaveCount(0);
});

test('emoji and right-to-left scripts are kept and shown faithfully', async ({ page }) => {
  await openApp(page);
  const form = await openProblemForm(page);
  const title = 'تحسين التسليم بين النوبات 🩺 — העברת משמרת';
  const goal = 'כל אלרגיה מגיעה למשמרת הלילה 👩‍⚕️👨🏽‍⚕️\nوالحساسية تصل إلى الليل';
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('What are you trying to achieve?').fill(goal);
  await form.getByLabel('Topics').fill('תקשורת, تسليم, 🩺 care');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('dl.fields')).toContainText('כל אלרגיה מגיעה למשמרת הלילה 👩‍⚕️👨🏽‍⚕️');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await navigate(page, 'Repertoire');
  await page.getByRole('searchbox').fill('النوبات');
  await expect(page.locator('.row')).toHaveCount(1);
  await page.getByRole('searchbox').fill('🩺');
  await expect(page.locator('.row')).toHaveCount(1);
});
