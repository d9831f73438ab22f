import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  allTemplateActionIds,
  SKELETON_URLS,
  TEMPLATE_ACTIONS,
} from './templateActions';

// Tests run from source, so the repository layout is known.
// eslint-disable-next-line no-restricted-syntax
const templatesDir = path.resolve(__dirname, '../../../templates');

// The templates sit directly in templates/, next to their skeletons/.
const templates = fs
  .readdirSync(templatesDir)
  .filter(name => name.endsWith('.yaml'))
  .map(name => path.join(templatesDir, name))
  .filter(file => parse(fs.readFileSync(file, 'utf8'))?.kind === 'Template');

const stepsOf = (
  file: string,
): Array<{ action: string; input?: Record<string, unknown> }> =>
  parse(fs.readFileSync(file, 'utf8')).spec.steps;

describe('the allow-list of template actions', () => {
  it('finds the published templates', () => {
    expect(templates.length).toBeGreaterThanOrEqual(3);
  });

  it('allows exactly the skeleton folders the templates fetch, each of which exists', () => {
    const fetched = templates.flatMap(file =>
      stepsOf(file)
        .filter(step => step.action === TEMPLATE_ACTIONS.fetchSkeleton)
        .map(step => step.input?.url),
    );
    expect(new Set(fetched)).toEqual(new Set(SKELETON_URLS));
    for (const url of SKELETON_URLS) {
      expect(fs.statSync(path.join(templatesDir, url)).isDirectory()).toBe(
        true,
      );
    }
  });

  it.each(templates.map(file => [path.basename(file), file]))(
    'covers every step of %s, so non-admins can run it',
    (_name, file) => {
      const steps = stepsOf(file);
      const unknown = steps
        .map(step => step.action)
        .filter(action => !allTemplateActionIds().includes(action));
      expect(unknown).toEqual([]);

      const fetchUrls = steps
        .filter(step => step.action === TEMPLATE_ACTIONS.fetchSkeleton)
        .map(step => step.input?.url);
      expect(fetchUrls.length).toBeGreaterThan(0);
      for (const url of fetchUrls) {
        expect(SKELETON_URLS).toContain(url);
      }

      // The policy refuses these without the person's own token.
      const gitlabTokens = steps
        .filter(step =>
          (TEMPLATE_ACTIONS.gitlabWrites as readonly string[]).includes(
            step.action,
          ),
        )
        .map(step => step.input?.token);
      expect(gitlabTokens.length).toBeGreaterThan(0);
      expect(new Set(gitlabTokens)).toEqual(
        new Set(['${{ secrets.USER_OAUTH_TOKEN }}']),
      );
    },
  );
});
