import { listHandbookPages } from './listHandbookPages';
import { createSectionTitles } from './sectionTitles';

describe('createSectionTitles', () => {
  const content = {
    deployment: '# Deployment\n\n## Publishing to PyPI\n',
  };
  const sectionTitle = createSectionTitles(content, listHandbookPages(content));

  it('names a section by page title and heading', () => {
    expect(sectionTitle('deployment', 'publishing-to-pypi')).toBe(
      'Deployment › Publishing to PyPI',
    );
  });

  it('shows the raw reference for an anchor the handbook lacks', () => {
    expect(sectionTitle('deployment', 'helm-charts')).toBe(
      'deployment#helm-charts',
    );
  });
});
