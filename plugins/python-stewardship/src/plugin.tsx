import MenuBookIcon from '@material-ui/icons/MenuBook';
import AssessmentIcon from '@material-ui/icons/Assessment';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { PythonStewardshipClient, pythonStewardshipApiRef } from './api';
import { isCodebaseMaintainer, isGroup, isPythonCodebase } from './filters';
import { codebasesRouteRef, rootRouteRef } from './routes';

/** The conformance service's client, `plugin.python-stewardship`. */
export const pythonStewardshipApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: pythonStewardshipApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PythonStewardshipClient({ discoveryApi, fetchApi }),
    }),
});

/** Every Python codebase with score and level, at `/python-codebases`. */
export const codebasesPage = PageBlueprint.make({
  name: 'codebases',
  params: {
    path: '/python-codebases',
    title: 'Python codebases',
    icon: <AssessmentIcon />,
    routeRef: codebasesRouteRef,
    loader: () =>
      import('./components/CodebasesPage').then(m => <m.CodebasesPage />),
  },
});

/** The Guidelines tab of every Python codebase. */
export const conformanceEntityContent = EntityContentBlueprint.make({
  name: 'guidelines',
  params: {
    path: '/guidelines',
    title: 'Guidelines',
    filter: isPythonCodebase,
    loader: () =>
      import('./components/ConformanceContent').then(m => (
        <m.ConformanceContent />
      )),
  },
});

/** A team's Python codebases and their levels, on the group page. */
export const teamCodebasesEntityCard = EntityCardBlueprint.make({
  name: 'team-codebases',
  params: {
    filter: isGroup,
    loader: () =>
      import('./components/TeamCodebasesCard').then(m => (
        <m.TeamCodebasesCard />
      )),
  },
});

/**
 * The handbook and rule catalog at `/python-guidelines`. A page with a
 * route ref, title and icon is what the app's sidebar lists, so this also
 * gives the "Python guidelines" nav item.
 */
export const guidelinesPage = PageBlueprint.make({
  params: {
    path: '/python-guidelines',
    title: 'Python guidelines',
    icon: <MenuBookIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/GuidelinesPage').then(m => <m.GuidelinesPage />),
  },
});

/** Owner, maintainers and repository type on a Python codebase's overview. */
export const maintainersEntityCard = EntityCardBlueprint.make({
  name: 'maintainers',
  params: {
    type: 'info',
    filter: isPythonCodebase,
    loader: () =>
      import('./components/MaintainersCard').then(m => <m.MaintainersCard />),
  },
});

/** Codebases a User or Group maintains, on their profile. */
export const maintainerOfEntityCard = EntityCardBlueprint.make({
  name: 'maintainer-of',
  params: {
    filter: isCodebaseMaintainer,
    loader: () =>
      import('./components/MaintainerOfCard').then(m => <m.MaintainerOfCard />),
  },
});

/**
 * The Create form's maintainers field (`ui:field: MaintainersPicker`): the
 * catalog's people, with errors in words.
 */
export const maintainersPickerFormField = FormFieldBlueprint.make({
  name: 'maintainers-picker',
  params: {
    field: () =>
      import('./components/MaintainersPicker').then(
        m => m.maintainersPickerField,
      ),
  },
});

/** The Python stewardship frontend plugin. */
export const pythonStewardshipPlugin = createFrontendPlugin({
  pluginId: 'python-stewardship',
  title: 'Python guidelines',
  icon: <MenuBookIcon />,
  routes: { root: rootRouteRef, codebases: codebasesRouteRef },
  extensions: [
    pythonStewardshipApi,
    guidelinesPage,
    codebasesPage,
    conformanceEntityContent,
    teamCodebasesEntityCard,
    maintainersEntityCard,
    maintainerOfEntityCard,
    maintainersPickerFormField,
  ],
});
