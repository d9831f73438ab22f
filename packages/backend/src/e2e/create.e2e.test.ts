import { Gitlab } from '@gitbeaker/rest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
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

/**
 * The Create journey as a person does it in the browser, against what
 * `./portal start` runs: choose a template, fill the form, submit, watch the
 * task, open the new component, clone the new GitLab project. And the two
 * ways it must refuse before anything is written to GitLab.
 */
// Long enough to wait for another browser suite that holds the demo port.
jest.setTimeout(900_000);

/** The group the demo's people may create projects in. */
const GROUP = 'gitlab-org/python-examples';

const templates = [
  { type: 'service', title: 'Python service', file: 'Dockerfile' },
  { type: 'utility', title: 'Python utility', file: 'pyproject.toml' },
  { type: 'library', title: 'Python library', file: 'pyproject.toml' },
] as const;

interface FormValues {
  template: string;
  name: string;
  description: string;
  maintainer: RegExp;
}

describe('Create in Chromium', () => {
  let stack: PortalStack;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let gitlabApi: InstanceType<typeof Gitlab>;

  beforeAll(async () => {
    ensureAppBuilt();
    stack = await startPortalStack();
    gitlabApi = new Gitlab({
      host: stack.gitlab.url,
      token: stack.gitlab.token,
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(30_000);
    pageErrors = collectPageErrors(page);
    // Every GitLab window (sign-in, then the write scopes the templates ask
    // for) is answered as alex.maintainer, the way that person would.
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

  /** What a person would see as breakage fails the journey it happened in. */
  function assertNoPageErrors() {
    if (pageErrors.length) {
      throw new Error(`The page broke:\n${pageErrors.splice(0).join('\n')}`);
    }
  }

  /** From the sidebar to a submitted form; returns at the task page. */
  async function fillAndSubmit(values: FormValues) {
    await page.getByRole('link', { name: 'Create' }).first().click();
    await page
      .locator('.MuiCard-root', { hasText: values.template })
      .first()
      .getByRole('button', { name: /Choose/i })
      .click();

    await page.getByRole('textbox', { name: 'Name' }).fill(values.name);
    await page
      .getByRole('textbox', { name: 'Description' })
      .fill(values.description);
    await page.getByRole('textbox', { name: /Owning team/ }).click();
    await page
      .getByRole('option', { name: /AI Framework|ai-framework/ })
      .first()
      .click();
    await page.getByRole('textbox', { name: /Maintainers/ }).click();
    await page.getByRole('option', { name: values.maintainer }).click();
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByRole('heading', { name: 'GitLab project' }).waitFor();
    // The first time, Backstage asks for the person's GitLab token with
    // write scopes; the GitLab window is answered by answerGitlabPopups.
    // Backstage's "Login Required" dialog has no accessible name; its button does.
    const logIn = page.getByRole('button', { name: 'Log in', exact: true });
    await logIn.waitFor({ timeout: 5_000 }).catch(() => undefined);
    if (await logIn.isVisible()) {
      await logIn.click();
      await logIn.waitFor({ state: 'hidden' });
    }
    await page.getByRole('textbox', { name: 'Owner' }).fill(GROUP);
    // Backstage's repository box has no label element; find it by its help text.
    await page
      .locator('.MuiFormControl-root', {
        hasText: 'The name of the repository',
      })
      .last()
      .locator('input')
      .fill(values.name);
    await page.getByRole('button', { name: 'Review' }).click();

    // The review step shows what will be created before anything is.
    await page.getByText(values.name).first().waitFor();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/create\/tasks\//);
  }

  async function projectExists(name: string) {
    try {
      await gitlabApi.Projects.show(`${GROUP}/${name}`);
      return true;
    } catch {
      return false;
    }
  }

  it.each(templates)(
    'creates a $type: form, task, catalog entity and a clonable GitLab project',
    ({ type, title, file }) =>
      withFailureScreenshot(page, `create-${type}`, async () => {
        const name = `browser-${type}`;
        await fillAndSubmit({
          template: title,
          name,
          description: `A ${type} created by a person in the browser.`,
          maintainer: /alex\.maintainer/,
        });

        // Every step finishes; the task then offers its links.
        await page
          .getByRole('link', { name: 'Open in catalog' })
          .waitFor({ timeout: 120_000 });
        await saveScreenshot(page, `create-${type}-task`);
        await page.getByRole('link', { name: 'Open in catalog' }).click();
        await page.getByRole('heading', { name }).first().waitFor();
        await page
          .getByRole('link', { name: /Alex Maintainer|alex\.maintainer/ })
          .first()
          .waitFor();
        await saveScreenshot(page, `create-${type}-entity`);

        // The project exists with the review settings, and clones.
        const project = await gitlabApi.Projects.show(`${GROUP}/${name}`);
        expect(project.default_branch).toBe('main');
        const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-clone-'));
        try {
          const url = new URL(`${stack.gitlab.url}/${GROUP}/${name}.git`);
          url.username = 'oauth2';
          url.password = stack.gitlab.tokens['alex.maintainer'];
          // Asynchronous: the local GitLab answers from this very process.
          await promisify(execFile)('git', [
            'clone',
            '--quiet',
            url.toString(),
            clone,
          ]);
          expect(fs.existsSync(path.join(clone, file))).toBe(true);
          expect(
            fs.readFileSync(path.join(clone, 'catalog-info.yaml'), 'utf8'),
          ).toContain(`name: ${name}`);
        } finally {
          fs.rmSync(clone, { recursive: true, force: true });
        }
        assertNoPageErrors();
      }),
  );

  it('refuses a taken project name in the first GitLab step, creating nothing', () =>
    withFailureScreenshot(page, 'create-taken-name', async () => {
      const before = await gitlabApi.Projects.all({ search: 'example' });
      await fillAndSubmit({
        template: 'Python service',
        name: 'example-gateway',
        description: 'Tries to take the name of an existing project.',
        maintainer: /alex\.maintainer/,
      });
      await page
        .getByText(/is already taken/)
        .first()
        .waitFor({
          timeout: 60_000,
        });
      await saveScreenshot(page, 'create-taken-name');
      expect(
        await page.getByRole('link', { name: 'Open in catalog' }).count(),
      ).toBe(0);
      const after = await gitlabApi.Projects.all({ search: 'example' });
      expect(after.map(p => p.id).sort()).toEqual(before.map(p => p.id).sort());
    }));

  it('refuses a maintainer without a GitLab account before writing to GitLab', () =>
    withFailureScreenshot(page, 'create-unknown-maintainer', async () => {
      const name = 'browser-no-account';
      await fillAndSubmit({
        template: 'Python library',
        name,
        description: 'Names a maintainer who has no GitLab account yet.',
        maintainer: /fran\.contractor/,
      });
      await page
        .getByText(/fran\.contractor has no GitLab account/)
        .first()
        .waitFor({ timeout: 60_000 });
      await saveScreenshot(page, 'create-unknown-maintainer');
      expect(await projectExists(name)).toBe(false);
      assertNoPageErrors();
    }));
});
