import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { MaintainersPicker } from './MaintainersPicker';

const catalogApi = catalogApiMock({
  entities: [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'bea.reviewer' },
      spec: { profile: { displayName: 'Bea Reviewer' } },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'alex.maintainer' },
      spec: { profile: { displayName: 'Alex Maintainer' } },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'ai-gateway' },
      spec: { type: 'team', children: [] },
    },
  ],
});

function renderPicker(props: { formData?: unknown; rawErrors?: string[] }) {
  const onChange = jest.fn();
  renderInTestApp(
    <MaintainersPicker
      {...({
        formData: props.formData,
        rawErrors: props.rawErrors,
        onChange,
        required: true,
        schema: { title: 'Maintainers', description: 'Who reviews' },
        uiSchema: {},
        idSchema: { $id: 'root_maintainers' },
      } as any)}
    />,
    { apis: [[catalogApiRef, catalogApi]] },
  );
  return onChange;
}

describe('MaintainersPicker', () => {
  it('survives the empty entry the form pre-fills, and clears it', async () => {
    const onChange = renderPicker({ formData: [undefined] });
    expect(
      await screen.findByRole('textbox', { name: /Maintainers/ }),
    ).toBeInTheDocument();
    await waitFor(() => expect(onChange).toHaveBeenCalledWith([]));
  });

  it("offers the catalog's people by name and picks their entity refs", async () => {
    const onChange = renderPicker({ formData: [] });
    const input = await screen.findByRole('textbox', { name: /Maintainers/ });
    fireEvent.mouseDown(input);
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      'Alex Maintainer (alex.maintainer)',
      'Bea Reviewer (bea.reviewer)',
    ]);
    fireEvent.click(options[1]);
    expect(onChange).toHaveBeenLastCalledWith(['user:default/bea.reviewer']);
  });

  it('shows chosen people by name', async () => {
    renderPicker({ formData: ['user:default/alex.maintainer'] });
    expect(
      await screen.findByText('Alex Maintainer (alex.maintainer)'),
    ).toBeInTheDocument();
  });

  it('shows the validation message in words', async () => {
    renderPicker({
      formData: [],
      rawErrors: ['Pick at least one maintainer.'],
    });
    expect(
      await screen.findByText('Pick at least one maintainer.'),
    ).toBeInTheDocument();
  });
});
