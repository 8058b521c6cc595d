/**
 * Shared e2e helpers: an axe check at WCAG 2.1 AA, and a guard that fails a test when the page
 * logs an error or asks for anything outside the site's own origin.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export const test = base.extend<{
  /** Console errors a test provokes on purpose (a file made to fail); any other still fails it. */
  expectedConsoleErrors: RegExp | undefined;
  guard: { consoleErrors: string[]; foreignRequests: string[] };
}>({
  expectedConsoleErrors: [undefined, { option: true }],
  guard: [
    async ({ page, baseURL, expectedConsoleErrors }, use) => {
      const consoleErrors: string[] = [];
      const foreignRequests: string[] = [];
      const cspViolations: string[] = [];
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      // A page visited on purpose that does not exist (the 404 test) logs its own status; any
      // other failed load is a broken asset and counts.
      const documents = new Set<string>();
      page.on('request', (req) => {
        if (req.isNavigationRequest()) documents.add(req.url());
      });
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        if (/^Failed to load resource/.test(msg.text()) && documents.has(msg.location().url)) return;
        if (expectedConsoleErrors?.test(msg.text())) return;
        consoleErrors.push(msg.text());
      });
      page.on('pageerror', (err) => consoleErrors.push(err.message));
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (
          !['data:', 'blob:'].includes(url.protocol) &&
          url.origin !== origin &&
          !url.origin.startsWith('http://127.0.0.1')
        )
          foreignRequests.push(req.url());
      });
      const guard = { consoleErrors, foreignRequests };
      // Some violations (a blocked eval inside try/catch) never reach the console on their own.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) =>
          console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      page.on('console', (msg) => {
        if (/Content[ -]Security[ -]Policy/i.test(msg.text())) cspViolations.push(msg.text());
      });
      await use(guard);
      expect(foreignRequests, 'requests left the site origin').toEqual([]);
      expect(consoleErrors, 'the page logged an error').toEqual([]);
      expect(cspViolations, 'the Content-Security-Policy blocked something').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}
