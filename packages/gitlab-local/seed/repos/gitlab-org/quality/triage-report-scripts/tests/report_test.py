from triage.report import summarize


def test_summarize():
    assert summarize([{"labels": ["bug"]}, {"labels": ["bug", "ux"]}]) == {"bug": 2, "ux": 1}
