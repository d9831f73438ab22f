import { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { InfoCard, Link } from '@backstage/core-components';
import {
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  EntityRefLinks,
  getEntityRelations,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_MAINTAINERS,
  ANNOTATION_REPOSITORY_TYPE,
  RELATION_MAINTAINED_BY,
} from '@internal/plugin-python-stewardship-common/browser';
import {
  CREATING_A_CODEBASE_PAGE,
  repositoryTypeSection,
} from '../../handbook/repositoryTypeSection';
import {
  HANDBOOK_INDEX_PAGE,
  useHandbookLinks,
} from '../../hooks/useHandbookLinks';
import { useCodebaseRows } from '../../hooks/useCodebaseRows';
import { LevelChip, useGuidelinesTabLink } from '../shared';

const useStyles = makeStyles(theme => ({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(1, 2),
    margin: 0,
    '& dt': { ...theme.typography.body2, fontWeight: 500 },
    '& dd': { ...theme.typography.body2, margin: 0 },
  },
  links: {
    ...theme.typography.body2,
    listStyle: 'none',
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    padding: 0,
    margin: theme.spacing(2, 0, 0),
  },
}));

function Fact(props: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

/**
 * Who answers for a Python codebase: its repository type, owning team and
 * maintainers, with the handbook sections that apply to it.
 *
 * Maintainers come from `maintainedBy` relations, which the catalog module
 * derives from the maintainers annotation, so they link to real users and
 * groups rather than echoing the annotation text.
 */
export function MaintainersCard() {
  const { entity } = useEntity();
  const classes = useStyles();
  const handbookLink = useHandbookLinks();

  const owners = getEntityRelations(entity, RELATION_OWNED_BY);
  const maintainers = getEntityRelations(entity, RELATION_MAINTAINED_BY);
  const spec = entity.spec as { type?: unknown } | undefined;
  const repositoryType =
    entity.metadata.annotations?.[ANNOTATION_REPOSITORY_TYPE] ??
    (typeof spec?.type === 'string' ? spec.type : undefined);
  const section = repositoryTypeSection(repositoryType);
  const entityRef = stringifyEntityRef(entity);
  const rows = useCodebaseRows([entityRef]);
  const row = rows.value?.get(entityRef.toLocaleLowerCase('en-US'));
  const guidelinesTab = useGuidelinesTabLink();

  return (
    <InfoCard title="Python stewardship">
      <dl className={classes.facts}>
        <Fact term="Repository type">{repositoryType ?? 'Not classified'}</Fact>
        <Fact term="Owner">
          {owners.length > 0 ? (
            <EntityRefLinks entityRefs={owners} defaultKind="group" />
          ) : (
            'No owner'
          )}
        </Fact>
        <Fact term="Guidelines level">
          {rows.loading && 'Loading…'}
          {rows.error && (
            <Typography variant="body2" component="span" color="error">
              Unavailable: {rows.error.message}
            </Typography>
          )}
          {rows.value &&
            (row ? (
              <Link
                to={guidelinesTab(entityRef)}
                aria-label={`Guidelines report, score ${row.score ?? 'none'}`}
              >
                <LevelChip level={row.level} score={row.score} />
              </Link>
            ) : (
              'Not known to the conformance service yet'
            ))}
        </Fact>
        <Fact term="Maintainers">
          {maintainers.length > 0 ? (
            <EntityRefLinks entityRefs={maintainers} defaultKind="user" />
          ) : (
            <Typography variant="body2" component="span" color="textSecondary">
              None recorded. Name them in the{' '}
              <code>{ANNOTATION_MAINTAINERS}</code> annotation.
            </Typography>
          )}
        </Fact>
      </dl>
      {handbookLink && (
        <ul className={classes.links} aria-label="Handbook">
          <li>
            <Link to={handbookLink(HANDBOOK_INDEX_PAGE)}>
              Python guidelines
            </Link>
          </li>
          <li>
            <Link to={handbookLink(CREATING_A_CODEBASE_PAGE, section.anchor)}>
              {section.title}
            </Link>
          </li>
        </ul>
      )}
    </InfoCard>
  );
}
