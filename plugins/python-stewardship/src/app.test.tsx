import { screen, within } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { ruleCatalog } from '@internal/plugin-python-stewardship-common/browser';
import plugin from './index';

// Renders the plugin the way the portal does: installed as a feature, with
// the real embedded handbook and rule pack, and the page loaded lazily.
const LAZY_PAGE = { timeout: 10_000 };

describe('python-stewardship in an app', () => {
  beforeEach(() => {
    Element.prototype.scrollIntoView = jest.fn();
    jest.spyOn(window, 'scrollTo').mockImplementation(() => {});
  });

  it('lists "Python guidelines" in the sidebar', async () => {
    renderTestApp({ features: [plugin], initialRouteEntries: ['/'] });

    const sidebar = await screen.findByRole('navigation', {
      name: 'sidebar nav',
    });
    expect(
      within(sidebar).getByRole('link', { name: 'Python guidelines' }),
    ).toHaveAttribute('href', '/python-guidelines');
  });

  it('opens a handbook page at an anchor', async () => {
    renderTestApp({
      features: [plugin],
      initialRouteEntries: ['/python-guidelines/creating-a-codebase#lockfiles'],
    });

    const heading = await screen.findByRole(
      'heading',
      { level: 2, name: 'Lockfiles' },
      LAZY_PAGE,
    );
    expect(heading).toHaveAttribute('id', 'lockfiles');
    expect(heading.scrollIntoView).toHaveBeenCalled();
  });

  it('shows every check of the rule pack, each linked to an existing handbook section', async () => {
    renderTestApp({
      features: [plugin],
      initialRouteEntries: ['/python-guidelines/rules'],
    });

    expect(await screen.findByRole('status', {}, LAZY_PAGE)).toHaveTextContent(
      `Showing ${ruleCatalog.length} of ${ruleCatalog.length} checks`,
    );
    for (const rule of ruleCatalog) {
      const row = screen.getByRole('row', { name: new RegExp(rule.id) });
      // A known section renders as "Page › Heading"; a missing anchor would
      // fall back to the raw "page#anchor".
      expect(within(row).getByRole('link', { name: /›/ })).toHaveAttribute(
        'href',
        `/python-guidelines/${rule.docs.page}#${rule.docs.anchor}`,
      );
    }
  });
});
