import { ChangeEvent, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { checkSourceLabel } from '@internal/plugin-python-stewardship-common/browser';
import { HandbookLink } from '../../hooks/useHandbookLinks';
import { filterRules, RuleFilters } from './filterRules';
import { InlineCode } from './InlineCode';
import { RuleCatalogEntry, RuleFamily } from './ruleCatalogTypes';

const useStyles = makeStyles(theme => ({
  filters: { marginBottom: theme.spacing(2) },
  table: { '& th, & td': { verticalAlign: 'top' } },
  id: { whiteSpace: 'nowrap', fontFamily: 'monospace', fontWeight: 'normal' },
  // Short columns keep whole words; the check column takes the squeeze.
  compact: { minWidth: 110, wordBreak: 'normal', overflowWrap: 'normal' },
  nowrap: { whiteSpace: 'nowrap' },
  detail: { marginTop: theme.spacing(0.5) },
  chip: { margin: theme.spacing(0, 0.5, 0.5, 0) },
  advisory: { marginLeft: theme.spacing(1) },
  source: { minWidth: 140 },
}));

/** Search-parameter names, so a filtered view can be linked to. */
const PARAMS = { family: 'family', repositoryType: 'type', query: 'q' };

const WEIGHT_LABELS: Record<number, string> = {
  1: 'Nice to have',
  2: 'Important',
  3: 'Core guideline',
};

/** A native select over the given options, with an empty "All …" option first. */
function FilterSelect(props: {
  id: string;
  label: string;
  allLabel: string;
  value: string;
  onChange: (event: ChangeEvent<{ value: unknown }>) => void;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  const { id, label, allLabel, value, onChange, options } = props;
  return (
    <TextField
      id={id}
      label={label}
      select
      SelectProps={{ native: true }}
      // The empty option reads "All …", so the label must not overlay it.
      InputLabelProps={{ shrink: true }}
      variant="outlined"
      size="small"
      fullWidth
      value={value}
      onChange={onChange}
    >
      <option value="">{allLabel}</option>
      {options.map(option => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}

/** Props of {@link RuleCatalog}. */
export interface RuleCatalogProps {
  rules: readonly RuleCatalogEntry[];
  families: readonly RuleFamily[];
  repositoryTypes: readonly string[];
  handbookLink: HandbookLink;
  /** Link text for a handbook section, e.g. `Deployment › Publishing to PyPI`. */
  sectionTitle: (page: string, anchor: string) => string;
}

/**
 * Every check of the rule pack in one table, filterable by family,
 * repository type and free text, each linking to the handbook section that
 * explains it. Filters live in the URL so a filtered view can be shared.
 */
export function RuleCatalog(props: RuleCatalogProps) {
  const { rules, families, repositoryTypes, handbookLink, sectionTitle } =
    props;
  const classes = useStyles();
  const [searchParams, setSearchParams] = useSearchParams();

  const family = searchParams.get(PARAMS.family) ?? '';
  const repositoryType = searchParams.get(PARAMS.repositoryType) ?? '';
  const query = searchParams.get(PARAMS.query) ?? '';
  const visible = useMemo(
    () => filterRules(rules, { family, repositoryType, query }),
    [rules, family, repositoryType, query],
  );
  // Most checks apply everywhere; saying so beats three identical chips.
  const appliesToAll = (rule: RuleCatalogEntry) =>
    repositoryTypes.every(type => rule.appliesTo.includes(type));
  const familyTitle = (id: string) =>
    families.find(f => f.id === id)?.title ?? id;

  const setFilter =
    (key: keyof RuleFilters) => (event: ChangeEvent<{ value: unknown }>) => {
      const value = String(event.target.value);
      const next = new URLSearchParams(searchParams);
      if (value) {
        next.set(PARAMS[key], value);
      } else {
        next.delete(PARAMS[key]);
      }
      setSearchParams(next, { replace: true });
    };

  return (
    <section aria-labelledby="rule-catalog-title">
      <Typography variant="h4" component="h1" id="rule-catalog-title">
        Rule catalog
      </Typography>
      <Typography variant="body1" paragraph>
        The checks the portal runs against every Python repository. Each one
        links to the handbook section that explains the guideline behind it, and
        says whose rule it is. Checks from a working-group recommendation or a
        portal default are advisory unless your organisation enforces them: they
        are reported but do not lower the score or block a level.
      </Typography>

      <Grid container spacing={2} className={classes.filters}>
        <Grid item xs={12} md={6}>
          <TextField
            id="rule-catalog-search"
            label="Search checks"
            type="search"
            variant="outlined"
            size="small"
            fullWidth
            value={query}
            onChange={setFilter('query')}
          />
        </Grid>
        <Grid item xs={12} sm={6} md={3}>
          <FilterSelect
            id="rule-catalog-family"
            label="Family"
            allLabel="All families"
            value={family}
            onChange={setFilter('family')}
            options={families.map(f => ({ value: f.id, label: f.title }))}
          />
        </Grid>
        <Grid item xs={12} sm={6} md={3}>
          <FilterSelect
            id="rule-catalog-repository-type"
            label="Repository type"
            allLabel="All types"
            value={repositoryType}
            onChange={setFilter('repositoryType')}
            options={repositoryTypes.map(type => ({
              value: type,
              label: type,
            }))}
          />
        </Grid>
      </Grid>

      <Typography variant="body2" role="status" gutterBottom>
        Showing {visible.length} of {rules.length} checks
      </Typography>

      <TableContainer>
        <Table
          size="small"
          aria-labelledby="rule-catalog-title"
          className={classes.table}
        >
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                ID
              </TableCell>
              <TableCell component="th" scope="col">
                Check
              </TableCell>
              <TableCell component="th" scope="col">
                Source
              </TableCell>
              <TableCell component="th" scope="col">
                Family
              </TableCell>
              <TableCell component="th" scope="col" className={classes.nowrap}>
                Applies to
              </TableCell>
              <TableCell component="th" scope="col" className={classes.nowrap}>
                Weight
              </TableCell>
              <TableCell component="th" scope="col">
                Handbook
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {visible.map(rule => (
              <TableRow key={rule.id} id={rule.id}>
                {/* MUI marks body cells role="cell"; the id names the row. */}
                <TableCell
                  component="th"
                  scope="row"
                  role="rowheader"
                  className={classes.id}
                >
                  {rule.id}
                </TableCell>
                <TableCell>
                  <Typography variant="body2" component="div">
                    <strong>{rule.title}</strong>
                    {rule.advisory && (
                      <Chip
                        size="small"
                        label="Advisory"
                        variant="outlined"
                        title="Advisory by default: reported, but not counted in the score or levels"
                        className={classes.advisory}
                      />
                    )}
                  </Typography>
                  <Typography
                    variant="body2"
                    color="textSecondary"
                    className={classes.detail}
                  >
                    <InlineCode text={rule.rationale} />
                  </Typography>
                  <Typography variant="body2" className={classes.detail}>
                    Fix: <InlineCode text={rule.fix.summary} />
                  </Typography>
                </TableCell>
                <TableCell
                  className={`${classes.compact} ${classes.source}`}
                  data-source={rule.source.kind}
                >
                  {checkSourceLabel(rule.source)}
                </TableCell>
                <TableCell className={classes.compact}>
                  {familyTitle(rule.family)}
                </TableCell>
                <TableCell className={classes.compact}>
                  {appliesToAll(rule)
                    ? 'All types'
                    : rule.appliesTo.map(type => (
                        <Chip
                          key={type}
                          size="small"
                          label={type}
                          className={classes.chip}
                        />
                      ))}
                </TableCell>
                <TableCell className={classes.compact}>
                  {WEIGHT_LABELS[rule.weight] ?? rule.weight}
                </TableCell>
                <TableCell>
                  <Link to={handbookLink(rule.docs.page, rule.docs.anchor)}>
                    {sectionTitle(rule.docs.page, rule.docs.anchor)}
                  </Link>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </section>
  );
}
