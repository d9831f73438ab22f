"""Centralized Evaluation Framework."""
