"""The sentence of an event as HTML, with source, target and trigger marked.

Spans come from the event's character offsets. One span inside another is nested (a
reciprocal event can have source and target on the same words); a span that only partly
overlaps an earlier one is left unmarked rather than split, so every <mark> holds exactly
the words the event names.
"""
from __future__ import annotations

from html import escape

from markupsafe import Markup

ROLES = ("source", "target", "trigger")


def spans(event: dict) -> list[tuple[int, int, str]]:
    """(start, end, role) of each role with a valid span inside the sentence."""
    n = len(event.get("sentence") or "")
    out = []
    for role in ROLES:
        start, end = event.get(f"{role}_start"), event.get(f"{role}_end")
        if start is None or end is None or start < 0 or end <= start or end > n:
            continue
        out.append((int(start), int(end), role))
    return out


def _nest(items: list[tuple[int, int, str]]) -> list[tuple[int, int, str, list]]:
    """Spans as a tree: children lie fully inside their parent; partial overlaps are dropped."""
    roots: list = []
    stack: list = []
    for start, end, role in sorted(items, key=lambda s: (s[0], -s[1], ROLES.index(s[2]))):
        while stack and stack[-1][1] <= start:
            stack.pop()
        if stack and end > stack[-1][1]:
            continue  # crosses the edge of an open span
        node = (start, end, role, [])
        (stack[-1][3] if stack else roots).append(node)
        stack.append(node)
    return roots


def _render(sentence: str, start: int, end: int, nodes: list) -> str:
    html, pos = [], start
    for s, e, role, children in nodes:
        html.append(escape(sentence[pos:s]))
        inner = _render(sentence, s, e, children)
        html.append(f'<mark class="ev-{role}" data-role="{role}" title="{role}">{inner}</mark>')
        pos = e
    html.append(escape(sentence[pos:end]))
    return "".join(html)


def highlight(event: dict) -> Markup:
    """The event's sentence, escaped, with <mark class="ev-source|ev-target|ev-trigger">."""
    sentence = event.get("sentence") or ""
    return Markup(_render(sentence, 0, len(sentence), _nest(spans(event))))
