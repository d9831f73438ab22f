from enum import StrEnum


class UnitPrimitive(StrEnum):
    CODE_SUGGESTIONS = "code_suggestions"
    DUO_CHAT = "duo_chat"
    DUO_WORKFLOW_EXECUTE_WORKFLOW = "duo_workflow_execute_workflow"
