from duo_workflow_service.agents.planner import plan


def test_plan_splits_goal(goal: str) -> None:
    assert plan(goal).steps == ["read the issue", "open a merge request"]
