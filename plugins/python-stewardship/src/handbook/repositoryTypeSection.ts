/**
 * Where "Creating a codebase" covers each repository type: its `## Services`,
 * `## Utilities` and `## Libraries` sections. Unknown or missing types go to
 * the section that explains how to choose one.
 */
const SECTIONS: Record<string, { anchor: string; title: string }> = {
  service: { anchor: 'services', title: 'Creating a service' },
  utility: { anchor: 'utilities', title: 'Creating a utility' },
  library: { anchor: 'libraries', title: 'Creating a library' },
};

/** Page holding the per-type guidance. */
export const CREATING_A_CODEBASE_PAGE = 'creating-a-codebase';

/** Handbook anchor and link text for a repository type. */
export function repositoryTypeSection(type: string | undefined): {
  anchor: string;
  title: string;
} {
  return (
    SECTIONS[type?.toLocaleLowerCase('en-US') ?? ''] ?? {
      anchor: 'choosing-a-repository-type',
      title: 'Choosing a repository type',
    }
  );
}
