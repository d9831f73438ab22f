import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  allTemplateActionIds,
  SKELETON_URL,
  TEMPLATE_ACTIONS,
} from './templateActions';

// Tests run from source, so the repository layout is known.
// eslint-disable-next-line no-restricted-syntax
const templatesDir = path.resolve(__dirname, '../../../templates');

const templates = fs
  .readdirSync(templatesDir)
  .map(name => path.join(templatesDir, name, 'template.yaml'))
  .filter(file => fs.existsSync(file));

describe('the allow-list of template actions', () => {
  it('finds the published templates', () => {
    expect(templates.length).toBeGreaterThanOrEqual(3);
  });

  it.each(templates.map(file => [path.basename(path.dirname(file)), file]))(
    'covers every step of %s, so non-admins can run it',
    (_name, file) => {
      const steps: Array<{ action: string; input?: Record<string, unknown> }> =
        parse(fs.readFileSync(file, 'utf8')).spec.steps;
      const unknown = steps
        .map(step => step.action)
        .filter(action => !allTemplateActionIds().includes(action));
      expect(unknown).toEqual([]);

      const fetchUrls = steps
        .filter(step => step.action === TEMPLATE_ACTIONS.fetchSkeleton)
        .map(step => step.input?.url);
      expect(fetchUrls).toEqual([SKELETON_URL]);

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
