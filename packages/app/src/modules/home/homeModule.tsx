import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const content = `
## Welcome to the Python Stewardship Portal

Every Python codebase at the company, who owns and maintains it, and how it
measures up to our Python guidelines.

### Start here

- **New to Python?** Read [Python for non-Python developers](/python-guidelines/python-for-non-python-developers)
  and make your first change to the example service.
- **Find a codebase**: the [Python codebases](/python-codebases) with owners,
  maintainers, scores and levels.
- **Start a new one**: the *Python service*, *Python utility* and *Python library*
  templates on the [Create](/create) page set up the repository, CI and review
  rules for you.
- **Check a repository**: the [rule catalog](/python-guidelines/rules) lists every
  check and links to the guideline behind it.

### Get help

Ask the [Python Working Group](/catalog/default/group/python-working-group) or
the shared [Python maintainers](/catalog/default/group/python-maintainers) pool.
`;

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'Python at the company',
    description:
      'Where to start with Python codebases, guidelines and templates',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

// What this portal is for, from the conformance service.
const myCodebasesWidget = HomePageWidgetBlueprint.make({
  name: 'my-python-codebases',
  params: {
    name: 'MyPythonCodebases',
    title: 'Your Python codebases',
    description:
      'Codebases you and your teams own or maintain, their levels and what to fix next',
    components: async () => {
      const { MyCodebasesWidget } = await import(
        '@internal/plugin-python-stewardship'
      );
      return { Content: MyCodebasesWidget };
    },
  },
});

const organisationLevelsWidget = HomePageWidgetBlueprint.make({
  name: 'python-levels',
  params: {
    name: 'PythonLevels',
    title: 'Python guidelines across the company',
    description: 'Codebases per conformance level, and links to start from',
    components: async () => {
      const { OrganisationLevelsWidget } = await import(
        '@internal/plugin-python-stewardship'
      );
      return { Content: OrganisationLevelsWidget };
    },
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [
    gettingStartedWidget,
    myCodebasesWidget,
    organisationLevelsWidget,
  ],
});
