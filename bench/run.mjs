// The benchmark: Repertoire and its peers, in one run, on the same data, in
// headless Chromium. `make bench` builds the release bundle first; then
//
//   node bench/run.mjs [--tiny] [--reps N] [--only import,cold,search,memory] [--out FILE]
//
// prints one table and writes it as JSON (target/bench/results.json).
// docs/performance.md says how to read it. --tiny runs every measure on a
// few hundred records, once: the test suite does that so the benchmark
// cannot rot. Nothing here asserts a time.
import { chromium } from 'playwright-core';
import { execFileSync, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, openSync, closeSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};

const tiny = flag('--tiny');
const small = tiny ? 200 : 10_000;
const large = tiny ? 600 : 100_000;
const reps = Number(option('--reps', tiny ? 1 : 3));
// e.g. --only search,cold: the others are skipped (the data is still imported once).
const only = option('--only', 'import,cold,search,memory').split(',');
const out = path.resolve(root, option('--out', tiny ? 'target/bench/results-tiny.json' : 'target/bench/results.json'));
const dataDir = path.join(root, 'target/bench');
const SEED = 2026;
// Typed one key at a time: words from titles, fields and a member's name.
const QUERIES = ['checklist', 'night shift', 'escalation path', 'ward 3', 'noor berg'];

function log(message) {
  process.stderr.write(`${message}\n`);
}

// ---------------------------------------------------------------- data

function dataSet(count) {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, `data-${count}-${SEED}.json`);
  log(`generating ${count} records (seed ${SEED})`);
  const fd = openSync(file, 'w');
  try {
    // The tiny run reuses the test build; a real run wants the generator fast.
    const profile = tiny ? [] : ['--release'];
    execFileSync('cargo', ['run', '--quiet', ...profile, '--example', 'bench-data', '--', String(count), String(SEED)], {
      cwd: root,
      stdio: ['ignore', fd, 'inherit'],
    });
  } finally {
    closeSync(fd);
  }
  return { count, file, url: `/data/${path.basename(file)}`, bytes: statSync(file).size };
}

// ---------------------------------------------------------------- server

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml' };
const ROUTES = [
  ['/bench/', path.join(root, 'bench/pages/')],
  ['/data/', `${dataDir}/`],
  ['/vendor/dexie.mjs', path.join(root, 'node_modules/dexie/dist/dexie.mjs')],
  ['/vendor/minisearch.mjs', path.join(root, 'node_modules/minisearch/dist/es/index.js')],
  ['/', path.join(root, 'dist/')],
];

