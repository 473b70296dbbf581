"""Zero errors for every reader: every page, in both languages, light and dark, desktop and phone, has no
request to another host, no console or page error, no failed request, no serious or critical axe-core
violation and no horizontal scrolling; the keyboard reaches every control, with visible focus."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import ALL_EMBED_PAGES, ALL_PAGES, LANGUAGES, resize

VIEWPORTS = {"desktop": (1280, 900), "phone": (375, 740)}
SCHEMES = {"light": "default", "dark": "slate"}  # the value of <body data-md-color-scheme> in each
TOGGLES = {"dark": "__palette_1"}  # the palette input that the header's toggle selects to switch to each
AXE = Axe()


# The model cards lay out only near the viewport (content-visibility: auto). Chromium keeps a skipped card's styles as
# they were when it last rendered it, so after the palette toggle axe reads the light scheme's link colour on the dark
# background of cards far below; a reader who scrolls there gets them rendered afresh. Checked as rendered.
RENDER_ALL = "* { content-visibility: visible !important; }"


# What a change of colour scheme alone can break: the page's structure, names and roles are the same in both schemes
# (the phone's layout is checked in full in each), so the second scheme is checked for these rules only.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def serious_violations(page, rules: list[str] | None = None) -> list[str]:
    page.add_style_tag(content=RENDER_ALL)
    # Only violations are collected (axe otherwise serialises every passing node: on models/ that is 2.3 MB per run
    # and half of its time); every rule runs unless `rules` names some.
    options = {"resultTypes": ["violations"], **({"runOnly": {"type": "rule", "values": rules}} if rules else {})}
    # axe-core (570 KB) is put into the page once, not before each of its runs on it.
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE.axe_script)
    violations = page.evaluate("options => axe.run(document, options).then(results => results.violations)", options)
    return [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes']][:5]}"
        for violation in violations
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("path", ALL_PAGES)
def test_page_has_no_fault(path, new_page, site_url):
    """Each page is loaded once (its search working, as a reader gets it) and checked in every colour scheme at every
    viewport size: light first (the reader's system setting), every axe rule at each size, then dark through the
    header's palette toggle, as a reader switches, for the rules a colour scheme can break; the layout follows each
    resize (CSS media queries and Material's own matchMedia listeners)."""
    page, log = new_page(viewport=VIEWPORTS["desktop"], color_scheme="light", search=True)
    response = page.goto(site_url + path, wait_until="networkidle")
    assert response.status == 200
    assert page.locator("article h1").count() == 1, "a page has exactly one main heading"
    faults = {}
    for scheme, expected in SCHEMES.items():
        if expected != page.locator("body").get_attribute("data-md-color-scheme"):
            page.locator(f"label.md-header__button[for='{TOGGLES[scheme]}']").click()
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        for viewport, (width, height) in (VIEWPORTS.items() if scheme == "light" else reversed(VIEWPORTS.items())):
            resize(page, width, height)  # contrast is measured once Material's transitions have ended
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            rules = None if scheme == "light" else COLOUR_RULES
            found = serious_violations(page, rules) + ([f"scrolls horizontally by {overflow}px"] if overflow > 0 else [])
            if found:
                faults[f"{scheme}, {viewport}"] = found
    assert not log.problems(), log.problems()
    assert not faults, faults


@pytest.mark.parametrize("path", ALL_EMBED_PAGES)
def test_embed_pages_have_no_fault(path, new_page, site_url, built_site):
    if not (built_site / path / "index.html").exists():
        pytest.fail(f"{path} is missing")
    page, log = new_page()
    page.goto(site_url + path, wait_until="networkidle")
    assert not log.problems(), log.problems()
    assert not serious_violations(page)


def _focus_trail(page, presses: int) -> list[dict]:
    trail = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        trail.append(page.evaluate("""() => {
            const el = document.activeElement;
            // The palette toggle is a visually hidden radio button: its label, next to it, shows the focus.
            const shown = el.matches('input.md-option') ? el.nextElementSibling : el;
            const style = getComputedStyle(shown);
            return {
              tag: el.tagName, text: (el.getAttribute('aria-label') || el.textContent || el.title || '').trim().slice(0, 60),
              cls: el.className && el.className.baseVal !== undefined ? el.className.baseVal : el.className,
              hreflang: el.getAttribute('hreflang'), forId: el.getAttribute('for') || shown.getAttribute('for'),
              outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
              shadow: style.boxShadow !== 'none',
            };
        }"""))
    return trail


@pytest.mark.parametrize("prefix", LANGUAGES.values())
def test_skip_link_moves_focus_to_the_content(prefix, new_page, site_url):
    page, _ = new_page()
    page.goto(site_url + prefix + "introduction/", wait_until="networkidle")
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    assert skip.is_visible()
    # The jump is awaited by its hashchange event: Material's navigation.tracking may take the #fragment off the
    # address again at once, since the target is at the top of the page.
    page.evaluate("addEventListener('hashchange', (event) => { window.jumpedTo = new URL(event.newURL).hash; }, {once: true})")
    page.keyboard.press("Enter")
    page.wait_for_function("window.jumpedTo !== undefined")
    assert page.evaluate("window.jumpedTo") == skip.get_attribute("href")
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('.md-content').contains(document.activeElement)")


def test_header_controls_are_reachable_and_show_focus(new_page, site_url):
    page, _ = new_page()
    page.goto(site_url + "introduction/", wait_until="networkidle")
    trail = _focus_trail(page, 12)
    assert all(step["outline"] or step["shadow"] for step in trail), [s for s in trail if not (s["outline"] or s["shadow"])]
    assert any(step["forId"] and step["forId"].startswith("__palette") for step in trail), "palette toggle"
    assert any(step["forId"] == "__search" or "md-search__input" in (step["cls"] or "") for step in trail), "search"
    page.evaluate("document.activeElement.blur()")
    page.mouse.move(0, 400)  # nowhere near the header: hover opens the list too
    shown = "getComputedStyle(document.querySelector('.md-header .md-select__inner')).opacity"
    page.wait_for_function(f"{shown} === '0'")  # closed (after its fade) until the reader opens it
    page.locator(".md-header .md-select button").first.focus()
    page.wait_for_function(f"{shown} === '1'")  # focus opens the language list
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('hreflang')") == "en"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('hreflang')") == "zh"


def test_glossary_terms_are_keyboard_reachable(new_page, site_url):
    page, _ = new_page()
    page.goto(site_url + "how-llms-are-built/", wait_until="networkidle")
    terms = page.locator(".glossary-term__link")
    assert terms.count() > 0
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('glossary-term__link')"):
            tip_id = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
            assert page.locator(f"#{tip_id}").is_visible()
            return
    pytest.fail("no glossary term reached with Tab")
