"""GitLab AI Gateway."""
