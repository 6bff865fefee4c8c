"""Send pandoc each distinct citation once: a brief cites the same sources over and over.

Citeproc's cost grows with every citation it formats, yet in a long brief
most citations repeat one seen before: the same source, the same locator,
again in its short form. What decides a citation's form is known from the
style (``CslStyle.repeat_context``): its own sources and locators, whether
each source was cited before (first or subsequent form), and, for a style
that tests the ``ibid`` positions, the citation just before it. So
``plan_requests`` keeps one citation per distinct combination, in reading
order, which keeps every source's first citation first and the items'
order of first citation (numeric styles number by it). Where a kept
citation needs the citation before it to be what the reader sees, the plan
puts a copy of that one right before it; the copy cites only sources cited
already, so it changes no other citation's first or subsequent form, and
its own answer is not used. A style that depends on note numbers
(``near-note``, ``first-reference-note-number``) gets every citation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefpack.citations.pandoc_run import CitationRequest

Group = Sequence[CitationRequest]


@dataclass(frozen=True, slots=True)
class Plan:
    """The citation groups to send, in order, and for each group of the brief the index of its answer."""

    requests: tuple[Group, ...]
    answer_of: tuple[int, ...]


def plan_requests(groups: Sequence[Group], repeat_context: str) -> Plan:
    """Which of ``groups`` (the brief's citations, in reading order) to format; see the module docstring."""
    if repeat_context not in ("cited-before", "previous"):
        return Plan(tuple(groups), tuple(range(len(groups))))
    sent: list[Group] = []
    answer_at: dict[tuple, int] = {}
    answer_of: list[int] = []
    cited: set[str] = set()
    previous: Group | None = None
    for group in groups:
        seen = []
        for request in group:
            seen.append(request.key in cited)
            cited.add(request.key)
        keys = _keys(group)
        before = None
        if repeat_context == "previous" and previous is not None and keys & _keys(previous):
            before = tuple(previous)  # only a citation of the same source can make this one "ibid"
        signature = (tuple(group), tuple(seen), before)
        at = answer_at.get(signature)
        if at is None:
            if repeat_context == "previous" and not _stage(sent, before, keys):
                return Plan(tuple(groups), tuple(range(len(groups))))
            at = answer_at[signature] = len(sent)
            sent.append(group)
        answer_of.append(at)
        previous = group
    return Plan(tuple(sent), tuple(answer_of))


def _stage(sent: list[Group], before: tuple | None, keys: set[str]) -> bool:
    """Make the last sent citation ``before``, or (``None``) one citing none of ``keys``; false if impossible."""
    last = sent[-1] if sent else None
    if before is not None:
        if last is None or tuple(last) != before:
            sent.append(before)
        return True
    if last is None or not keys & _keys(last):
        return True
    # Some earlier citation shared no source with this one (that is why ``before`` is None), so one was sent.
    helper = next((g for g in reversed(sent) if not keys & _keys(g)), None)
    if helper is None:
        return False
    sent.append(helper)
    return True


def _keys(group: Group) -> set[str]:
    return {request.key for request in group}
