import { docsLink, FormatContext } from './FormatContext';

const LEVELS = { fail: 'warning', error: 'error' } as const;

/** SARIF 2.1.0 for code-scanning tools; failing checks become results. */
export function formatSarif(context: FormatContext): string {
  const { report } = context;
  const reported = report.results.filter(
    r => r.status === 'fail' || r.status === 'error',
  );
  const rules = report.results.map(result => {
    const rule = context.rules.get(result.id);
    return {
      id: result.id,
      name: result.title,
      shortDescription: { text: result.title },
      fullDescription: { text: rule?.rationale ?? result.title },
      helpUri: context.docsBaseUrl ? docsLink(context, result.docs) : undefined,
      help: {
        text: `${rule?.fix.summary ?? ''} See ${docsLink(
          context,
          result.docs,
        )}`,
      },
      properties: {
        family: result.family,
        weight: result.weight,
        advisory: result.advisory,
      },
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'python-conformance', rules } },
        ...(report.commitId
          ? {
              versionControlProvenance: [
                { repositoryUri: '.', revisionId: report.commitId },
              ],
            }
          : {}),
        results: reported.map(result => ({
          ruleId: result.id,
          ruleIndex: report.results.indexOf(result),
          level:
            result.advisory && result.status === 'fail'
              ? 'note'
              : LEVELS[result.status as 'fail' | 'error'],
          message: { text: result.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: {
                  uri:
                    result.location?.path ??
                    `${report.projectRoot}pyproject.toml`,
                },
                region: { startLine: result.location?.line ?? 1 },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
