// The community around the repertoire: its profile, members and "who am
// I", the knowledge map with its gaps, and the self-assessment.
import { test, expect, openApp, navigate, checkAccessibility, createProblem } from './fixtures.mjs';

const ELEMENTS = { domain: 'd', community: 'c', practice: 'p' };

async function setUpProfile(page) {
  await page.getByRole('link', { name: 'Describe your community' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Describe your community' })).toBeVisible();
  await page.getByLabel('Name').fill('Night Shift Circle');
  await page.getByLabel('Our own word').check();
  await page.getByLabel('Your own word').fill('practice circle');
  await page.getByLabel('What is the domain about?').fill('Handing patients over safely between shifts.');
  await page.getByLabel('Core topics').fill('Handover, allergies');
  await page.getByRole('button', { name: 'Save the profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Night Shift Circle' })).toBeVisible();
}

async function addMember(page, { name, level = 'active', knows = '', learning = '', me = false }) {
  await navigate(page, 'Members');
  await page.getByRole('button', { name: 'Add a member' }).click();
  const form = page.getByRole('form', { name: 'Add a member' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('How they take part').selectOption(level);
  await form.getByLabel('Topics they know about').fill(knows);
  await form.getByLabel('Topics they want to learn').fill(learning);
  await form.getByLabel(/This is me/).setChecked(me);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^${name}`) })).toBeVisible();
}

async function becomeMember(page, name) {
  await navigate(page, 'Members');
  const notMe = page.getByRole('button', { name: 'Not you? Choose again' });
  if (await notMe.count()) await notMe.click();
  await page.getByLabel('I am').selectOption({ label: name });
  await page.getByRole('button', { name: "That's me" }).click();
  await expect(page.getByText(`In this browser you are ${name}.`)).toBeVisible();
}

/** Answers every statement of the open round: one value per element. */
async function answerRound(page, values) {
  await navigate(page, 'Self-assessment');
  const change = page.getByRole('button', { name: 'Change my answers' });
  if (await change.count()) await change.click();
  for (const [element, value] of Object.entries(values)) {
    for (let i = 1; i <= 6; i += 1) {
      const v = Array.isArray(value) ? value[i - 1] : value;
      await page.locator(`#item-${ELEMENTS[element]}${i}-${v}`).check();
    }
  }
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await expect(page.getByText('Your answers are saved.')).toBeVisible();
}

async function openRound(page, date) {
  await navigate(page, 'Self-assessment');
  await page.getByLabel('Open a new round dated').fill(date);
  await page.getByRole('button', { name: 'Open the round' }).click();
  await expect(page.getByText(`Opened the round of ${date}.`)).toBeVisible();
}

test('the profile names the community everywhere and survives a reload', async ({ page }) => {
  await openApp(page);
  await checkAccessibility(page, 'Home before the profile');
  await page.getByRole('link', { name: 'Describe your community' }).click();
  await checkAccessibility(page, 'Profile form');
  // Bad input: no name, own word chosen but empty.
  await page.getByLabel('Name').fill('   ');
  await page.getByLabel('Our own word').check();
  await page.getByRole('button', { name: 'Save the profile' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('name');
  await expect(page.locator('#field-name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#field-own_word')).toHaveAttribute('aria-invalid', 'true');
  await checkAccessibility(page, 'Profile form with errors');
  await page.getByLabel('Guild').check();
  await page.getByLabel('Name').fill('Placeholder');
  await page.reload();
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to the repertoire' })).toBeVisible();

  await setUpProfile(page);
  await expect(page.getByText('Handing patients over safely between shifts.')).toBeVisible();
  await expect(page.getByText('the shared practice of our practice circle')).toBeVisible();
  await page.reload();
  await openApp(page);
  await expect(page.getByRole('banner')).toContainText('Night Shift Circle');
  await navigate(page, 'Knowledge map');
  await expect(page.getByText('Who in our practice circle knows what')).toBeVisible();
  await navigate(page, 'Self-assessment');
  await expect(page.getByRole('heading', { level: 1, name: 'How healthy is our practice circle?' })).toBeVisible();
});

test('members: directory, who am I, measured participation', async ({ page }) => {
  await openApp(page);
  await navigate(page, 'Members');
  await expect(page.getByText('No member is listed yet.')).toBeVisible();
  await checkAccessibility(page, 'Members (empty)');
  await addMember(page, { name: 'Ana', level: 'core', knows: 'handover', learning: 'sepsis', me: true });
  await expect(page.getByRole('banner')).toContainText('You are Ana');
  // A second member with the same name, differently cased, is refused.
  await page.getByRole('button', { name: 'Add a member' }).click();
  const form = page.getByRole('form', { name: 'Add a member' });
  await form.getByLabel('Name').fill(' ana ');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toContainText(/already/i);
  await form.getByLabel('Name').fill('Ben');
  await form.getByLabel('Topics they know about').fill('allergies');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /^Ben/ })).toBeVisible();
  await checkAccessibility(page, 'Members (two)');

  // A record by Ana is signed with her name and counted for her.
  await navigate(page, 'New activity');
  await page.getByRole('link', { name: /looking for a fact/ }).click();
  await expect(page.getByLabel('Your name')).toHaveValue('Ana');
  await page.getByLabel('Title').fill('Where is the allergy checklist?');
  await page.getByLabel('Your question').fill('Which checklist do night shifts use?');
  await page.getByLabel('How soon do you need it?').selectOption('normal');
  await page.getByLabel('Topics').fill('allergies');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Where is the allergy checklist?' })).toBeVisible();

  await page.reload();
  await openApp(page);
  await navigate(page, 'Members');
  const ana = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Ana/ }) });
  await expect(ana).toContainText('1 record, 0 contributions');
  await expect(ana).toContainText('Core');
  await expect(ana.locator('.badge')).toHaveText('you');
  await becomeMember(page, 'Ben');
  await expect(page.getByRole('banner')).toContainText('You are Ben');
});

