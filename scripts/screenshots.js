#!/usr/bin/env node
// Refreshes the README screenshots from a running portal (`./portal start`):
//   node scripts/screenshots.js [http://localhost:3000]
// Uses Debian's Chromium through playwright-core; never downloads a browser.
const path = require('node:path');
const { chromium } = require('playwright-core');

const base = process.argv[2] ?? 'http://localhost:3000';
const out = path.join(__dirname, '..', 'docs', 'images');

const shots = [
  {
    name: 'portal-entity.png',
    url: '/catalog/default/component/modelops-applied-ml-code-suggestions-ai-assist',
  },
  { name: 'portal-guidelines.png', url: '/python-guidelines' },
  { name: 'portal-codebases.png', url: '/python-codebases' },
  {
    name: 'portal-guidelines-tab.png',
    url: '/catalog/default/component/example-gateway/guidelines',
  },
  { name: 'portal-home.png', url: '/home' },
];

(async () => {
  const browser = await chromium.launch({
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
  const page = await browser.newPage({
    viewport: { width: 1400, height: 900 },
  });
  for (const shot of shots) {
    await page.goto(base + shot.url);
    // Each full page load asks for sign-in again on the dev server.
    // The dev server's first load can take a minute; wait for either the
    // sign-in page or the signed-in sidebar, then sign in as guest if asked.
    const enter = page.getByRole('button', { name: 'Enter' });
    const home = page.getByRole('link', { name: 'Home', exact: true });
    await enter.or(home).first().waitFor({ timeout: 120000 });
    if (await enter.isVisible()) await enter.click();
    await home.waitFor({ timeout: 30000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(3000);
    await page.screenshot({ path: path.join(out, shot.name) });
    console.log(`wrote docs/images/${shot.name}`);
  }
  await browser.close();
})().catch(error => {
  console.error(error);
  process.exit(1);
});
