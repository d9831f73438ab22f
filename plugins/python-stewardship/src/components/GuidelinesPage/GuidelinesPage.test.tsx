import { fireEvent, screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { rootRouteRef } from '../../routes';
import { GuidelinesPage } from './GuidelinesPage';
import { RuleCatalogEntry } from '../RuleCatalog';

const content = {
  index: `# Python guidelines

Start with [creating a codebase](creating-a-codebase.md#lockfiles).
`,
  'creating-a-codebase': `# Creating a codebase

## Choosing a repository type

## Lockfiles

Commit \`poetry.lock\`. See [pytest](development-guidelines.md#testing-with-pytest).

## Python version
`,
  'development-guidelines': `# Development guidelines

## Testing with pytest
`,
};

const rules: RuleCatalogEntry[] = [
  {
    id: 'PYG-003',
    title: 'Lockfile is committed and up to date',
    family: 'packaging',
    appliesTo: ['service', 'utility', 'library'],
    weight: 3,
    source: { kind: 'python-guide' },
    rationale: 'Reproducible installs.',
    fix: { summary: 'Run poetry lock and commit poetry.lock.' },
    docs: { page: 'creating-a-codebase', anchor: 'lockfiles' },
  },
  {
    id: 'PYG-014',
    title: 'pytest is the test framework',
    family: 'testing',
    appliesTo: ['service', 'utility', 'library'],
    weight: 2,
    source: { kind: 'python-guide' },
    rationale: 'One test runner everywhere.',
    fix: { summary: 'Add pytest to the dev group.' },
    docs: { page: 'development-guidelines', anchor: 'testing-with-pytest' },
  },
];

const families = [
  { id: 'packaging', title: 'Packaging and dependencies' },
  { id: 'testing', title: 'Testing' },
];

function renderPage(path: string) {
  return renderInTestApp(
    <GuidelinesPage
      content={content}
      rules={rules}
      families={families}
      repositoryTypes={['service', 'utility', 'library']}
    />,
    {
      mountedRoutes: { '/python-guidelines': rootRouteRef },
      mountPath: '/python-guidelines/*',
      initialRouteEntries: [path],
    },
  );
}

describe('GuidelinesPage', () => {
  beforeEach(() => {
    Element.prototype.scrollIntoView = jest.fn();
    jest.spyOn(window, 'scrollTo').mockImplementation(() => {});
  });

  it('shows the overview at the root with every page in the table of contents', async () => {
    renderPage('/python-guidelines');

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Python guidelines',
      }),
    ).toBeInTheDocument();
    const toc = screen.getByRole('navigation', { name: 'Handbook' });
    expect(
      within(toc)
        .getAllByRole('link')
        .map(link => [link.textContent, link.getAttribute('href')]),
    ).toEqual([
      ['Python guidelines', '/python-guidelines'],
      ['Creating a codebase', '/python-guidelines/creating-a-codebase'],
      ['Development guidelines', '/python-guidelines/development-guidelines'],
      ['Rule catalog', '/python-guidelines/rules'],
    ]);
  });

  it('renders a page by id, lists its sections and scrolls to the anchor', async () => {
    renderPage('/python-guidelines/creating-a-codebase#lockfiles');

    const heading = await screen.findByRole('heading', {
      level: 2,
      name: 'Lockfiles',
    });
    expect(heading).toHaveAttribute('id', 'lockfiles');
    expect(heading.scrollIntoView).toHaveBeenCalled();

    const sections = screen.getByRole('list', {
      name: 'Sections of Creating a codebase',
    });
    expect(
      within(sections).getByRole('link', { name: 'Lockfiles' }),
    ).toHaveAttribute(
      'href',
      '/python-guidelines/creating-a-codebase#lockfiles',
    );
    expect(
      screen.getByRole('link', { name: 'Creating a codebase' }),
    ).toHaveAttribute('aria-current', 'page');
  });

  it('rewrites links between pages to portal routes', async () => {
    renderPage('/python-guidelines/creating-a-codebase');

    expect(await screen.findByRole('link', { name: 'pytest' })).toHaveAttribute(
      'href',
      '/python-guidelines/development-guidelines#testing-with-pytest',
    );
  });

  it('follows an in-app link to another page and its section', async () => {
    renderPage('/python-guidelines');

    fireEvent.click(
      await screen.findByRole('link', { name: 'creating a codebase' }),
    );

    const heading = await screen.findByRole('heading', {
      level: 2,
      name: 'Lockfiles',
    });
    expect(heading.scrollIntoView).toHaveBeenCalled();
  });

  it('says so for an unknown page', async () => {
    renderPage('/python-guidelines/no-such-page');

    expect(
      await screen.findByText('No such handbook page'),
    ).toBeInTheDocument();
  });

  it('shows the rule catalog with links to handbook sections', async () => {
    renderPage('/python-guidelines/rules');

    expect(
      await screen.findByRole('heading', { name: 'Rule catalog' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Creating a codebase › Lockfiles' }),
    ).toHaveAttribute(
      'href',
      '/python-guidelines/creating-a-codebase#lockfiles',
    );
  });
});
