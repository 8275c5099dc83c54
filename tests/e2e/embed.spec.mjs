// Repertoire embedded in an intranet page: two widgets with their own
// namespaces, hostile host CSS, a strict CSP, the host's address untouched.
import { test, expect, checkAccessibility } from './fixtures.mjs';
import { hostPort } from './playwright.config.mjs';

const host = `http://127.0.0.1:${hostPort}/examples/host.html`;
const north = (page) => page.getByRole('region', { name: 'Repertoire of North ward nurses' });
const south = (page) => page.getByRole('region', { name: 'Repertoire of South ward guild' });

/** Collects CSP violations from the first script on. */
async function watchCsp(page) {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}

async function openHost(page) {
  await page.goto(host);
  await expect(north(page).getByRole('heading', { level: 1, name: 'Welcome to North ward nurses' })).toBeVisible();
  await expect(south(page).getByRole('heading', { level: 1, name: 'Repertoire' })).toBeVisible();
}

async function addMember(widget, name) {
  await widget.getByRole('link', { name: 'Members' }).click();
  await widget.getByRole('button', { name: 'Add a member' }).click();
  const form = widget.getByRole('form', { name: 'Add a member' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(widget.getByRole('heading', { level: 3, name: new RegExp(`^${name}`) })).toBeVisible();
}

const HOST_ELEMENTS = ['#host-title', '#host-text', '#host-home', 'body'];
const PROPS = ['font-size', 'font-family', 'color', 'background-color', 'text-transform', 'display', 'margin-top', 'line-height'];

async function hostStyles(page) {
  return page.evaluate(
    ([selectors, props]) =>
      selectors.map((s) => {
        const style = getComputedStyle(document.querySelector(s));
        return [s, props.map((p) => style.getPropertyValue(p))];
      }),
    [HOST_ELEMENTS, PROPS],
  );
}

test('two widgets work side by side under a strict CSP, with separate data', async ({ page }) => {
  await watchCsp(page);
  await openHost(page);
  const path = new URL(page.url()).pathname;

  // South opened on its repertoire, dark and compact, as its element asks.
  const southApp = south(page);
  await expect(southApp).toHaveClass(/theme-dark/);
  await expect(southApp).toHaveClass(/compact/);
  expect(await southApp.evaluate((el) => getComputedStyle(el).fontSize)).toBe('14px');
  expect(await north(page).evaluate((el) => getComputedStyle(el).fontSize)).toBe('16px');
  // A skip link would lead into the host page: widgets have none.
  await expect(page.getByRole('link', { name: 'Skip to content' })).toHaveCount(0);

  // A record in the north widget.
  const n = north(page);
  await n.getByRole('link', { name: 'New activity', exact: true }).click();
  await n.getByRole('link', { name: /looking for a fact/ }).click();
  await n.getByLabel('Title').fill('Where is the north ward rota?');
  await n.getByLabel('Your question').fill('Which folder holds the rota for December?');
  await n.getByLabel('How soon do you need it?').selectOption('normal');
  await n.getByLabel('Your name').fill('Ana');
  await n.getByRole('button', { name: 'Save' }).click();
  await expect(n.getByRole('heading', { level: 1, name: 'Where is the north ward rota?' })).toBeVisible();
  // Navigating inside the widget leaves the host's address alone.
  expect(new URL(page.url()).pathname).toBe(path);
  expect(new URL(page.url()).hash).toBe('');

  // A member in the south widget.
  const s = south(page);
  await addMember(s, 'Sam');
  expect(new URL(page.url()).pathname).toBe(path);

  await page.reload();
  await openHost(page);
  await north(page).getByRole('link', { name: 'Repertoire', exact: true }).click();
  await expect(north(page).getByRole('link', { name: 'Where is the north ward rota?' })).toBeVisible();
  await expect(south(page).getByText('Nothing here yet: start from a need')).toBeVisible();
  await south(page).getByRole('link', { name: 'Members' }).click();
  await expect(south(page).getByRole('heading', { level: 3, name: /^Sam/ })).toBeVisible();
  await north(page).getByRole('link', { name: 'Members' }).click();
  await expect(north(page).getByText('No member is listed yet.')).toBeVisible();

  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
});

test.describe('styles', () => {
  // Blocking the widget script on purpose logs a failed load.
  test.use({ allowedErrors: [/Failed to load resource|ERR_FAILED/] });
  test('the host page keeps its own styles, and the widget keeps its own', async ({ page }) => {
  // The host page as it looks without Repertoire…
  await page.route('**/repertoire-widget.js', (route) => route.abort());
  await page.goto(host);
  const before = await hostStyles(page);
  await page.unroute('**/repertoire-widget.js');
  // …and with it.
  await openHost(page);
  expect(await hostStyles(page)).toEqual(before);
  // The host's `* { font-size: 30px }`, uppercase and `div { display: flex }`
  // do not reach inside.
  const title = north(page).getByRole('heading', { level: 1 });
  // 1.6em of the widget's 16px (1.35em on a phone), whatever the host says.
  expect(['25.6px', '21.6px']).toContain(await title.evaluate((el) => getComputedStyle(el).fontSize));
  expect(await title.evaluate((el) => getComputedStyle(el).textTransform)).toBe('none');
  const nav = north(page).getByRole('navigation');
  expect(await nav.evaluate((el) => getComputedStyle(el).display)).toBe('block');
  });
});

test.describe('accessibility', () => {
  // axe-core is injected as an inline script, which the page's CSP forbids;
  // the CSP itself is checked in the first test.
  test.use({ bypassCSP: true });
  test('the host page with its widgets has no axe violations', async ({ page }) => {
  await openHost(page);
  await checkAccessibility(page, 'host page with two widgets');
  await north(page).getByRole('link', { name: 'Data' }).click();
  await expect(north(page).getByText(/kept in this browser only, for http:\/\/127\.0\.0\.1/)).toBeVisible();
  await expect(north(page).getByText(/every page of this site that shows the same repertoire shares its data/)).toBeVisible();
  await checkAccessibility(page, 'host page, widget on Data');
  });
});

test('a widget offers its namespace as a full page, which shares its data', async ({ page, context }) => {
  await openHost(page);
  const n = north(page);
  await addMember(n, 'Noor');
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective));
  });
  const [full] = await Promise.all([
    context.waitForEvent('page'),
    n.getByRole('link', { name: 'Open as a full page' }).click(),
  ]);
  expect(new URL(full.url()).search).toBe('?namespace=north');
  // The standalone page runs under the same strict CSP.
  await full.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
  await expect(full.getByRole('heading', { level: 3, name: /^Noor/ })).toBeVisible();
  expect(await full.evaluate(() => window.cspViolations)).toEqual([]);
});

