import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import LinearProgress from '@material-ui/core/LinearProgress';
import { makeStyles } from '@material-ui/core/styles';
import GetAppIcon from '@material-ui/icons/GetApp';
import {
  Content,
  ContentHeader,
  Header,
  Page,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import {
  repositoryTypes,
  ruleCatalog,
  type CodebaseSortKey,
} from '@internal/plugin-python-stewardship-common/browser';
import { pythonStewardshipApiRef } from '../../api';
import { DiscoveryStatusCard } from '../DiscoveryStatusCard';
import { useHandbookLinks } from '../../hooks/useHandbookLinks';
import {
  ErrorNotice,
  LevelChip,
  Sparkline,
  formatDateTime,
  relativeTime,
  shortRef,
} from '../shared';
import { SummaryPanel } from './SummaryPanel';
import { queryFromSearchParams, withParams } from './codebaseQueryParams';

const useStyles = makeStyles(theme => ({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    alignItems: 'center',
    margin: theme.spacing(3, 0, 2),
  },
  filter: { minWidth: 150 },
  // The outlined fields' grey labels are too faint on this theme's paper.
  labels: { '& label': { color: theme.palette.text.primary } },
  search: { minWidth: 240, flex: '1 1 240px' },
  name: { minWidth: 180, wordBreak: 'normal', overflowWrap: 'anywhere' },
  nowrap: { whiteSpace: 'nowrap' },
  failing: { maxWidth: 220 },
  empty: { padding: theme.spacing(4), textAlign: 'center' },
}));

const columns: Array<{
  id: string;
  label: string;
  sort?: CodebaseSortKey;
  numeric?: boolean;
}> = [
  { id: 'name', label: 'Codebase', sort: 'name' },
  { id: 'type', label: 'Type', sort: 'type' },
  { id: 'owner', label: 'Owner', sort: 'owner' },
  { id: 'maintainers', label: 'Maintainers' },
  { id: 'score', label: 'Score', sort: 'score', numeric: true },
  { id: 'level', label: 'Level', sort: 'level' },
  { id: 'failing', label: 'Failing checks', sort: 'failing' },
  { id: 'lastScanAt', label: 'Last scan', sort: 'lastScanAt' },
  { id: 'trend', label: 'Trend' },
];

function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Every Python codebase with its score and level, filtered, searched, sorted
 * and paged by the conformance service; the organisation summary above it.
 * The list's state lives in the URL, so a filtered view can be shared.
 */
