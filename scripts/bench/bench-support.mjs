/** Shared by the benchmark scripts: serve dist/ on a port and launch the same Chromium the tests use. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** Starts scripts/cli/serve.mjs for a built folder; returns the child process to kill afterwards. */
export async function serveSite(port, dir = 'dist') {
  const server = spawn('node', ['scripts/cli/serve.mjs', '--port', String(port), '--dir', dir], {
    stdio: 'ignore',
  });
  await new Promise((r) => setTimeout(r, 500));
  return server;
}

/** `extraArgs`: Chromium switches one benchmark needs (a host name mapped to this machine, …). */
export function launchChromium(extraArgs = []) {
  return chromium.launch({
    ...(chromiumPath ? { executablePath: chromiumPath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', ...extraArgs],
  });
}