test('an import into a widget is checked and written by the import worker, under the CSP', async ({ page }) => {
  await watchCsp(page);
  await openHost(page);
  const n = north(page);
  await addMember(n, 'Noor');
  await n.getByRole('link', { name: 'Data' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    n.getByRole('button', { name: 'Download the export (JSON)' }).click(),
  ]);

  const s = south(page);
  await s.getByRole('link', { name: 'Data' }).click();
  await s.getByLabel('Choose an export file (JSON)').setInputFiles(await download.path());
  await expect(s.getByRole('status').filter({ hasText: 'can be imported' })).toContainText('1 member to add or update');
  // One worker for the two widgets' Data views, checking the file: it
  // started under the host's policy, it is still running, and it will write.
  const workers = page.workers();
  expect(workers.map((worker) => worker.url())).toEqual([expect.stringMatching(/\/import-worker\.js$/)]);
  expect(await workers[0].evaluate(() => typeof self.postMessage)).toBe('function');
  await s.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(s.getByRole('status').first()).toContainText('Imported:');
  await s.getByRole('link', { name: 'Members' }).click();
  await expect(s.getByRole('heading', { level: 3, name: /^Noor/ })).toBeVisible();
  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
});

test('a widget with a bad namespace says so instead of failing silently', async ({ page }) => {
  await page.goto(host);
  await page.evaluate(() => {
    const widget = document.createElement('repertoire-widget');
    widget.setAttribute('namespace', 'Not Valid!');
    widget.id = 'bad';
    document.body.append(widget);
  });
  await expect(page.locator('#bad').getByRole('alert')).toContainText('cannot be used');
});

test.describe('storage refused to the widget', () => {
  test.use({ allowedErrors: [/SecurityError|denied/i] });
  test('the widget says the repertoire cannot be opened, in words', async ({ page }) => {
    // As in a frame whose browser settings refuse site data.
    await page.addInitScript(() => {
      IDBFactory.prototype.open = function () {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    });
    await page.goto(host);
    for (const widget of [north(page), south(page)]) {
      await expect(widget.getByRole('heading', { name: 'The repertoire cannot be opened' })).toBeVisible();
      await expect(widget).toContainText('does not let Repertoire store data here');
    }
  });
});

test('the first save asks the browser to keep the data, once', async ({ page }) => {
  await page.addInitScript(() => {
    window.persistRequests = 0;
    const original = StorageManager.prototype.persist;
    StorageManager.prototype.persist = function () {
      window.persistRequests += 1;
      return original.call(this);
    };
  });
  await openHost(page);
  const n = north(page);
  for (const title of ['Where is the night rota?', 'Who has the ward keys?']) {
    await n.getByRole('link', { name: 'New activity', exact: true }).click();
    await n.getByRole('link', { name: /looking for a fact/ }).click();
    await n.getByLabel('Title').fill(title);
    await n.getByLabel('Your question').fill('Does anyone know?');
    await n.getByLabel('How soon do you need it?').selectOption('low');
    await n.getByLabel('Your name').fill('Ana');
    await n.getByRole('button', { name: 'Save' }).click();
    await expect(n.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }
  expect(await page.evaluate(() => window.persistRequests)).toBe(1);
});
