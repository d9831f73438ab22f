import { useMemo } from 'react';
import ReactMarkdown, { Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { makeStyles } from '@material-ui/core/styles';
import { CodeSnippet, Link } from '@backstage/core-components';
import { rehypeCheckLinks } from '../../handbook/rehypeCheckLinks';
import type { HastNode } from '../../handbook/hast';
import { rehypeHeadingIds } from '../../handbook/rehypeHeadingIds';
import { resolveHandbookHref } from '../../handbook/resolveHandbookHref';
import { HandbookLink } from '../../hooks/useHandbookLinks';

const useStyles = makeStyles(theme => ({
  markdown: {
    ...theme.typography.body1,
    '& h1, & h2, & h3, & h4': {
      // Keeps a heading reached through `#anchor` clear of the sticky header.
      scrollMarginTop: theme.spacing(10),
    },
    '& table': {
      borderCollapse: 'collapse',
      margin: theme.spacing(2, 0),
      display: 'block',
      overflowX: 'auto',
    },
    '& th, & td': {
      border: `1px solid ${theme.palette.divider}`,
      padding: theme.spacing(1, 1.5),
      textAlign: 'left',
      verticalAlign: 'top',
    },
    '& th': { backgroundColor: theme.palette.background.default },
    '& :not(pre) > code': {
      fontFamily: 'monospace',
      fontSize: '0.9em',
      padding: theme.spacing(0.25, 0.5),
      borderRadius: theme.shape.borderRadius,
      backgroundColor: theme.palette.action.hover,
    },
    '& blockquote': {
      margin: theme.spacing(2, 0),
      padding: theme.spacing(0, 2),
      borderLeft: `4px solid ${theme.palette.divider}`,
      color: theme.palette.text.secondary,
    },
    '& img': { maxWidth: '100%' },
  },
  codeBlock: { margin: theme.spacing(2, 0) },
  // The `> **Source:** …` line under a rule's heading: a compact label,
  // distinct from a quotation, so whose rule it is reads at a glance.
  sourceLabel: {
    ...theme.typography.body2,
    display: 'inline-block',
    margin: theme.spacing(0, 0, 1.5),
    padding: theme.spacing(0.25, 1.25),
    borderRadius: theme.shape.borderRadius,
    border: `1px solid ${theme.palette.divider}`,
    backgroundColor: theme.palette.background.default,
    color: theme.palette.text.secondary,
    '& p': { margin: 0 },
    '& strong': { color: theme.palette.text.primary },
  },
}));

const textOf = (node: HastNode): string =>
  node.value ?? (node.children ?? []).map(textOf).join('');

/** Whether a blockquote is a rule's source label: `> **Source:** …`. */
function isSourceLabel(node: HastNode | undefined): boolean {
  const paragraph = node?.children?.find(child => child.type === 'element');
  const first = paragraph?.children?.[0];
  return (
    paragraph?.tagName === 'p' &&
    first?.tagName === 'strong' &&
    textOf(first).trim() === 'Source:'
  );
}

/** Props of {@link HandbookMarkdown}. */
export interface HandbookMarkdownProps {
  /** Markdown of one handbook page. */
  markdown: string;
  /** Resolves `other-page.md#anchor` links to portal paths. */
  handbookLink: HandbookLink;
  /** Where a check id such as `PYG-001` links to; ids stay text without it. */
  checkHref?: (checkId: string) => string;
}

/**
 * Renders a handbook page: GitHub-flavoured markdown (tables, task lists),
 * headings with GitHub-style ids, highlighted code blocks, and links between
 * handbook pages rewritten to portal routes so they navigate in-app, and
 * check ids linked to the rule catalog.
 */
export function HandbookMarkdown(props: HandbookMarkdownProps) {
  const { markdown, handbookLink, checkHref } = props;
  const classes = useStyles();

  const components = useMemo<Components>(
    () => ({
      // Fenced blocks become CodeSnippet (a div), which must not sit inside <pre>.
      pre: ({ children }) => <>{children}</>,
      code: ({ inline, className, children }) => {
        if (inline) {
          return <code>{children}</code>;
        }
        const language = /language-([\w-]+)/.exec(className ?? '')?.[1];
        return (
          <div className={classes.codeBlock}>
            <CodeSnippet
              text={String(children).replace(/\n$/, '')}
              language={language ?? 'text'}
              showCopyCodeButton
            />
          </div>
        );
      },
      blockquote: ({ node, children }) =>
        isSourceLabel(node as HastNode) ? (
          <div
            role="note"
            aria-label="Rule source"
            className={classes.sourceLabel}
          >
            {children}
          </div>
        ) : (
          <blockquote>{children}</blockquote>
        ),
      a: ({ href, children, title }) =>
        href ? (
          <Link
            to={resolveHandbookHref(href, pageId => handbookLink(pageId))}
            title={title}
          >
            {children}
          </Link>
        ) : (
          <>{children}</>
        ),
    }),
    [classes.codeBlock, classes.sourceLabel, handbookLink],
  );

  return (
    <div className={classes.markdown}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={
          checkHref
            ? [rehypeHeadingIds, [rehypeCheckLinks, { href: checkHref }]]
            : [rehypeHeadingIds]
        }
        components={components}
      >
        {markdown}
      </ReactMarkdown>
    </div>
  );
}
