import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { allTemplateActionIds, SKELETON_URL } from './templateActions';

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
      const template = parse(fs.readFileSync(file, 'utf8'));
      for (const step of template.spec.steps) {
        expect(allTemplateActionIds()).toContain(step.action);
        if (step.action === 'fetch:template') {
          expect(step.input.url).toBe(SKELETON_URL);
        }
        if (
          [
            'publish:gitlab',
            'python-stewardship:gitlab:review-settings',
            'python-stewardship:gitlab:preflight',
          ].includes(step.action)
        ) {
          // The policy refuses these without the person's own token.
          expect(step.input.token).toBe('${{ secrets.USER_OAUTH_TOKEN }}');
        }
      }
    },
  );
});
