import { InfoCard } from '@backstage/core-components';
import {
  EntityRefLink,
  getEntityRelations,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { RELATION_MAINTAINER_OF } from '@internal/plugin-python-stewardship-common/browser';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useCodebaseRows } from '../../hooks/useCodebaseRows';
import { LevelChip } from '../shared';

const useStyles = makeStyles(theme => ({
  list: {
    ...theme.typography.body2,
    margin: 0,
    paddingLeft: theme.spacing(2.5),
    '& li': {
      margin: theme.spacing(0.5, 0),
      display: 'flex',
      gap: theme.spacing(1),
      alignItems: 'center',
      flexWrap: 'wrap',
    },
  },
}));

/**
 * On a User or Group page: the codebases this person or team maintains, from
 * `maintainerOf` relations. Ownership is already on the page; maintainership
 * is the part the catalog does not show by itself.
 */
export function MaintainerOfCard() {
  const { entity } = useEntity();
  const classes = useStyles();
  const codebases = getEntityRelations(entity, RELATION_MAINTAINER_OF).sort(
    (a, b) => a.name.localeCompare(b.name),
  );
  const refs = codebases.map(ref => stringifyEntityRef(ref));
  const rows = useCodebaseRows(refs);

  return (
    <InfoCard title="Maintainer of">
      {codebases.length > 0 ? (
        <ul className={classes.list}>
          {codebases.map(ref => (
            <li key={`${ref.kind}:${ref.namespace}/${ref.name}`}>
              <EntityRefLink entityRef={ref} defaultKind="component" />
              {rows.value && (
                <LevelChip
                  level={
                    rows.value.get(
                      stringifyEntityRef(ref).toLocaleLowerCase('en-US'),
                    )?.level
                  }
                  score={
                    rows.value.get(
                      stringifyEntityRef(ref).toLocaleLowerCase('en-US'),
                    )?.score
                  }
                />
              )}
            </li>
          ))}
        </ul>
      ) : (
        <Typography variant="body2" color="textSecondary">
          Not a maintainer of any codebase.
        </Typography>
      )}
    </InfoCard>
  );
}
