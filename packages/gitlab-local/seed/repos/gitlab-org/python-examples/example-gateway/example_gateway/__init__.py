"""Example AI gateway: the service the handbook's onboarding walkthrough changes."""
