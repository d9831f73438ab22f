#!/usr/bin/env node
// Refreshes the README screenshots from a running portal (`./portal start`):
//   node scripts/screenshots.js [http://localhost:3000]
// Uses Debian's Chromium through playwright-core; never downloads a browser.
const path = require('node:path');
const { chromium } = require('playwright-core');

const base = process.argv[2] ?? 'http://localhost:3000';
const out = path.join(__dirname, '..', 'docs', 'images');

const shots = [
  { name: 'portal-entity.png', url: '/catalog/default/component/ai-gateway' },
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
    const enter = page.getByRole('button', { name: 'Enter' });
    await enter.waitFor({ timeout: 5000 }).then(
      () => enter.click(),
      () => {},
    );
    await enter.waitFor({ state: 'detached', timeout: 30000 });
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
