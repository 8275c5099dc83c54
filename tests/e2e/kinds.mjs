// One filled form per activity kind, by the labels members see, and the
// contribution each kind takes.
export const kinds = [
  {
    slug: 'problem-solving',
    need: /I'm stuck/,
    title: 'Printer driver breaks after updates',
    fields: {
      'What are you trying to achieve?': 'Printing works the morning after an update.',
      'Where exactly are you stuck?': 'The driver resets to a generic one.',
    },
    contribute: { 'Your idea': 'Pin the driver version in the update policy.' },
    button: 'Add an idea',
  },
  {
    slug: 'information-request',
    need: /looking for a fact/,
    title: 'Where is the fire drill checklist?',
    fields: { 'Your question': 'Where is the checklist from the last drill?' },
    choices: { 'How soon do you need it?': 'high' },
    contribute: { 'Your answer': 'On the shared drive, folder Safety.' },
    button: 'Answer',
  },
  {
    slug: 'seeking-experience',
    need: /hear from someone/,
    title: 'Moving to a four-day week',
    fields: { 'The situation you face': 'Our team moves to a four-day week.', 'What you want to learn': 'What went wrong in the first month.' },
    contribute: { 'What happened': 'Clients called on Fridays.', 'What worked': 'An answering rota.' },
    button: 'Share your experience',
  },
  {
    slug: 'reusing-assets',
    need: /could adapt/,
    title: 'Volunteer onboarding deck',
    fields: { 'What it is and what it is for': 'Twelve slides for volunteer day.', 'Link or content': 'https://intranet.example/decks/onboarding' },
    choices: { 'What kind of asset is it?': 'slides' },
    contribute: { 'What you reused it for': 'East clinic volunteer day.', 'How it went': 'Saved a day of work.' },
    button: 'Log a reuse',
  },
  {
    slug: 'coordination',
    need: /joining forces/,
    title: 'One first-aid trainer for three clinics',
    fields: { 'What to coordinate': 'Book one trainer for all clinics.', 'Expected benefit': 'About 30% off the fee.' },
    contribute: { 'Note (optional)': 'Clinic 2 is in.' },
    button: 'Join',
    conclude: ['Record the result', 'Saved 900 euros.'],
  },
  {
    slug: 'discussing-developments',
    need: /Something new/,
    title: 'The accessibility act from June',
    fields: { 'What is new?': 'The accessibility act.', 'The question to discuss': 'Which forms must change?' },
    contribute: { 'Your opinion': 'Start with the intake form.' },
    stance: /Trial/,
    button: 'Give your opinion',
    conclude: ['Record the verdict', 'Adopt for all new forms.'],
  },
  {
    slug: 'documentation-project',
    need: /keeps coming back/,
    title: 'Printer driver fix, written down',
    fields: { 'The recurring problem': 'The driver breaks after updates.', 'The document': '## Fix\nPin the driver version.' },
    contribute: { 'Your comment': 'Add a screenshot of the policy.' },
    button: 'Comment',
  },
  {
    slug: 'visit',
    need: /see how someone else/,
    title: 'Morning at the east repair shop',
    fields: { Host: "Kim's repair shop", 'What the visitors want to learn': 'How walk-ins are scheduled.' },
    contribute: { 'Note (optional)': 'I can drive.' },
    button: 'Join the visit',
    conclude: ['Write the report of learnings', 'Walk-ins are batched at 10:00.'],
  },
  {
    slug: 'mapping',
    need: /Who knows what/,
    title: 'Who knows our billing systems',
    fields: { 'Area being mapped': 'Billing systems', 'Experts per topic': 'invoicing: Ana, Lee', 'Gaps found': 'tax rules abroad' },
    contribute: { 'Your comment': 'Sam knows refunds.' },
    button: 'Comment',
  },
];

/** Creates a record of `kind` through New activity, as a member would. */
export async function createKind(page, kind, { title = kind.title, author = 'Robin', topics = 'operations' } = {}) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New activity' }).click();
  await page.getByRole('link', { name: kind.need }).click();
  await page.getByLabel(/^Title/).fill(title);
  for (const [label, value] of Object.entries(kind.fields)) {
    await page.getByLabel(new RegExp(`^${escape(label)}`)).fill(value);
  }
  for (const [label, value] of Object.entries(kind.choices ?? {})) {
    await page.getByLabel(new RegExp(`^${escape(label)}`)).selectOption(value);
  }
  await page.getByLabel(/^Topics/).fill(topics);
  await page.getByLabel(/^Your name/).fill(author);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** Adds the kind's contribution on its record page. */
export async function contribute(page, kind, author = 'Lee') {
  const form = page.locator('form.contribute');
  if (kind.stance) await form.getByLabel(kind.stance).check();
  for (const [label, value] of Object.entries(kind.contribute)) {
    await form.getByLabel(new RegExp(`^${escape(label)}`)).fill(value);
  }
  await form.getByLabel(/^Your name/).fill(author);
  await form.getByRole('button', { name: kind.button, exact: true }).click();
  await page.getByRole('status').getByText('your contribution is saved').waitFor();
}

export function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
