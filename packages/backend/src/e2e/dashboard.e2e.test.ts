import fs from 'node:fs';
import { Browser, Page } from 'playwright-core';
import {
  answerGitlabPopups,
  collectPageErrors,
  ensureAppBuilt,
  launchChromium,
  saveScreenshot,
  withFailureScreenshot,
} from '../__testUtils__/browser';
import {
  PortalStack,
  startPortalStack,
} from '../__testUtils__/startPortalStack';
import { signInWithGitlab } from '../__testUtils__/signInWithGitlab';
import { waitForCatalog } from '../testing/startBackendProcess';

/**
 * The conformance UI as a maintainer uses it, against what `./portal start`
 * runs: the home page, the Python codebases dashboard and its filters, a
 * codebase's Guidelines tab (request and approve an exemption, see the score
 * move), a check's handbook link; and an accessibility scan of each page.
 */
// Long enough to wait for another browser suite that holds the demo port.
jest.setTimeout(900_000);

const axeSource = fs.readFileSync(
  require.resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe-core's serious and critical violations of the page as it is now. */
async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n: any) => n.target.join(' ')),
      }));
  });
}

describe('the conformance UI in Chromium', () => {
  let stack: PortalStack;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const violations: Record<string, AxeViolation[]> = {};

  beforeAll(async () => {
    ensureAppBuilt();
    stack = await startPortalStack();
    await waitForCatalog<{ items: unknown[] }>(
      stack.backend,
      'entities/by-query?filter=kind=component,metadata.tags=python&limit=50',
      body => body.items.length >= 8,
      90_000,
    );
    // The first scans follow discovery within seconds; wait for the one
    // codebase this journey opens.
    const { backstageToken } = await signInWithGitlab(
      stack.backend.baseUrl,
      'alex.maintainer',
    );
    const deadline = Date.now() + 120_000;
    for (;;) {
      const res = await fetch(
        `${stack.backend.baseUrl}/api/python-stewardship/codebases?q=example-gateway`,
        { headers: { authorization: `Bearer ${backstageToken}` } },
      );
      const body = await res.json().catch(() => undefined);
      if (body?.items?.some((row: any) => row.score !== null)) break;
      if (Date.now() > deadline) {
        throw new Error(
          `example-gateway was never scanned: ${res.status} ${JSON.stringify(
            body,
          )}`,
        );
      }
      await new Promise(r => setTimeout(r, 1000));
    }

    browser = await launchChromium();
    // axe-core is injected as an inline script, which the portal's CSP refuses.
    page = await browser.newPage({
      viewport: { width: 1366, height: 900 },
      bypassCSP: true,
    });
    page.setDefaultTimeout(30_000);
    pageErrors = collectPageErrors(page);
    answerGitlabPopups(page, 'alex.maintainer');
    await page.goto(stack.backend.baseUrl);
    await page.getByRole('button', { name: 'Sign In' }).click();
    await page
      .getByRole('heading', { name: /Catalog$/ })
      .first()
      .waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  function assertNoPageErrors() {
    if (pageErrors.length) {
      throw new Error(`The page broke:\n${pageErrors.splice(0).join('\n')}`);
    }
  }

  it('shows the catalog with a Guidelines column', () =>
    withFailureScreenshot(page, 'catalog-guidelines-column', async () => {
      // From the sidebar, as a person gets there from any page.
      await page
        .getByTestId('sidebar-root')
        .getByRole('link', { name: 'Catalog', exact: true })
        .click();
      await page.waitForURL(url => new URL(url).pathname === '/');
      await page.getByLabel('Tags').click();
      await page.getByRole('option', { name: 'python' }).click();
      await page.keyboard.press('Escape');
      const table = page.getByRole('table');
      await table.getByRole('columnheader', { name: 'Guidelines' }).waitFor();
      await table
        .getByRole('row', { name: /example-gateway/ })
        .getByText(/Gold|Silver|Bronze|No level/)
        .first()
        .waitFor();
      expect(
        await table.getByRole('columnheader', { name: 'Guidelines' }).count(),
      ).toBe(1);
      // Right after the name, where the eye already is.
      const headers = (await table.getByRole('columnheader').allInnerTexts())
        .map(text => text.trim().toLowerCase())
        .filter(Boolean);
      expect(headers.slice(0, 2)).toEqual(['name', 'guidelines']);
      await saveScreenshot(page, 'catalog-guidelines-column');
      violations.catalog = await seriousViolations(page);
      assertNoPageErrors();
    }));

  it('opens the home page with your codebases and the levels, without an error overlay', () =>
    withFailureScreenshot(page, 'home-conformance', async () => {
      await page.locator('a[href="/home"]').first().click();
      await page.getByText('Your Python codebases').first().waitFor();
      const mine = page.getByRole('list', { name: 'Your Python codebases' });
      await mine
        .getByRole('link', { name: /example-gateway|Example Gateway/i })
        .first()
        .waitFor();
      await page.getByRole('list', { name: 'Codebases per level' }).waitFor();
      expect(await page.getByText('Something Went Wrong').count()).toBe(0);
      await saveScreenshot(page, 'home-conformance');
      violations.home = await seriousViolations(page);
      assertNoPageErrors();
    }));

  it('opens the dashboard from the sidebar and filters it', () =>
    withFailureScreenshot(page, 'dashboard', async () => {
      await page
        .getByRole('link', { name: 'Python codebases' })
        .first()
        .click();
      await page
        .getByRole('heading', { name: 'Python codebases' })
        .first()
        .waitFor();
      const table = page.getByRole('table', { name: 'Python codebases' });
      await table.getByRole('link', { name: 'example-gateway' }).waitFor();
      await page.getByText('Most failed checks').waitFor();
      await saveScreenshot(page, 'dashboard');
      violations.dashboard = await seriousViolations(page);

      // Filter by type with the keyboard-operable select; the URL keeps it.
      await page
        .getByRole('button', { name: 'Type', exact: true })
        .first()
        .click();
      await page.getByRole('option', { name: 'library' }).click();
      await page.waitForURL(/type=library/);
      await table.getByRole('link', { name: 'example-gateway' }).waitFor({
        state: 'detached',
      });
      const libraries = await table.locator('tbody tr').count();
      expect(libraries).toBeGreaterThan(0);
      await saveScreenshot(page, 'dashboard-filtered');
      assertNoPageErrors();
    }));

  it("requests and approves an exemption on a codebase's Guidelines tab and sees the score change, then follows a check to the handbook", () =>
    withFailureScreenshot(page, 'guidelines-tab', async () => {
      // In-app navigation, as a link would do (keeps the signed-in session).
      await page.evaluate(() => {
        window.history.pushState(
          {},
          '',
          '/catalog/default/component/example-gateway/guidelines',
        );
        window.dispatchEvent(new PopStateEvent('popstate'));
      });
      const score = page.getByLabel(/^Score \d+ of 100$/);
      await score.waitFor();
      const before = await score.getAttribute('aria-label');
      await saveScreenshot(page, 'guidelines-tab');
      violations.guidelines = await seriousViolations(page);

      const request = page
        .getByRole('button', { name: /^Request exemption from PYG-/ })
        .first();
      const checkId = (await request.getAttribute('aria-label'))!.replace(
        'Request exemption from ',
        '',
      );
      await request.click();
      await page
        .getByLabel(/Reason/)
        .fill('The e2e test asks for this exemption on purpose');
      await page
        .getByRole('button', { name: 'Request exemption', exact: true })
        .click();
      await page
        .getByRole('button', { name: `Approve exemption from ${checkId}` })
        .click();
      await page
        .getByRole('button', { name: `Revoke exemption from ${checkId}` })
        .waitFor();
      await page.waitForFunction(
        previous =>
          document
            .querySelector('[aria-label^="Score "][aria-label$=" of 100"]')
            ?.getAttribute('aria-label') !== previous,
        before,
        { timeout: 60_000 },
      );
      await saveScreenshot(page, 'guidelines-tab-exempted');

      const handbook = page.getByRole('link', { name: /^Handbook: / }).first();
      const href = (await handbook.getAttribute('href'))!;
      await handbook.click();
      await page.waitForURL(url => href.endsWith(url.pathname + url.hash));
      const anchor = decodeURIComponent(href.split('#')[1]);
      await page.locator(`[id="${anchor}"]`).waitFor();
      assertNoPageErrors();
    }));

  it('shows portal admins how GitLab discovery ran, and nobody else', () =>
    withFailureScreenshot(page, 'discovery-status', async () => {
      // The maintainer's dashboard (open from the earlier steps) has no card.
      await page
        .getByRole('link', { name: 'Python codebases' })
        .first()
        .click();
      await page
        .getByRole('table', { name: 'Python codebases' })
        .getByRole('link', { name: 'example-gateway' })
        .waitFor();
      expect(await page.getByText('GitLab discovery (admins)').count()).toBe(0);

      // The demo GitLab's administrator is the demo portal's admin.
      const context = await browser.newContext({
        viewport: { width: 1366, height: 900 },
      });
      const adminPage = await context.newPage();
      adminPage.setDefaultTimeout(30_000);
      const adminErrors = collectPageErrors(adminPage);
      answerGitlabPopups(adminPage, 'root');
      try {
        await adminPage.goto(stack.backend.baseUrl);
        await adminPage.getByRole('button', { name: 'Sign In' }).click();
        await adminPage
          .getByRole('link', { name: 'Python codebases' })
          .first()
          .click();
        const runs = adminPage.getByRole('table', {
          name: 'Recent GitLab discovery runs',
        });
        // Discovery scanned before the catalog filled up.
        const lastScan = runs
          .getByRole('row')
          .filter({ hasText: 'scan' })
          .filter({ hasText: /applied/ })
          .first();
        await lastScan.waitFor();
        const cells = await lastScan.getByRole('cell').allInnerTexts();
        const [projectsSeen, requests] = [Number(cells[4]), Number(cells[7])];
        expect(projectsSeen).toBeGreaterThan(0);
        expect(requests).toBeGreaterThan(0);
        await saveScreenshot(adminPage, 'dashboard-discovery-status');
        expect(adminErrors).toEqual([]);
      } finally {
        await context.close();
      }
      assertNoPageErrors();
    }));

  it('has no serious or critical accessibility violations on these pages', () => {
    // Known in Backstage's own catalog table (material-table): sort labels
    // inside focusable header cells, and its unlabelled loading spinner.
    const backstageCatalogTable = [
      'nested-interactive',
      'aria-progressbar-name',
    ];
    // Backstage's Toolkit widget on the home page renders links in a MUI
    // List without list items.
    const backstageToolkit = (v: AxeViolation) =>
      v.id === 'list' && v.nodes.every(n => n.includes('MuiList-root'));
    expect({
      ...violations,
      catalog: violations.catalog.filter(
        v => !backstageCatalogTable.includes(v.id),
      ),
      home: violations.home.filter(v => !backstageToolkit(v)),
    }).toEqual({ catalog: [], home: [], dashboard: [], guidelines: [] });
  });
});
