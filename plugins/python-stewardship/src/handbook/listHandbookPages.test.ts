import { listHandbookPages } from './listHandbookPages';

describe('listHandbookPages', () => {
  it('orders pages for reading and titles them from their # heading', () => {
    const pages = listHandbookPages({
      deployment: '# Deployment\n\n## Publishing to PyPI\n',
      'zz-appendix': 'No heading here.',
      'a-glossary': '# Glossary',
      index: '# Python guidelines\n',
      'creating-a-codebase': '## Intro\n# Creating a codebase\n',
    });

    expect(pages).toEqual([
      { id: 'index', title: 'Python guidelines' },
      { id: 'creating-a-codebase', title: 'Creating a codebase' },
      { id: 'deployment', title: 'Deployment' },
      { id: 'a-glossary', title: 'Glossary' },
      { id: 'zz-appendix', title: 'zz-appendix' },
    ]);
  });
});
