import fs from 'node:fs';
import path from 'node:path';
import { Browser, Page } from 'playwright-core';
import {
  collectPageErrors,
  ensureAppBuilt,
  launchChromium,
  screenshotsDir as screenshots,
  withFailureScreenshot,
} from '../__testUtils__/browser';
import {
  PortalStack,
  startPortalStack,
} from '../__testUtils__/startPortalStack';
import { waitForCatalog } from '../testing/startBackendProcess';

// Long enough to wait for another browser suite that holds the demo port.
jest.setTimeout(900_000);

describe('the portal in Chromium', () => {
  let stack: PortalStack;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];
  const externalRequests: string[] = [];

  beforeAll(async () => {
    ensureAppBuilt();
    // What ./portal start runs: the catalog comes from the demo GitLab.
    stack = await startPortalStack();
    // Discovery's first scan takes a few seconds after start; the Tags
    // picker lists the tags present when the page loads.
    await waitForCatalog<{ items: unknown[] }>(
      stack.backend,
      'entities/by-query?filter=kind=component,metadata.tags=python&limit=50',
      body => body.items.length >= 8,
      90_000,
    );
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(30_000);
    pageErrors = collectPageErrors(page);
    // Nothing on any page may call the internet; record whoever tries.
    page.on('request', request => {
      const host = new URL(request.url()).hostname;
      if (!['localhost', '127.0.0.1'].includes(host) && host !== '') {
        externalRequests.push(request.url());
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('signs in as guest, filters the catalog by the python tag and opens a codebase', () =>
    withFailureScreenshot(page, 'catalog-flow', async () => {
      await page.goto(stack.backend.baseUrl);
      await page.getByRole('button', { name: 'Enter' }).click();

      // The catalog is the landing page; filter it with the Tags picker.
      // The organisation's catalog heading (the page bar says "Catalog" too).
      await page.getByRole('heading', { name: 'Example Co Catalog' }).waitFor();
      await page.getByLabel('Tags').click();
      await page.getByRole('option', { name: 'python' }).click();
      await page.keyboard.press('Escape');

      // Every codebase comes from the demo GitLab, named by its project.
      const table = page.getByRole('table');
      for (const title of [
        'AI Gateway',
        'Duo Workflow Service',
        'Prompt Library',
        'GitLab Cloud Connector',
        'example-gateway',
      ]) {
        await table.getByRole('link', { name: title, exact: true }).waitFor();
      }
      // The portal itself is not tagged python, so the filter really applied.
      expect(
        await table
          .getByRole('link', { name: 'Python Stewardship Portal' })
          .count(),
      ).toBe(0);

      await table
        .getByRole('link', { name: 'AI Gateway', exact: true })
        .click();
      await page.getByRole('heading', { name: 'AI Gateway' }).first().waitFor();
      // Owner and maintainers render as links to their catalog pages (by
      // title or by name): the GitLab groups of the project and CODEOWNERS.
      await page
        .getByRole('link', {
          name: /Code Suggestions|modelops-applied-ml-code-suggestions/,
        })
        .first()
        .waitFor();
      await page
        .getByRole('link', { name: /ai-gateway|maintainers-ai-gateway/ })
        .first()
        .waitFor();

      fs.mkdirSync(screenshots, { recursive: true });
      await page.screenshot({
        path: path.join(screenshots, 'ai-gateway-entity.png'),
        fullPage: true,
      });
      expect(
        fs.statSync(path.join(screenshots, 'ai-gateway-entity.png')).size,
      ).toBeGreaterThan(10_000);

      // A project with its own catalog-info.yaml names people as maintainers;
      // the maintainer's own page lists what they maintain (maintainerOf).
      await page.goBack();
      await table
        .getByRole('link', { name: 'example-gateway', exact: true })
        .click();
      await page
        .getByRole('heading', { name: 'example-gateway' })
        .first()
        .waitFor();
      await page
        .getByRole('link', { name: /Alex Maintainer|alex\.maintainer/ })
        .first()
        .click();
      const maintainerOf = page.locator('.MuiCard-root', {
        hasText: 'Maintainer of',
      });
      await maintainerOf
        .getByRole('link', { name: 'example-gateway' })
        .waitFor();
      // The catalog graph draws maintainership like ownership.
      await page.getByText('maintainerOf').first().waitFor();
      await page.screenshot({
        path: path.join(screenshots, 'maintainer-user-page.png'),
        fullPage: true,
      });
    }));

  it('opens the rule catalog from the sidebar and follows a check to its handbook section', () =>
    withFailureScreenshot(page, 'rules-flow', async () => {
      await page
        .getByRole('link', { name: /Python guidelines/ })
        .first()
        .click();
      await page
        .getByRole('heading', { name: 'Python Guidelines Handbook' })
        .waitFor();
      await page.getByRole('link', { name: 'Rule catalog' }).click();

      // Every check is listed with its id; narrow to one by text search.
      await page.getByText('PYG-026').first().waitFor();
      // Every check says whose rule it is, in the Source column.
      await page.getByRole('columnheader', { name: 'Source' }).waitFor();
      await page.getByLabel('Search checks').fill('PYG-041');
      await page
        .getByRole('row', { name: /PYG-041/ })
        .getByRole('cell', {
          name: 'Working-group recommendation (AI Gateway)',
        })
        .waitFor();
      await page.getByLabel('Search checks').fill('CODEOWNERS');
      const row = page.getByRole('row', { name: /PYG-026/ });
      await row.waitFor();
      await row
        .getByRole('cell', { name: 'Python guide', exact: true })
        .waitFor();
      await row.getByRole('link').first().click();

      // The check's docs link lands on the section that explains the rule.
      await page.waitForURL(
        /\/python-guidelines\/code-review-and-maintainership#codeowners-and-code-owner-approval$/,
      );
      await expect(
        page.locator('#codeowners-and-code-owner-approval').isVisible(),
      ).resolves.toBe(true);
      // The section opens with the same source, as a label under the heading.
      await expect(
        page
          .locator('#codeowners-and-code-owner-approval + [role="note"]')
          .textContent(),
      ).resolves.toMatch(/^\s*Source: Python guide/);
      await page.screenshot({
        path: path.join(screenshots, 'handbook-section.png'),
      });
    }));

  it('opens a home page made for this portal, with no sample widgets and no internet', () =>
    withFailureScreenshot(page, 'home', async () => {
      // The sidebar's Home item (the logo, also labelled Home, opens the catalog).
      await page.locator('a[href="/home"]').first().click();
      await page.getByText('Python at the company').first().waitFor();
      // The toolkit and the getting-started card both link to Create.
      await page
        .getByRole('link', { name: 'Create a Python repository' })
        .first()
        .waitFor();
      for (const sample of ['Random Joke', 'NYC', 'TYO', 'Most Visited']) {
        expect(await page.getByText(sample).count()).toBe(0);
      }
      await page.screenshot({
        path: path.join(screenshots, 'home.png'),
        fullPage: true,
      });
      expect(pageErrors).toEqual([]);
      expect(externalRequests).toEqual([]);
    }));
});