test('two member editors open side by side keep their own ids, errors and focus', async ({ page }) => {
  await openApp(page);
  await addMember(page, { name: 'Ana', knows: 'handover' });
  await page.getByRole('button', { name: 'Add a member' }).click();
  const adding = page.getByRole('form', { name: 'Add a member' });
  const ana = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Ana/ }) });
  await ana.getByRole('button', { name: 'Edit' }).click();
  const editing = page.getByRole('form', { name: 'Edit Ana' });
  await expect(editing).toBeVisible();
  await expect(adding).toBeVisible();
  const duplicateIds = () =>
    page.evaluate(() => {
      const seen = new Map();
      for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
  expect(await duplicateIds()).toEqual([]);
  // Each label leads to its own form's control.
  await expect(editing.getByLabel('Name')).toHaveValue('Ana');
  await expect(adding.getByLabel('Name')).toHaveValue('');
  await expect(editing.getByLabel('How they take part')).toHaveCount(1);
  await expect(adding.getByLabel('How they take part')).toHaveCount(1);

  // A refused save speaks in its own form, and its links lead there.
  await editing.getByLabel('Name').fill('');
  await editing.getByRole('button', { name: 'Save' }).click();
  await expect(editing.getByRole('alert')).toContainText('Give a name');
  await expect(editing.getByRole('alert')).toBeFocused();
  await adding.getByRole('button', { name: 'Save' }).click();
  await expect(adding.getByRole('alert')).toBeFocused();
  expect(await duplicateIds()).toEqual([]);
  await editing.getByRole('alert').getByRole('link').first().click();
  await expect(editing.getByLabel('Name')).toBeFocused();
  await adding.getByRole('alert').getByRole('link').first().click();
  await expect(adding.getByLabel('Name')).toBeFocused();
  await checkAccessibility(page, 'Members with two editors open');

  // Each saves on its own.
  await editing.getByLabel('Name').fill('Ana Lima');
  await editing.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /^Ana Lima/ })).toBeVisible();
  await expect(adding).toBeVisible();
  await adding.getByLabel('Name').fill('Ben');
  await adding.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /^Ben/ })).toBeVisible();
});

test('the facts move on with the days while the page stays open', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
  await openApp(page);
  await createProblem(page);
  const recent = () =>
    page
      .getByRole('article', { name: 'Community' })
      .locator('dt', { hasText: 'last 90 days' })
      .locator('xpath=following-sibling::dd[1]');
  await navigate(page, 'Self-assessment');
  await expect(recent()).toHaveText(/^1\b/);
  // A hundred days later, in the same page, nothing written since.
  await page.clock.setSystemTime(new Date('2026-06-10T09:00:00Z'));
  await navigate(page, 'Home');
  await navigate(page, 'Self-assessment');
  await expect(recent()).toHaveText(/^0\b/);
});

