import MenuBookIcon from '@material-ui/icons/MenuBook';
import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { isCodebaseMaintainer, isPythonCodebase } from './filters';
import { rootRouteRef } from './routes';

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
  routes: { root: rootRouteRef },
  extensions: [
    guidelinesPage,
    maintainersEntityCard,
    maintainerOfEntityCard,
    maintainersPickerFormField,
  ],
});
