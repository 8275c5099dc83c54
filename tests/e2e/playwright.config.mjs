// End-to-end tests against the release build in dist/, served on 127.0.0.1.
// Chromium is Debian's (/usr/bin/chromium): Playwright never downloads one.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const port = Number(process.env.E2E_PORT ?? 4173);
export const hostPort = Number(process.env.E2E_HOST_PORT ?? 4175);

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: here,
  testMatch: '*.spec.mjs',
  outputDir: path.join(here, 'results'),
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  webServer: [
    {
      command: `python3 -m http.server ${port} --bind 127.0.0.1 --directory ${path.join(root, 'dist')}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: 'ignore',
      stderr: 'ignore',
    },
    {
      // The example intranet page with two widgets, under a strict CSP.
      command: `node ${path.join(here, 'host-server.mjs')} ${hostPort}`,
      url: `http://127.0.0.1:${hostPort}/examples/host.html`,
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
    { name: 'phone', use: { viewport: { width: 360, height: 740 }, hasTouch: true } },
  ],
});
