"""GitLab Duo Workflow Service."""
