import { fireEvent, screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { RuleCatalog } from './RuleCatalog';
import { fixtureFamilies, fixtureRules } from './ruleFixtures';
import {
  checkFamilies,
  checkSourceLabel,
  repositoryTypes,
  ruleCatalog,
} from '@internal/plugin-python-stewardship-common/browser';

const handbookLink = (page: string, anchor?: string) =>
  `/python-guidelines/${page}${anchor ? `#${anchor}` : ''}`;

function renderCatalog(path = '/python-guidelines/rules') {
  return renderInTestApp(
    <RuleCatalog
      rules={fixtureRules}
      families={fixtureFamilies}
      repositoryTypes={['service', 'utility', 'library']}
      handbookLink={handbookLink}
      sectionTitle={(page, anchor) => `${page} › ${anchor}`}
    />,
    { initialRouteEntries: [path] },
  );
}

const visibleIds = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getByRole('rowheader').textContent);

describe('RuleCatalog', () => {
  it('lists every check with a link to its handbook section', async () => {
    renderCatalog();

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Showing 4 of 4 checks',
    );
    const row = screen.getByRole('row', { name: /PYG-036/ });
    expect(within(row).getByText('Deployment of services')).toBeInTheDocument();
    expect(within(row).getByText('Advisory')).toBeInTheDocument();
    expect(
      within(row).getByRole('link', {
        name: 'deployment › container-images-for-services',
      }),
    ).toHaveAttribute(
      'href',
      '/python-guidelines/deployment#container-images-for-services',
    );
  });

  it('filters by family, repository type and text', async () => {
    renderCatalog();

    fireEvent.change(await screen.findByLabelText('Repository type'), {
      target: { value: 'library' },
    });
    expect(visibleIds()).toEqual(['PYG-003', 'PYG-015', 'PYG-043']);

    fireEvent.change(screen.getByLabelText('Family'), {
      target: { value: 'type-checking' },
    });
    expect(visibleIds()).toEqual(['PYG-043']);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Showing 1 of 4 checks',
    );

    fireEvent.change(screen.getByLabelText('Family'), {
      target: { value: '' },
    });
    fireEvent.change(screen.getByLabelText('Search checks'), {
      target: { value: 'lockfile' },
    });
    expect(visibleIds()).toEqual(['PYG-003']);
  });

  it('starts from filters in the URL, so a filtered view can be shared', async () => {
    renderCatalog('/python-guidelines/rules?family=testing');

    expect(await screen.findByLabelText('Family')).toHaveValue('testing');
    expect(visibleIds()).toEqual(['PYG-015']);
  });
});

describe('RuleCatalog sources', () => {
  it('shows a Source column saying whose rule every check is', async () => {
    renderCatalog();

    const headers = (await screen.findAllByRole('columnheader')).map(
      header => header.textContent,
    );
    expect(headers).toContain('Source');
    const sourceColumn = headers.indexOf('Source');
    const sources = Object.fromEntries(
      screen
        .getAllByRole('row')
        .slice(1)
        .map(row => [
          within(row).getByRole('rowheader').textContent,
          // The row header is cell 0; body cells follow in column order.
          within(row).getAllByRole('cell')[sourceColumn - 1].textContent,
        ]),
    );
    expect(sources).toEqual({
      'PYG-003': 'Python guide',
      'PYG-015': 'Python guide',
      'PYG-036': 'Working-group recommendation (AI Gateway)',
      'PYG-043': 'Portal default',
    });
  });

  it('shows the declared source of every check of the rule pack', async () => {
    await renderInTestApp(
      <RuleCatalog
        rules={ruleCatalog}
        families={checkFamilies}
        repositoryTypes={repositoryTypes}
        handbookLink={handbookLink}
        sectionTitle={(page, anchor) => `${page} › ${anchor}`}
      />,
    );

    const headers = screen
      .getAllByRole('columnheader')
      .map(header => header.textContent);
    const sourceColumn = headers.indexOf('Source');
    const shown = screen
      .getAllByRole('row')
      .slice(1)
      .map(
        row => within(row).getAllByRole('cell')[sourceColumn - 1].textContent,
      );
    expect(shown).toEqual(
      ruleCatalog.map(rule => checkSourceLabel(rule.source)),
    );
  });
});

describe('RuleCatalog text', () => {
  it('shows backtick spans of the rule pack as code', async () => {
    renderInTestApp(
      <RuleCatalog
        rules={[
          {
            ...fixtureRules[0],
            fix: { summary: 'Run `poetry lock` and commit poetry.lock.' },
          },
        ]}
        families={fixtureFamilies}
        repositoryTypes={['service', 'utility', 'library']}
        handbookLink={handbookLink}
        sectionTitle={() => 'Lockfiles'}
      />,
    );

    const code = await screen.findByText('poetry lock', { selector: 'code' });
    expect(code.parentElement).toHaveTextContent(
      'Fix: Run poetry lock and commit poetry.lock.',
    );
  });
});
