import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  extractHeadings,
  handbookContent,
} from '@internal/plugin-python-stewardship-common';
import { HandbookMarkdown } from './HandbookMarkdown';

const handbookLink = (pageId: string) => `/python-guidelines/${pageId}`;

const markdown = `# Development guidelines

## Tool configuration lives in \`pyproject.toml\`

See [lockfiles](creating-a-codebase.md#lockfiles), [this section](#examples)
and [Poetry](https://python-poetry.org/docs/).

| Tool | Purpose |
| ---- | ------- |
| ruff | linting |

\`\`\`toml
[tool.ruff]
line-length = 100
\`\`\`

## Examples
`;

describe('HandbookMarkdown', () => {
  it('gives headings GitHub-style ids', async () => {
    renderInTestApp(
      <HandbookMarkdown markdown={markdown} handbookLink={handbookLink} />,
    );

    expect(
      screen.getByRole('heading', {
        level: 2,
        name: 'Tool configuration lives in pyproject.toml',
      }),
    ).toHaveAttribute('id', 'tool-configuration-lives-in-pyprojecttoml');
    expect(
      screen.getByRole('heading', { level: 2, name: 'Examples' }),
    ).toHaveAttribute('id', 'examples');
  });

  it('rewrites links to other handbook pages and keeps the rest', () => {
    renderInTestApp(
      <HandbookMarkdown markdown={markdown} handbookLink={handbookLink} />,
    );

    expect(screen.getByRole('link', { name: 'lockfiles' })).toHaveAttribute(
      'href',
      '/python-guidelines/creating-a-codebase#lockfiles',
    );
    expect(screen.getByRole('link', { name: 'this section' })).toHaveAttribute(
      'href',
      expect.stringMatching(/#examples$/),
    );
    expect(screen.getByRole('link', { name: /Poetry/ })).toHaveAttribute(
      'href',
      'https://python-poetry.org/docs/',
    );
  });

  it('renders GFM tables and fenced code', async () => {
    renderInTestApp(
      <HandbookMarkdown markdown={markdown} handbookLink={handbookLink} />,
    );

    expect(
      screen.getByRole('columnheader', { name: 'Tool' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'ruff' })).toBeInTheDocument();
    expect(await screen.findByText(/line-length = 100/)).toBeInTheDocument();
  });
});

describe('HandbookMarkdown with the real handbook', () => {
  it.each(Object.keys(handbookContent))(
    'renders the same heading ids for %s as the table of contents lists',
    pageId => {
      const { container } = renderInTestApp(
        <HandbookMarkdown
          markdown={handbookContent[pageId]}
          handbookLink={handbookLink}
        />,
      );

      const rendered = Array.from(
        container.querySelectorAll('h1, h2, h3, h4, h5, h6'),
      ).map(heading => heading.id);
      expect(rendered).toEqual(
        extractHeadings(handbookContent[pageId]).map(heading => heading.slug),
      );
    },
  );
});

describe('HandbookMarkdown check links', () => {
  it('links check ids in prose to the rule catalog, not those in code', () => {
    renderInTestApp(
      <HandbookMarkdown
        markdown={
          'Checked by: PYG-001, PYG-002\n\nRun `check PYG-003` locally.\n'
        }
        handbookLink={handbookLink}
        checkHref={id => `/python-guidelines/rules?q=${id}`}
      />,
    );

    expect(screen.getByRole('link', { name: 'PYG-001' })).toHaveAttribute(
      'href',
      '/python-guidelines/rules?q=PYG-001',
    );
    expect(screen.getByRole('link', { name: 'PYG-002' })).toHaveAttribute(
      'href',
      '/python-guidelines/rules?q=PYG-002',
    );
    expect(screen.getByText('Checked by:', { exact: false })).toHaveTextContent(
      'Checked by: PYG-001, PYG-002',
    );
    expect(
      screen.queryByRole('link', { name: /PYG-003/ }),
    ).not.toBeInTheDocument();
  });
});

describe('HandbookMarkdown source labels', () => {
  const page = `# Deployment

## Publishing to PyPI

> **Source:** Python guide · [Deploying Python repositories](https://docs.gitlab.com/development/python_guide/deployment/)

Utilities and libraries go to PyPI.

> A quotation stays a quotation.
`;

  it('renders the line under a rule heading as a source label, not a quote', async () => {
    await renderInTestApp(
      <HandbookMarkdown markdown={page} handbookLink={handbookLink} />,
    );

    const label = screen.getByRole('note', { name: 'Rule source' });
    expect(label).toHaveTextContent(
      'Source: Python guide · Deploying Python repositories',
    );
    expect(label.tagName).toBe('DIV');
    // Right after the heading, so '#<anchor> + [role="note"]' finds a
    // section's source (the portal e2e test relies on it).
    expect(document.querySelector('#publishing-to-pypi + [role="note"]')).toBe(
      label,
    );
    expect(
      screen.getByRole('link', { name: /^Deploying Python repositories/ }),
    ).toHaveAttribute(
      'href',
      'https://docs.gitlab.com/development/python_guide/deployment/',
    );
    expect(
      screen.getByText('A quotation stays a quotation.').closest('blockquote'),
    ).not.toBeNull();
  });

  it('shows a source label on every rule section of the real handbook', async () => {
    await renderInTestApp(
      <HandbookMarkdown
        markdown={handbookContent.deployment}
        handbookLink={handbookLink}
      />,
    );

    const labels = screen.getAllByRole('note', { name: 'Rule source' });
    expect(labels.length).toBeGreaterThanOrEqual(8);
    expect(labels.map(label => label.textContent?.trim())).toContain(
      'Source: Portal default · the guide does not mention .dockerignore',
    );
  });
});
