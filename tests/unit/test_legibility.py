"""Every text reads at WCAG AA, and the kinds stay apart for colour-blind readers."""

from __future__ import annotations

import itertools

import pytest
from coloraide import Color
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.comparison.changes import ChangeKind
from desktop.core.presentation.kind_styles import KIND_STYLES, PAGES
from desktop.core.presentation.legibility import (
    AA,
    Vision,
    _mix,
    backing,
    contrast,
    distance,
    quiet,
    seen_by,
)

MARKS_APART = 10.0  # CIEDE2000: plainly different colours, side by side on the ruler
TINTS_APART = 5.0  # pale tints behind text: clearly told apart beside one another
DICHROMACIES = (Vision.DEUTERANOPIA, Vision.PROTANOPIA, Vision.TRITANOPIA)


@pytest.mark.parametrize(
    ("one", "two", "ratio"), [("#000000", "#FFFFFF", 21.0), ("#777", "#777", 1.0)]
)
def test_contrast_is_the_wcag_ratio(one: str, two: str, ratio: float) -> None:
    """Black on white is 21:1, a colour on itself 1:1, either way round."""
    assert contrast(one, two) == pytest.approx(ratio)
    assert contrast(two, one) == pytest.approx(ratio)


def test_the_old_reader_metadata_grey_fails_and_quiet_text_passes() -> None:
    """#BEBEBE on white (the issue's 1.9:1) fails AA; quiet text on any page passes it, just."""
    assert contrast("#BEBEBE", "#FFFFFF") < 2
    for text, page in (("#000000", "#FFFFFF"), ("#F2F2F2", "#232323"), ("#EEEEEE", "#000000")):
        dimmed = quiet(text, page)
        assert AA <= contrast(dimmed, page) < AA + 0.3
        assert dimmed.lower() != text.lower()


def test_a_backing_deepens_a_page_just_enough_for_its_text() -> None:
    """White on Fusion's selection blue (3.7:1) fails AA: the blue darkens until it reads,
    no further; dark text on a dark grey gets a lighter page; a page that reads is kept."""
    assert contrast("#FFFFFF", "#308CC6") < AA
    deeper = backing("#FFFFFF", "#308CC6")
    assert AA <= contrast("#FFFFFF", deeper) < AA + 0.1
    assert distance(deeper, "#308CC6") < 25  # still the same blue, only deeper
    lighter = backing("#202020", "#505050")
    assert AA <= contrast("#202020", lighter) < AA + 0.1
    assert backing("#000000", "#FFFFFF") == "#FFFFFF"


def test_dichromats_see_red_and_green_alike_but_not_blue_and_yellow() -> None:
    """The simulation works: deuteranopia merges red and green, not yellow and blue."""
    red, green = "#D03030", "#30A030"
    assert distance(red, green) > 30
    assert distance(seen_by(red, Vision.DEUTERANOPIA), seen_by(green, Vision.DEUTERANOPIA)) < 20
    assert (
        distance(seen_by("#F0E442", Vision.DEUTERANOPIA), seen_by("#0072B2", Vision.DEUTERANOPIA))
        > 40
    )


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("kind", list(KIND_STYLES))
def test_every_highlighted_text_reads_at_aa(kind: ChangeKind, dark: bool) -> None:
    """The kind's text on its tint (or on the page), and on the deeper tint of swapped words."""
    tones = KIND_STYLES[kind].tones(dark=dark)
    page = PAGES[dark]
    assert contrast(tones.foreground, tones.background or page) >= AA
    if tones.strong:
        assert contrast(tones.foreground, tones.strong) >= AA


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("vision", list(Vision))
def test_the_kinds_marks_stay_apart(vision: Vision, dark: bool) -> None:
    """The ruler's marks and the lines: every pair at least ``MARKS_APART`` for this reader."""
    seen = {
        kind: seen_by(style.tones(dark=dark).colour, vision) for kind, style in KIND_STYLES.items()
    }
    closest = min(
        itertools.combinations(seen, 2), key=lambda pair: distance(*(seen[k] for k in pair))
    )
    assert distance(seen[closest[0]], seen[closest[1]]) >= MARKS_APART, closest


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("vision", list(Vision))
def test_the_kinds_tints_stay_apart(vision: Vision, dark: bool) -> None:
    """The tints behind text and the page itself (what a kind without a tint shows): all apart."""
    page = PAGES[dark]
    tints = {
        kind.value: seen_by(style.tones(dark=dark).background, vision)
        for kind, style in KIND_STYLES.items()
        if style.tones(dark=dark).background
    }
    tints["page"] = seen_by(page, vision)
    for one, two in itertools.combinations(tints, 2):
        assert distance(tints[one], tints[two]) >= TINTS_APART, (one, two)


def test_deuteranopia_no_longer_merges_rewrite_moved_and_chrome() -> None:
    """The issue's complaint, checked by name: three tints that became one grey."""
    seen = [
        seen_by(KIND_STYLES[kind].light.background, Vision.DEUTERANOPIA)
        for kind in (ChangeKind.REWRITE, ChangeKind.MOVED, ChangeKind.BOILERPLATE)
    ]
    assert min(distance(a, b) for a, b in itertools.combinations(seen, 2)) >= TINTS_APART


def test_every_kind_has_a_ruler_shape_of_its_own() -> None:
    """No two kinds share a mark shape, so the ruler reads without colour."""
    shapes = [style.ruler for style in KIND_STYLES.values()]
    assert len(set(shapes)) == len(shapes)


@pytest.mark.parametrize("vision", DICHROMACIES)
def test_simulating_changes_a_saturated_colour(vision: Vision) -> None:
    """Each simulation does something to a saturated colour (it is not the identity)."""
    assert seen_by("#D55E00", vision).lower() != "#d55e00"


_HEX = st.integers(0, 0xFFFFFF).map(lambda value: f"#{value:06x}")


@given(_HEX, _HEX, st.floats(0, 1))
def test_contrast_and_mix_are_coloraides_answers(one: str, two: str, share: float) -> None:
    """The window's contrast and sRGB mix, worked out without ColorAide, are ColorAide's to the
    last bit, so that every colour chosen from them is the one ColorAide would choose."""
    assert contrast(one, two) == Color(one).contrast(Color(two), method="wcag21")
    assert _mix(one, two, share) == Color(one).mix(Color(two), share, space="srgb").to_string(
        hex=True
    )
