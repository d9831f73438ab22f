from pydantic import BaseModel


class Plan(BaseModel):
    goal: str
    steps: list[str]


def plan(goal: str) -> Plan:
    """Splits a goal into steps; real planning is done by the model."""
    return Plan(goal=goal, steps=[part.strip() for part in goal.split(" and ") if part.strip()])
