import re

_HIDDEN_UNICODE = re.compile("[\u200b-\u200f\u202a-\u202e]")


def strip_hidden_unicode(text: str) -> str:
    """Removes zero-width and bidi control characters used in prompt injection."""
    return _HIDDEN_UNICODE.sub("", text)
