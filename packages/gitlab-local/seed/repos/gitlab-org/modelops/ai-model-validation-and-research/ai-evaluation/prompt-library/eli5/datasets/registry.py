DATASETS = {
    "duo-chat-small": "gs://gitlab-ai-datasets/duo-chat/small.jsonl",
    "code-suggestions-python": "gs://gitlab-ai-datasets/code-suggestions/python.jsonl",
}
