import { useEffect, useMemo } from 'react';
import { stringifyEntityRef, UserEntity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import useAsync from 'react-use/esm/useAsync';
import { cleanMaintainerRefs } from './maintainerValues';

/** One person the picker offers: the catalog's User entities. */
export interface MaintainerOption {
  ref: string;
  /** The catalog name, which the portal keeps equal to the GitLab username. */
  username: string;
  displayName?: string;
}

function toOption(user: UserEntity): MaintainerOption {
  return {
    ref: stringifyEntityRef(user),
    username: user.metadata.name,
    displayName: user.spec?.profile?.displayName ?? user.metadata.title,
  };
}

/** "Alex Maintainer (alex.maintainer)", or the ref for values not in the catalog. */
export function maintainerLabel(option: MaintainerOption): string {
  return option.displayName
    ? `${option.displayName} (${option.username})`
    : option.username;
}

/**
 * Picks the maintainers of a new codebase from the catalog's users. The value
 * is a list of user entity refs, as the templates' `maintainers` parameter
 * expects; their names are the GitLab usernames the review settings use.
 */
export function MaintainersPicker(
  props: FieldExtensionComponentProps<string[]>,
) {
  const {
    formData,
    onChange,
    required,
    rawErrors,
    disabled,
    idSchema,
    schema: { title = 'Maintainers', description },
  } = props;
  const catalogApi = useApi(catalogApiRef);
  const refs = useMemo(() => cleanMaintainerRefs(formData), [formData]);

  // Replace pre-filled empty entries at once, so validation sees the truth.
  useEffect(() => {
    if (Array.isArray(formData) && refs.length !== formData.length) {
      onChange(refs);
    }
  }, [formData, refs, onChange]);

  const users = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'User' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    return (items as UserEntity[])
      .map(toOption)
      .sort((a, b) => maintainerLabel(a).localeCompare(maintainerLabel(b)));
  }, [catalogApi]);

  const options = users.value ?? [];
  const selected = refs.map(
    ref =>
      options.find(o => o.ref === ref) ?? {
        ref,
        username: ref.slice(ref.lastIndexOf('/') + 1),
      },
  );
  const loadError = users.error
    ? `Could not load people from the catalog: ${users.error.message}`
    : undefined;
  const fieldError = rawErrors?.length ? rawErrors.join(' ') : undefined;

  return (
    <Autocomplete<MaintainerOption, true>
      multiple
      id={idSchema?.$id}
      disabled={disabled}
      loading={users.loading}
      options={options}
      value={selected}
      filterSelectedOptions
      getOptionSelected={(option, value) => option.ref === value.ref}
      getOptionLabel={maintainerLabel}
      onChange={(_event, value) => onChange(value.map(option => option.ref))}
      noOptionsText="No matching person in the catalog"
      renderInput={params => (
        <TextField
          {...params}
          label={title}
          variant="outlined"
          margin="dense"
          required={required}
          error={Boolean(fieldError || loadError)}
          helperText={fieldError ?? loadError ?? description}
          inputProps={{
            ...params.inputProps,
            // Required is enforced by the form's validation, not the browser.
            required: false,
          }}
        />
      )}
    />
  );
}