function serve() {
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://localhost');
    let wanted = decodeURIComponent(url.pathname);
    if (wanted.endsWith('/')) wanted += 'index.html';
    const [prefix, target] = ROUTES.find(([p]) => wanted.startsWith(p));
    const file = target.endsWith('/') ? path.normalize(path.join(target, wanted.slice(prefix.length))) : target;
    if (!file.startsWith(target)) return response.writeHead(403).end();
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------------------------------------------------------------- figures

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

// ---------------------------------------------------------------- Repertoire

const timeout = tiny ? 60_000 : 600_000;

async function openData(page, base) {
  await page.goto(`${base}/#/data`);
  await page.getByLabel('Choose an export file (JSON)').waitFor({ timeout });
}

// Through the app's own path: choose the file, read the summary, confirm,
// wait for the last word. Timed by the page's clock, from the file input's
// change event, so the driver's own file transfer is not counted.
// Returns [checking ms, writing ms].
async function appImport(page, base, data) {
  await openData(page, base);
  await page.evaluate(() => {
    const marks = (window.benchImport = {});
    document.getElementById('import-file').addEventListener('change', () => {
      marks.chosen = performance.now();
    });
    new MutationObserver(() => {
      const text = document.body.textContent;
      if (marks.ready === undefined && text.includes('can be imported')) marks.ready = performance.now();
      if (marks.done === undefined && /Imported:/.test(text)) marks.done = performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByLabel('Choose an export file (JSON)').setInputFiles(data.file);
  await page.getByText('can be imported').waitFor({ timeout });
  await page.getByRole('button', { name: 'Import', exact: true }).evaluate((button) => {
    window.benchImport.confirmed = performance.now();
    button.click();
  });
  await page.getByRole('status').getByText(/^Imported:/).waitFor({ timeout });
  const { chosen, ready, confirmed, done } = await page.evaluate(() => window.benchImport);
  return [ready - chosen, done - confirmed];
}

// Marks when 50 rows are in the page and when the main thread is next
// free; and when the whole repertoire is loaded (the search box appears;
// the plain page has none, and has read everything by then).
function watchRows() {
  const wanted = 50;
  new MutationObserver((_, observer) => {
    if (window.benchVisible === undefined && document.querySelectorAll('.row').length >= wanted) {
      window.benchVisible = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        window.benchInteractive = performance.now();
      };
      channel.port2.postMessage(0);
    }
    const plain = document.getElementById('list') !== null;
    if (window.benchVisible !== undefined && (plain || document.getElementById('search'))) {
      window.benchComplete = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

// [interactive ms, whole repertoire loaded ms]
async function coldStart(context, url) {
  const page = await context.newPage();
  await page.addInitScript(watchRows);
  await page.goto(url);
  await page.waitForFunction(() => window.benchInteractive !== undefined && window.benchComplete !== undefined, null, { timeout });
  const ms = await page.evaluate(() => [window.benchInteractive, Math.max(window.benchComplete, window.benchInteractive)]);
  await page.close();
  return ms;
}

// Types each query into the app's search box, one key per task; per
// keystroke: the input event, the app's work, and a forced layout.
async function appType(page, queries) {
  return page.evaluate(async (queries) => {
    const input = document.getElementById('search');
    const nextTask = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });
    const times = [];
    for (const query of queries) {
      for (let i = 1; i <= query.length; i += 1) {
        const start = performance.now();
        input.value = query.slice(0, i);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await nextTask();
        void document.body.offsetHeight;
        times.push(performance.now() - start);
      }
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await nextTask();
    }
    return times;
  }, queries);
}

async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(async () => {
    const bundle = await import('/repertoire-app.js');
    const exports = await bundle.default();
    return exports.memory.buffer.byteLength;
  });
  return { js: usedSize, wasm };
}

// ---------------------------------------------------------------- bundle

function bundle() {
  // The size report fails above its ceiling; its figures are still wanted.
  const text = spawnSync('bash', ['scripts/size.sh', 'dist'], { cwd: root, encoding: 'utf8' }).stdout;
  const row = (kind) => {
    const line = text.split('\n').find((l) => l.startsWith(kind));
    const [, raw, gzip, brotli] = line.trim().split(/\s+/).map(Number);
    return { raw, gzip, brotli };
  };
  return { total: row('total'), wasm: row('wasm'), js: row('js'), css: row('css'), html: row('html') };
}

// ---------------------------------------------------------------- run

async function main() {
  const sets = { small: dataSet(small), large: dataSet(large) };
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const rows = [];
  const add = (row) => {
    rows.push(row);
    log(`  ${row.measure} at ${row.records ?? '-'}: ${JSON.stringify(row.repertoire)}`);
  };
  try {
    const peerPage = async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/bench/peers.html`);
      return { context, page };
    };

    // Import, and the contexts that keep each imported set for the rest.
    const kept = {};
    for (const set of [sets.small, sets.large]) {
      if (!only.includes('import')) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await appImport(page, base, set);
        kept[set.count] = { context, page };
        continue;
      }
      log(`import of ${set.count} records (${(set.bytes / 1e6).toFixed(1)} MB), ${reps} times each`);
      const app = [], check = [], dexie = [], plain = [];
      for (let r = 0; r < reps; r += 1) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const [checking, writing] = await appImport(page, base, set);
        app.push(checking + writing);
        check.push(checking);
        if (r === reps - 1) kept[set.count] = { context, page };
        else await context.close();
        const peer = await peerPage();
        dexie.push(await peer.page.evaluate((url) => window.dexieImport(url), set.url));
        plain.push(await peer.page.evaluate((url) => window.plainImport(url), set.url));
        await peer.context.close();
      }
      add({ measure: 'import (ms)', records: set.count, repertoire: summary(app), note: `of which reading, checking and planning the file: ${Math.round(summary(check).median)} ms`, peers: { 'Dexie bulkPut': summary(dexie), 'plain IndexedDB put loop': summary(plain) }, targets: { 'Dexie bulkPut': 1.0, 'plain IndexedDB put loop': 1.5 } });
    }

    // Cold start with the small set: a fresh page on the stored data.
    if (only.includes('cold')) {
      const { context } = kept[small];
      log(`cold start with ${small} records, ${reps + 2} times each`);
      const app = [], plain = [], appAll = [], plainAll = [];
      await coldStart(context, `${base}/#/repertoire`);
      await coldStart(context, `${base}/bench/plain.html`);
      for (let r = 0; r < reps + 2; r += 1) {
        const [mine, mineAll] = await coldStart(context, `${base}/#/repertoire`);
        const [theirs, theirsAll] = await coldStart(context, `${base}/bench/plain.html`);
        app.push(mine);
        appAll.push(mineAll);
        plain.push(theirs);
        plainAll.push(theirsAll);
      }
      add({ measure: 'cold start: navigation to 50 rows, interactive (ms)', records: small, repertoire: summary(app), peers: { 'plain JS page': summary(plain) }, targets: { 'plain JS page': 1.5 } });
      add({ measure: 'cold start: navigation to every record loaded (ms)', records: small, repertoire: summary(appAll), note: 'Repertoire shows the 50 latest first, read through its index, then loads the rest; search and filters appear then', peers: { 'plain JS page': summary(plainAll) }, targets: {} });
    }

    // Search as you type, over both sets.
    for (const set of only.includes('search') ? [sets.small, sets.large] : []) {
      const { page } = kept[set.count];
      log(`search as you type over ${set.count} records`);
      await page.goto(`${base}/#/repertoire`);
      await page.locator('#search').waitFor({ timeout });
      await page.locator('.row').first().waitFor({ timeout });
      // A member reads the list before typing; meanwhile the app folds the
      // search texts in the background.
      await page.waitForTimeout(tiny ? 100 : 2_000);
      const app = [];
      for (let r = 0; r < reps; r += 1) app.push(...(await appType(page, QUERIES)));
      const peer = await peerPage();
      const indexing = await peer.page.evaluate((url) => window.miniSearchIndex(url), set.url);
      const mini = [];
      for (let r = 0; r < reps; r += 1) {
        for (const query of QUERIES) mini.push(...(await peer.page.evaluate((q) => window.miniSearchType(q), query)));
      }
      await peer.context.close();
      add({ measure: 'search, per keystroke (ms)', records: set.count, repertoire: summary(app), note: `MiniSearch indexing took ${Math.round(indexing)} ms`, peers: { MiniSearch: summary(mini) }, targets: { MiniSearch: 1.0 }, p95Target: set.count >= 100_000 ? 50 : 16 });
    }

    // Memory with the small set loaded.
    if (only.includes('memory')) {
      const { page } = kept[small];
      await page.goto(`${base}/#/repertoire`);
      await page.locator('.row').first().waitFor({ timeout });
      const { js, wasm } = await memory(page);
      add({ measure: 'memory, JS heap (MB)', records: small, repertoire: { median: js / 1e6 } });
      add({ measure: 'memory, wasm (MB)', records: small, repertoire: { median: wasm / 1e6 } });
    }
    for (const { context } of Object.values(kept)) await context.close();

    const sizes = bundle();
    add({ measure: 'bundle, brotli (bytes)', repertoire: { median: sizes.total.brotli }, limit: 400_000 });
    add({ measure: 'bundle, gzip (bytes)', repertoire: { median: sizes.total.gzip } });

    const result = {
      when: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, chromium: browser.version() },
      tiny,
      repetitions: reps,
      data: Object.values(sets).map(({ count, bytes }) => ({ records: count, bytes, seed: SEED })),
      rows,
    };
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(table(result));
    log(`written to ${path.relative(root, out)}`);
  } finally {
    await browser.close();
    server.close();
  }
}

// ---------------------------------------------------------------- table

const figure = (x) => (x >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(1));
const spread = (s) => (s.n > 1 ? `${figure(s.median)} (${figure(s.min)}–${figure(s.max)})` : figure(s.median));

function table(result) {
  const lines = [['measure', 'records', 'Repertoire', 'peer', 'peer figure', 'ratio', 'target']];
  for (const row of result.rows) {
    const mine = row.repertoire;
    const records = row.records?.toLocaleString('en') ?? '';
    const peers = Object.entries(row.peers ?? {});
    if (peers.length === 0) {
      const target = row.limit ? `≤ ${row.limit.toLocaleString('en')}` : '';
      lines.push([row.measure, records, spread({ ...mine, n: mine.n ?? 1, min: mine.min ?? mine.median, max: mine.max ?? mine.median }), '', '', '', target]);
    }
    for (const [name, theirs] of peers) {
      const ratio = mine.median / theirs.median;
      lines.push([row.measure, records, spread(mine), name, spread(theirs), ratio.toFixed(2), row.targets[name] === undefined ? '' : `≤ ${row.targets[name].toFixed(1)}`]);
    }
    if (row.p95Target) {
      lines.push([row.measure.replace('(ms)', 'p95 (ms)'), records, figure(mine.p95), 'MiniSearch p95', figure(row.peers.MiniSearch.p95), '', `≤ ${row.p95Target} ms`]);
    }
  }
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => String(l[i]).length)));
  const render = (l) => l.map((cell, i) => String(cell).padEnd(widths[i])).join('  ').trimEnd();
  const head = `Repertoire benchmark${result.tiny ? ' (tiny run: checks the harness, figures mean nothing)' : ''}\n` +
    `${result.machine.cpus} cores, ${result.machine.cpu}; Chromium ${result.machine.chromium}; ` +
    `median (min–max) of ${result.repetitions} repetitions; ratio = Repertoire / peer, lower is better\n\n`;
  const notes = result.rows.filter((row) => row.note).map((row) => `- ${row.measure}, ${row.records?.toLocaleString('en')} records: ${row.note}`);
  return `${head}${render(lines[0])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${lines.slice(1).map(render).join('\n')}\n\n${notes.join('\n')}\n`;
}

main().catch((error) => {
  log(error?.stack ?? String(error));
  process.exit(1);
});