test('the knowledge map shows a gap from an unanswered request, with next steps', async ({ page }) => {
  await openApp(page);
  await navigate(page, 'Knowledge map');
  await expect(page.getByRole('heading', { name: 'The map fills up as the community works' })).toBeVisible();
  await checkAccessibility(page, 'Knowledge map (empty)');
  await addMember(page, { name: 'Ana', knows: 'handover', learning: 'sepsis', me: true });
  await navigate(page, 'New activity');
  await page.getByRole('link', { name: /looking for a fact/ }).click();
  await page.getByLabel('Title').fill('Who has the sepsis screening card?');
  await page.getByLabel('Your question').fill('Where is the current screening card?');
  await page.getByLabel('How soon do you need it?').selectOption('high');
  await page.getByLabel('Topics').fill('Sepsis');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who has the sepsis screening card?' })).toBeVisible();

  await navigate(page, 'Knowledge map');
  const gaps = page.getByRole('region', { name: 'Gaps' });
  await expect(gaps).toContainText('sepsis');
  await expect(gaps).toContainText('one request left unanswered');
  await expect(page.getByRole('img', { name: /Topics down, people across/ })).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('row', { name: /^handover/ })).toContainText('Ana');
  await expect(table.getByRole('row', { name: /^sepsis/ })).toContainText('Ana');
  await checkAccessibility(page, 'Knowledge map with a gap');
  await page.getByRole('button', { name: 'Plan a visit about “sepsis”' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Visit/ })).toBeVisible();
  await expect(page.getByLabel('Topics')).toHaveValue('sepsis');
  await expect(page.getByLabel('Your name')).toHaveValue('Ana');

  // An answer closes the "unanswered" gap.
  await navigate(page, 'Repertoire');
  await page.getByRole('link', { name: 'Who has the sepsis screening card?' }).click();
  await page.getByLabel('Your answer').fill('In the red folder at the nurses’ station.');
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByText('In the red folder')).toBeVisible();
  await navigate(page, 'Knowledge map');
  await expect(page.getByRole('region', { name: 'Gaps' })).toContainText('No gap right now');
});

test('a self-assessment round: answers, privacy, scores, chart, trend, recommendation', async ({ page }) => {
  await openApp(page);
  await navigate(page, 'Self-assessment');
  await expect(page.getByText('No round yet.')).toBeVisible();
  await checkAccessibility(page, 'Self-assessment (empty)');
  await setUpProfileFromAssessment(page);
  await addMember(page, { name: 'Ana', me: true });
  await addMember(page, { name: 'Ben' });
  await addMember(page, { name: 'Cam' });

  // Bad input: a date that does not exist.
  await navigate(page, 'Self-assessment');
  await page.getByLabel('Open a new round dated').fill('');
  await page.getByRole('button', { name: 'Open the round' }).click();
  await expect(page.locator('#round-date-error')).toBeVisible();
  await openRound(page, '2026-05-01');

  await answerRound(page, { domain: 4, community: 4, practice: [2, 2, 1, 2, 'dk', 'dk'] });
  await checkAccessibility(page, 'Self-assessment after answering');
  await becomeMember(page, 'Ben');
  await answerRound(page, { domain: 5, community: 3, practice: 2 });
  await expect(page.getByText('2 members have answered so far.')).toBeVisible();
  await becomeMember(page, 'Cam');
  await answerRound(page, { domain: 4, community: [1, 5, 1, 5, 1, 5], practice: 1 });

  const results = page.getByRole('region', { name: 'Results of the round of 2026-05-01' });
  await expect(results.getByRole('article', { name: 'Domain' })).toContainText('75 of 100: strong');
  await expect(results.getByRole('article', { name: 'Practice' })).toContainText(/of 100: emergent/);
  await expect(results.getByRole('img', { name: /Median score per element/ })).toBeVisible();
  await expect(page.getByText('The trend appears once two rounds have results to compare.')).toBeVisible();
  await checkAccessibility(page, 'Self-assessment with results');

  // A second round, for the trend.
  await openRound(page, '2026-11-01');
  for (const name of ['Ana', 'Ben', 'Cam']) {
    await becomeMember(page, name);
    await answerRound(page, { domain: 4, community: 4, practice: 3 });
  }
  const trend = page.getByRole('region', { name: 'Trend across rounds' });
  await expect(trend.getByRole('img', { name: /Median score of each element per round/ })).toBeVisible();
  await expect(trend.getByRole('row', { name: /2026-05-01/ })).toBeVisible();
  await expect(trend.getByRole('row', { name: /2026-11-01/ })).toContainText('50');
  await checkAccessibility(page, 'Self-assessment with trend');

  // Reload: rounds and answers are kept; the weakest element leads to a form.
  await page.reload();
  await openApp(page);
  await navigate(page, 'Self-assessment');
  const advice = page.getByRole('region', { name: 'Recommended next steps' });
  await expect(advice).toContainText('(practice)');
  await advice.getByRole('button', { name: /Start: Documentation project/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Documentation project/ })).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveValue('Cam');
  await expect(page.getByLabel('Topics')).toHaveValue('handover, allergies');

  await navigate(page, 'Home');
  const health = page.getByRole('region', { name: 'Health of the three elements' });
  await expect(health).toContainText('Practice: 50 of 100, developing');
});

async function setUpProfileFromAssessment(page) {
  await navigate(page, 'Home');
  await setUpProfile(page);
}
