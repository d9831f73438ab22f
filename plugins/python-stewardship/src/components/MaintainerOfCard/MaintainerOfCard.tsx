import { InfoCard } from '@backstage/core-components';
import {
  EntityRefLink,
  getEntityRelations,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { RELATION_MAINTAINER_OF } from '@internal/plugin-python-stewardship-common/browser';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  list: {
    ...theme.typography.body2,
    margin: 0,
    paddingLeft: theme.spacing(2.5),
    '& li': { margin: theme.spacing(0.5, 0) },
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

  return (
    <InfoCard title="Maintainer of">
      {codebases.length > 0 ? (
        <ul className={classes.list}>
          {codebases.map(ref => (
            <li key={`${ref.kind}:${ref.namespace}/${ref.name}`}>
              <EntityRefLink entityRef={ref} defaultKind="component" />
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
