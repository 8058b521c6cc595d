import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * The e2e tests drive the built site (dist/ at "/", dist-handbook/ at "/handbook/") in Chromium.
 * By default that is Debian's /usr/bin/chromium; set CHROMIUM_PATH to use another binary, or
 * CHROMIUM_PATH="" to use a browser installed by Playwright itself.
 */
const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '');

// Overridable so that several copies of the repository can run their e2e tests side by side.
export const ROOT_PORT = Number(process.env.E2E_ROOT_PORT ?? 4821);
export const SUBPATH_PORT = Number(process.env.E2E_SUBPATH_PORT ?? ROOT_PORT + 1);
export const ROOT_ORIGIN = `http://127.0.0.1:${ROOT_PORT}`;
export const SUBPATH_ORIGIN = `http://127.0.0.1:${SUBPATH_PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  ...(process.env.CI ? { workers: 2 } : {}),
  forbidOnly: true,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 45_000,
  // A first search starts Pagefind's worker and loads its WebAssembly and index; on a busy
  // two-core CI machine that has taken longer than Playwright's default 5 s wait.
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${ROOT_PORT}`,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    // A service worker answers requests before page.route() sees them, and every fresh context
    // would copy the whole site; only the specs about the offline copy (and the budgets, which
    // must hold with it) turn it on, with test.use({ serviceWorkers: 'allow' }).
    serviceWorkers: 'block',
    launchOptions: {
      ...(chromiumPath ? { executablePath: chromiumPath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: `node scripts/cli/serve.mjs --port ${ROOT_PORT} --dir dist --base /`,
      url: `http://127.0.0.1:${ROOT_PORT}/`,
      reuseExistingServer: false,
    },
    {
      command: `node scripts/cli/serve.mjs --port ${SUBPATH_PORT} --dir dist-handbook --base /handbook/`,
      url: `http://127.0.0.1:${SUBPATH_PORT}/handbook/`,
      reuseExistingServer: false,
    },
  ],
});