export function CodebasesPage() {
  const classes = useStyles();
  const api = useApi(pythonStewardshipApiRef);
  const handbookLink = useHandbookLinks();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromSearchParams(params), [params]);
  const queryKey = JSON.stringify(query);
  const [search, setSearch] = useState(query.q ?? '');
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<Error | undefined>();

  // Search as you type, once the typing pauses.
  useEffect(() => {
    if ((query.q ?? '') === search.trim()) return undefined;
    const timer = setTimeout(() => {
      setParams(p => withParams(p, { q: search.trim() || undefined }), {
        replace: true,
      });
    }, 300);
    return () => clearTimeout(timer);
  }, [search, query.q, setParams]);

  const summary = useAsyncRetry(() => api.getSummary(), [api]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const page = useAsyncRetry(() => api.listCodebases(query), [api, queryKey]);
  const owners = useMemo(
    () => (summary.value?.owners ?? []).map(o => o.owner).sort(),
    [summary.value],
  );

  const set = (changes: Record<string, string | undefined>) =>
    setParams(p => withParams(p, changes));
  const filterHref = (changes: Record<string, string | undefined>) =>
    `?${withParams(new URLSearchParams(), changes).toString()}`;

  const exportCsv = async () => {
    setExporting(true);
    setExportError(undefined);
    try {
      saveBlob(await api.exportCodebasesCsv(query), 'python-codebases.csv');
    } catch (e) {
      setExportError(e as Error);
    } finally {
      setExporting(false);
    }
  };

  const sortBy = (key: CodebaseSortKey) => {
    const order = query.sort === key && query.order !== 'desc' ? 'desc' : 'asc';
    set({ sort: key, order });
  };

  const filtersActive = Boolean(
    query.q || query.type || query.owner || query.level || query.failingCheck,
  );
  const limit = query.limit ?? 25;
  const pageIndex = Math.floor((query.offset ?? 0) / limit);

  return (
    <Page themeId="tool">
      <Header
        title="Python codebases"
        subtitle="Every Python codebase, who owns it and how it measures up to the guidelines"
      />
      <Content>
        {summary.error && (
          <ErrorNotice
            title="Could not load the organisation summary"
            error={summary.error}
            onRetry={summary.retry}
          />
        )}
        {summary.loading && !summary.value && (
          <LinearProgress aria-label="Loading the summary" />
        )}
        {summary.value && (
          <SummaryPanel
            summary={summary.value}
            handbookLink={handbookLink}
            filterHref={filterHref}
          />
        )}

        <DiscoveryStatusCard />

        <ContentHeader title="Codebases">
          <Button
            variant="outlined"
            color="primary"
            startIcon={<GetAppIcon />}
            onClick={exportCsv}
            disabled={exporting}
          >
            {exporting ? 'Exporting…' : 'Export CSV'}
          </Button>
        </ContentHeader>
        {exportError && (
          <ErrorNotice title="CSV export failed" error={exportError} />
        )}
        <form
          className={`${classes.filters} ${classes.labels}`}
          role="search"
          aria-label="Filter codebases"
          onSubmit={e => {
            e.preventDefault();
            set({ q: search.trim() || undefined });
          }}
        >
          <TextField
            className={classes.search}
            label="Search"
            placeholder="Name, title or GitLab path"
            value={search}
            onChange={e => setSearch(e.target.value)}
            variant="outlined"
            size="small"
            id="codebases-search"
            type="search"
          />
          <TextField
            select
            className={classes.filter}
            label="Type"
            value={query.type ?? ''}
            onChange={e => set({ type: e.target.value || undefined })}
            variant="outlined"
            size="small"
            id="codebases-type"
          >
            <MenuItem value="">Any type</MenuItem>
            {repositoryTypes.map(type => (
              <MenuItem key={type} value={type}>
                {type}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            className={classes.filter}
            label="Owner group"
            value={query.owner ?? ''}
            onChange={e => set({ owner: e.target.value || undefined })}
            variant="outlined"
            size="small"
            id="codebases-owner"
          >
            <MenuItem value="">Any owner</MenuItem>
            {query.owner && !owners.includes(query.owner) && (
              <MenuItem value={query.owner}>{shortRef(query.owner)}</MenuItem>
            )}
            {owners.map(owner => (
              <MenuItem key={owner} value={owner}>
                {shortRef(owner)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            className={classes.filter}
            label="Level"
            value={query.level ?? ''}
            onChange={e => set({ level: e.target.value || undefined })}
            variant="outlined"
            size="small"
            id="codebases-level"
          >
            <MenuItem value="">Any level</MenuItem>
            <MenuItem value="gold">Gold</MenuItem>
            <MenuItem value="silver">Silver</MenuItem>
            <MenuItem value="bronze">Bronze</MenuItem>
            <MenuItem value="none">No level</MenuItem>
          </TextField>
          <TextField
            select
            className={classes.filter}
            label="Failing check"
            value={query.failingCheck ?? ''}
            onChange={e => set({ failingCheck: e.target.value || undefined })}
            variant="outlined"
            size="small"
            id="codebases-failing-check"
            SelectProps={{ MenuProps: { style: { maxHeight: 480 } } }}
          >
            <MenuItem value="">Any check</MenuItem>
            {ruleCatalog.map(rule => (
              <MenuItem key={rule.id} value={rule.id}>
                {rule.id} {rule.title}
              </MenuItem>
            ))}
          </TextField>
          {filtersActive && (
            <Button
              onClick={() => {
                setSearch('');
                setParams(new URLSearchParams());
              }}
            >
              Clear filters
            </Button>
          )}
        </form>

        {page.error && (
          <ErrorNotice
            title="Could not load the codebases"
            error={page.error}
            onRetry={page.retry}
          />
        )}
        <Paper>
          {page.loading && <LinearProgress aria-label="Loading codebases" />}
          <TableContainer>
            <Table size="small" aria-label="Python codebases">
              <TableHead>
                <TableRow>
                  {columns.map(column => (
                    <TableCell
                      key={column.id}
                      align={column.numeric ? 'right' : 'left'}
                      sortDirection={
                        column.sort && query.sort === column.sort
                          ? query.order ?? 'asc'
                          : false
                      }
                      className={classes.nowrap}
                    >
                      {column.sort ? (
                        <TableSortLabel
                          active={query.sort === column.sort}
                          direction={
                            query.sort === column.sort
                              ? query.order ?? 'asc'
                              : 'asc'
                          }
                          onClick={() => sortBy(column.sort!)}
                        >
                          {column.label}
                        </TableSortLabel>
                      ) : (
                        column.label
                      )}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {page.value?.items.map(row => (
                  <TableRow key={row.entityRef} hover>
                    <TableCell
                      className={classes.name}
                      component="th"
                      scope="row"
                    >
                      <EntityRefLink
                        entityRef={row.entityRef}
                        title={row.title ?? row.name}
                      />
                      {row.projectPath && (
                        <Typography
                          variant="caption"
                          display="block"
                          color="textSecondary"
                        >
                          {row.projectPath}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>{row.type ?? '–'}</TableCell>
                    <TableCell>
                      {row.owner ? (
                        <EntityRefLink
                          entityRef={row.owner}
                          defaultKind="group"
                        />
                      ) : (
                        '–'
                      )}
                    </TableCell>
                    <TableCell>
                      {row.maintainers.length > 0 ? (
                        <EntityRefLinks
                          entityRefs={row.maintainers}
                          defaultKind="user"
                        />
                      ) : (
                        '–'
                      )}
                    </TableCell>
                    <TableCell align="right">{row.score ?? '–'}</TableCell>
                    <TableCell>
                      <LevelChip level={row.level} />
                    </TableCell>
                    <TableCell className={classes.failing}>
                      {row.failing === 0 && (row.score === null ? '–' : 'none')}
                      {row.failingChecks.map((id, i) => (
                        <span key={id}>
                          {i > 0 && ', '}
                          <a
                            href={filterHref({ failingCheck: id })}
                            onClick={e => {
                              e.preventDefault();
                              set({ failingCheck: id });
                            }}
                            title={ruleCatalog.find(r => r.id === id)?.title}
                          >
                            {id}
                          </a>
                        </span>
                      ))}
                    </TableCell>
                    <TableCell className={classes.nowrap}>
                      {row.lastScanAt ? (
                        <time
                          dateTime={row.lastScanAt}
                          title={formatDateTime(row.lastScanAt)}
                        >
                          {relativeTime(row.lastScanAt)}
                        </time>
                      ) : (
                        'not yet'
                      )}
                    </TableCell>
                    <TableCell>
                      <Sparkline values={row.trend} />
                    </TableCell>
                  </TableRow>
                ))}
                {page.value && page.value.items.length === 0 && (
                  <TableRow>
                    <TableCell
                      colSpan={columns.length}
                      className={classes.empty}
                    >
                      {filtersActive
                        ? 'No codebase matches these filters. Clear a filter to see more.'
                        : 'No Python codebases in the catalog yet. They appear once GitLab discovery has run (within a minute of start), or register one from Create.'}
                    </TableCell>
                  </TableRow>
                )}
              </TableBody>
            </Table>
          </TableContainer>
          <TablePagination
            component="div"
            count={page.value?.totalCount ?? 0}
            page={page.value ? pageIndex : 0}
            rowsPerPage={limit}
            rowsPerPageOptions={[25, 50, 100, 200]}
            onPageChange={(_e, next) => set({ page: String(next + 1) })}
            onRowsPerPageChange={e => set({ limit: e.target.value })}
          />
        </Paper>
      </Content>
    </Page>
  );
}
