import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { MaintainersPicker } from './MaintainersPicker';
import { maintainerProblems } from './maintainerValues';

/**
 * `ui:field: MaintainersPicker` in the Python templates. Its validation runs
 * when the person presses Next, and says in words what is wrong.
 */
export const maintainersPickerField = createFormField({
  name: 'MaintainersPicker',
  component: MaintainersPicker,
  validation: (value, validation) => {
    for (const problem of maintainerProblems(value)) {
      validation.addError(problem);
    }
  },
});
