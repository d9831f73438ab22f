import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { DemoGitlabBanner } from './DemoGitlabBanner';

describe('DemoGitlabBanner', () => {
  it('says plainly that the portal runs on the local demo GitLab', async () => {
    renderInTestApp(<DemoGitlabBanner>content</DemoGitlabBanner>, {
      config: {
        portal: { gitlab: { demo: true, url: 'http://localhost:7080' } },
      },
    });
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Demo mode: GitLab data comes from the local demo GitLab at http://localhost:7080',
    );
    expect(screen.getByText('content')).toBeInTheDocument();
  });

  it('shows nothing extra against a real GitLab', async () => {
    renderInTestApp(<DemoGitlabBanner>content</DemoGitlabBanner>, {
      config: { portal: { gitlab: { demo: false } } },
    });
    expect(await screen.findByText('content')).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
