import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Browser, chromium, Page } from 'playwright-core';
import { repoRoot } from '../testing/startBackendProcess';

/** Where browser tests save what a person would have seen (git-ignored). */
export const screenshotsDir = path.join(repoRoot, 'test-results/screenshots');

const appDist = path.join(repoRoot, 'packages/app/dist/index.html');

/**
 * The production bundle is what the backend serves; build it when missing.
 * Jest sets NODE_ENV=test, which the app's browserslist has no entry for and
 * the bundler then refuses, so the build gets its own production setting.
 */
export function ensureAppBuilt() {
  if (fs.existsSync(appDist)) return;
  const result = spawnSync('yarn', ['workspace', 'app', 'build'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('yarn workspace app build failed');
}

/**
 * Debian's Chromium, never a downloaded browser; without the networking
 * flags Chromium keeps trying to reach Google's hosts on this closed network.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PORTAL_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function saveScreenshot(page: Page, name: string) {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  const file = path.join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Keeps the last screen of a failing step for diagnosis, then fails. */
export async function withFailureScreenshot(
  page: Page,
  name: string,
  steps: () => Promise<void>,
) {
  try {
    await steps();
  } catch (error) {
    await saveScreenshot(page, `${name}-failure`);
    throw error;
  }
}

/**
 * Fails on what a person would see as breakage: uncaught page errors and
 * React error boundaries ("Something Went Wrong").
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', error => errors.push(error.message));
  page.on('console', message => {
    if (message.type() === 'error' && /ErrorBoundary/.test(message.text())) {
      errors.push(message.text());
    }
  });
  return errors;
}

/**
 * Answers the local GitLab's OAuth windows as `username` would: "Sign in as"
 * that person, then "Authorize". Backstage opens one for sign-in and another
 * when a template asks for the person's token with write scopes.
 */
export function answerGitlabPopups(page: Page, username: string) {
  page.on('popup', async popup => {
    try {
      await popup.waitForLoadState();
      const signInAs = popup.getByRole('button', {
        name: new RegExp(`Sign in as .*\\(${username.replace('.', '\\.')}\\)`),
      });
      const authorize = popup.getByRole('button', { name: 'Authorize' });
      await signInAs.or(authorize).first().waitFor();
      if (await signInAs.count()) await signInAs.click();
      await authorize.click();
    } catch {
      // The window closed on its own (GitLab remembered the grant).
    }
  });
}
