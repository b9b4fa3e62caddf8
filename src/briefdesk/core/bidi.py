"""The Unicode Bidirectional Algorithm (UAX #9): embedding levels and visual order.

The PDF writer lays text out itself, and the PDF reader puts right-to-left lines back in
reading order; both need what python-bidi's API does not give: the resolved embedding level
of every character (to split runs by direction before shaping them) and the visual order of
each line once it is broken. This module implements the algorithm's rules X1–X10, W1–W7, N0
(bracket pairs), N1–N2, I1–I2, L1 (trailing whitespace) and L2 from the standard library's
Unicode database alone. Paragraph separators are the caller's business: :func:`resolve_levels`
treats its text as one paragraph.
"""

from __future__ import annotations

import unicodedata

__all__ = [
    "MAX_DEPTH",
    "base_level",
    "resolve_levels",
    "trailing_whitespace_levels",
    "visual_order",
]

MAX_DEPTH = 125
"""The deepest embedding level the algorithm allows (BD2)."""

_STRONG = {"L": "L", "R": "R", "AL": "R"}
_ISOLATE_INITIATORS = frozenset(("LRI", "RLI", "FSI"))
_EMBEDDINGS = frozenset(("LRE", "RLE", "LRO", "RLO"))
_REMOVED = frozenset(("LRE", "RLE", "LRO", "RLO", "PDF", "BN"))
_NEUTRAL = frozenset(("B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"))
_MAX_BRACKET_DEPTH = 63  # BD16
_LEFT_TO_RIGHT_ONLY = frozenset(("R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "LRI", "RLI", "FSI"))
"""Classes that can give a character a level above 0; text without them is all level 0."""


def _bidi_classes(text: str) -> list[str]:
    return [unicodedata.bidirectional(char) or "L" for char in text]


def _closing_bracket(char: str) -> str | None:
    """Return the closing bracket paired with *char*, or None if it opens no pair.

    Unicode's paired brackets are the mirrored opening punctuation, each closed by the next code
    point or, for the four brackets with a different closer in between, the one after.
    """
    if unicodedata.category(char) != "Ps" or not unicodedata.mirrored(char):
        return None
    for step in (1, 2):
        partner = chr(ord(char) + step)
        if unicodedata.category(partner) == "Pe" and unicodedata.mirrored(partner):
            return partner
    return None


def _first_strong(classes: list[str], start: int, stop: int) -> str | None:
    """Return "L" or "R": the first strong class in classes[start:stop] outside isolates (P2)."""
    depth = 0
    for cls in classes[start:stop]:
        if cls in _ISOLATE_INITIATORS:
            depth += 1
        elif cls == "PDI":
            if depth:
                depth -= 1
        elif depth == 0 and cls in _STRONG:
            return _STRONG[cls]
    return None


def base_level(text: str) -> int:
    """Return the paragraph level of *text*: 1 if its first strong character is RTL (P2, P3)."""
    classes = _bidi_classes(text)
    return 1 if _first_strong(classes, 0, len(classes)) == "R" else 0


def _matching_pdis(classes: list[str]) -> dict[int, int]:
    """Map each isolate initiator's index to its matching PDI's index (BD9)."""
    matches: dict[int, int] = {}
    open_isolates: list[int] = []
    for index, cls in enumerate(classes):
        if cls in _ISOLATE_INITIATORS:
            open_isolates.append(index)
        elif cls == "PDI" and open_isolates:
            matches[open_isolates.pop()] = index
    return matches


def _explicit_levels(
    classes: list[str], base: int, matches: dict[int, int]
) -> tuple[list[int], list[str]]:
    """Apply X1–X8: the explicit embedding level of each character, and classes with overrides."""
    levels = [base] * len(classes)
    types = list(classes)
    stack: list[tuple[int, str | None, bool]] = [(base, None, False)]
    overflow_isolates = overflow_embeddings = valid_isolates = 0
    for index, cls in enumerate(classes):
        level, override, _ = stack[-1]
        if cls in _EMBEDDINGS:
            rtl = cls in ("RLE", "RLO")
            new = (level + 1) | 1 if rtl else (level + 2) & ~1
            if new <= MAX_DEPTH and not overflow_isolates and not overflow_embeddings:
                forced = {"RLO": "R", "LRO": "L"}.get(cls)
                stack.append((new, forced, False))
            elif not overflow_isolates:
                overflow_embeddings += 1
            levels[index] = level
        elif cls in _ISOLATE_INITIATORS:
            levels[index] = level
            if override:
                types[index] = override
            if cls == "FSI":
                end = matches.get(index, len(classes))
                rtl = _first_strong(classes, index + 1, end) == "R"
            else:
                rtl = cls == "RLI"
            new = (level + 1) | 1 if rtl else (level + 2) & ~1
            if new <= MAX_DEPTH and not overflow_isolates and not overflow_embeddings:
                valid_isolates += 1
                stack.append((new, None, True))
            else:
                overflow_isolates += 1
        elif cls == "PDI":
            if overflow_isolates:
                overflow_isolates -= 1
            elif valid_isolates:
                overflow_embeddings = 0
                while not stack[-1][2]:
                    stack.pop()
                stack.pop()
                valid_isolates -= 1
            level, override, _ = stack[-1]
            levels[index] = level
            if override:
                types[index] = override
        elif cls == "PDF":
            if overflow_isolates:
                pass
            elif overflow_embeddings:
                overflow_embeddings -= 1
            elif not stack[-1][2] and len(stack) > 1:
                stack.pop()
            levels[index] = level
        elif cls == "B":
            levels[index] = base
        else:
            levels[index] = level
            if override and cls != "BN":
                types[index] = override
    return levels, types


def _isolating_runs(
    levels: list[int], classes: list[str], kept: list[int], matches: dict[int, int]
) -> list[list[int]]:
    """Group the kept characters into isolating run sequences (BD13, X10)."""
    runs: list[list[int]] = []
    for index in kept:
        if runs and levels[runs[-1][-1]] == levels[index]:
            runs[-1].append(index)
        else:
            runs.append([index])
    run_starting_at = {run[0]: run for run in runs}
    continuations = set(matches.values())
    sequences = []
    for run in runs:
        if run[0] in continuations and classes[run[0]] == "PDI":
            continue
        sequence = list(run)
        while classes[sequence[-1]] in _ISOLATE_INITIATORS and sequence[-1] in matches:
            following = run_starting_at.get(matches[sequence[-1]])
            if following is None:
                break
            sequence.extend(following)
        sequences.append(sequence)
    return sequences


def _resolve_sequence(
    sequence: list[int],
    text: str,
    types: list[str],
    levels: list[int],
    sos: str,
    eos: str,
    original: list[str],
) -> None:
    """Apply W1–W7, N0–N2 and I1–I2 to one isolating run sequence, in place."""
    seq_types = [types[i] for i in sequence]
    count = len(seq_types)
    # W1: non-spacing marks take the class of what they follow.
    previous = sos
    for k, cls in enumerate(seq_types):
        if cls == "NSM":
            isolate = previous in _ISOLATE_INITIATORS or previous == "PDI"
            seq_types[k] = "ON" if isolate else previous
        previous = seq_types[k]
    # W2, W3: European numbers after Arabic letters are Arabic numbers; AL becomes R.
    last_strong = sos
    for k, cls in enumerate(seq_types):
        if cls == "EN" and last_strong == "AL":
            seq_types[k] = "AN"
        elif cls in ("L", "R", "AL"):
            last_strong = cls
    seq_types = ["R" if cls == "AL" else cls for cls in seq_types]
    # W4: a single separator between two numbers of one kind joins them.
    for k in range(1, count - 1):
        cls, before, after = seq_types[k], seq_types[k - 1], seq_types[k + 1]
        if cls == "ES" and before == after == "EN":
            seq_types[k] = "EN"
        elif cls == "CS" and before == after and before in ("EN", "AN"):
            seq_types[k] = before
    # W5: terminators next to European numbers become European numbers.
    k = 0
    while k < count:
        if seq_types[k] == "ET":
            end = k
            while end < count and seq_types[end] == "ET":
                end += 1
            if (k > 0 and seq_types[k - 1] == "EN") or (end < count and seq_types[end] == "EN"):
                seq_types[k:end] = ["EN"] * (end - k)
            k = end
        else:
            k += 1
    # W6: any separator or terminator left is a neutral.
    seq_types = ["ON" if cls in ("ES", "ET", "CS") else cls for cls in seq_types]
    # W7: European numbers in left-to-right context are left-to-right.
    last_strong = sos
    for k, cls in enumerate(seq_types):
        if cls == "EN" and last_strong == "L":
            seq_types[k] = "L"
        elif cls in ("L", "R"):
            last_strong = cls
    embedding = "R" if levels[sequence[0]] & 1 else "L"
    _resolve_brackets(sequence, text, seq_types, sos, embedding, original)
    # N1, N2: neutrals between strong types of one direction take it; others the embedding's.
    k = 0
    while k < count:
        if seq_types[k] in _NEUTRAL:
            end = k
            while end < count and seq_types[end] in _NEUTRAL:
                end += 1
            before = _as_strong(seq_types[k - 1]) if k > 0 else sos
            after = _as_strong(seq_types[end]) if end < count else eos
            seq_types[k:end] = [before if before == after else embedding] * (end - k)
            k = end
        else:
            k += 1
    # I1, I2: implicit levels.
    for index, cls in zip(sequence, seq_types, strict=True):
        level = levels[index]
        if level & 1:
            if cls in ("L", "EN", "AN"):
                levels[index] = level + 1
        elif cls == "R":
            levels[index] = level + 1
        elif cls in ("AN", "EN"):
            levels[index] = level + 2


def _as_strong(cls: str) -> str:
    return "R" if cls in ("R", "EN", "AN") else cls


def _resolve_brackets(
    sequence: list[int],
    text: str,
    seq_types: list[str],
    sos: str,
    embedding: str,
    original: list[str],
) -> None:
    """N0: give each bracket pair the direction of the text it encloses or surrounds."""
    pairs: list[tuple[int, int]] = []
    openers: list[tuple[str, int]] = []
    for k, index in enumerate(sequence):
        if seq_types[k] != "ON":
            continue
        char = text[index]
        closer = _closing_bracket(char)
        if closer is not None:
            if len(openers) == _MAX_BRACKET_DEPTH:
                break
            openers.append((closer, k))
            continue
        if unicodedata.category(char) == "Pe" and unicodedata.mirrored(char):
            for depth in range(len(openers) - 1, -1, -1):
                if openers[depth][0] == char:
                    pairs.append((openers[depth][1], k))
                    del openers[depth:]
                    break
    opposite = "L" if embedding == "R" else "R"
    for open_k, close_k in sorted(pairs):
        inside = {_as_strong(cls) for cls in seq_types[open_k + 1 : close_k]} & {"L", "R"}
        if embedding in inside:
            direction = embedding
        elif opposite in inside:
            context = sos
            for k in range(open_k - 1, -1, -1):  # no slice: a copy per pair would be quadratic
                if _as_strong(seq_types[k]) in ("L", "R"):
                    context = _as_strong(seq_types[k])
                    break
            direction = opposite if context == opposite else embedding
        else:
            continue
        for k in (open_k, close_k):
            seq_types[k] = direction
            follow = k + 1
            while follow < len(sequence) and original[sequence[follow]] == "NSM":
                seq_types[follow] = direction
                follow += 1


def resolve_levels(text: str, base: int | None = None) -> tuple[int, list[int]]:
    """Return the paragraph level and the embedding level of each character of *text*.

    *base* forces the paragraph level (0 left-to-right, 1 right-to-left); by default it comes
    from the first strong character. Characters the algorithm removes (embedding controls,
    boundary neutrals) get the level of the character before them, so a caller can lay them
    out with their neighbours at zero width.
    """
    classes = _bidi_classes(text)
    if base is None:
        base = 1 if _first_strong(classes, 0, len(classes)) == "R" else 0
    if base == 0 and _LEFT_TO_RIGHT_ONLY.isdisjoint(classes):
        return base, [0] * len(text)  # nothing can raise a level: the common English case
    matches = _matching_pdis(classes)
    levels, types = _explicit_levels(classes, base, matches)
    kept = [index for index, cls in enumerate(classes) if cls not in _REMOVED]
    for sequence in _isolating_runs(levels, classes, kept, matches):
        first, last = sequence[0], sequence[-1]
        level = levels[first]
        before = next(
            (levels[i] for i in range(first - 1, -1, -1) if classes[i] not in _REMOVED), base
        )
        if classes[last] in _ISOLATE_INITIATORS:
            after = base
        else:
            after = next(
                (levels[i] for i in range(last + 1, len(text)) if classes[i] not in _REMOVED), base
            )
        sos = "R" if max(level, before) & 1 else "L"
        eos = "R" if max(level, after) & 1 else "L"
        _resolve_sequence(sequence, text, types, levels, sos, eos, classes)
    previous = base
    for index, cls in enumerate(classes):
        if cls in _REMOVED:
            levels[index] = previous
        previous = levels[index]
    return base, levels


def trailing_whitespace_levels(text: str, levels: list[int], base: int) -> list[int]:
    """Apply L1 to one line: separators, and whitespace before them or at its end, go to *base*."""
    result = list(levels)
    classes = _bidi_classes(text)
    trailing = True
    for index in range(len(text) - 1, -1, -1):
        cls = classes[index]
        if cls in ("S", "B"):
            result[index] = base
            trailing = True
        elif trailing and (cls in ("WS", "LRI", "RLI", "FSI", "PDI") or cls in _REMOVED):
            result[index] = base
        else:
            trailing = False
    return result


def visual_order(levels: list[int]) -> list[int]:
    """Return the logical indices of one line in visual (left-to-right) order (L2)."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min(level for level in levels) | 1
    for level in range(highest, lowest_odd - 1, -1):
        k = 0
        while k < len(order):
            if levels[order[k]] >= level:
                end = k
                while end < len(order) and levels[order[end]] >= level:
                    end += 1
                order[k:end] = order[k:end][::-1]
                k = end
            else:
                k += 1
    return order
