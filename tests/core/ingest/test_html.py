"""Saved web pages, built here with realistic boilerplate around the article."""

from __future__ import annotations

import pytest

from briefdesk.core import ingest
from briefdesk.core.errors import IngestError
from briefdesk.core.model import BlockKind

BOILERPLATE_TOP = """
<div id="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/defence">Defence</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
"""
BOILERPLATE_BOTTOM = """
<div class="share">Share on Facebook · Share on X · Share by e-mail</div>
</article></main>
<aside><h3>Related</h3><ul><li><a href="/a">Sweden buys new submarines</a></li>
<li><a href="/b">Finland opens Arctic base</a></li></ul></aside>
<footer>© 2026 Example News. All rights reserved. Privacy policy. Contact us.</footer>
</body></html>
"""


def page(lang: str, title: str, body: str, *, head: str = "", direction: str = "") -> bytes:
    dir_attr = f' dir="{direction}"' if direction else ""
    html = f"""<!DOCTYPE html>
<html lang="{lang}"{dir_attr}><head><meta charset="utf-8">
<title>{title} | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://news.example/{lang}/mou">
<meta property="article:published_time" content="2026-03-12T09:30:00Z">
{head}
<style>body {{ font-family: sans-serif }} .secret-style {{ color: red }}</style>
<script>var tracking = "script text must never leak";</script>
</head><body>{BOILERPLATE_TOP}<main><article>
<h1>{title}</h1>
{body}
{BOILERPLATE_BOTTOM}"""
    return html.encode("utf-8")


ENGLISH = page(
    "en-GB",
    "Norway and Japan sign defence MoU",
    """<p>Norway and Japan have signed a Memorandum of Understanding on Defence Cooperation in
Oslo, deepening a partnership both governments call essential to security in the High North.</p>
<h2>What the agreement covers</h2>
<p>The MoU covers maritime domain awareness, cold-weather operations &amp; cyber security,
with staff talks &lt;annually&gt; and a budget of &euro;12&nbsp;million.</p>
<ul><li>Reciprocal ship visits</li><li>Exchange of liaison officers</li></ul>
<p>&ldquo;This memorandum turns years of goodwill into a working plan,&rdquo; said Minister
Ingrid Solberg Haugen after the signing ceremony in the Akershus Fortress.</p>""",
)

HEBREW = page(
    "he",
    "ישראל והודו חתמו על מזכר הבנות ביטחוני",
    """<p>ישראל והודו חתמו היום בתל אביב על מזכר הבנות לשיתוף פעולה ביטחוני, במעמד מזכיר
ההגנה של הודו ושר הביטחון של ישראל.</p>
<p>המזכר עוסק במחקר ופיתוח, בהעברת טכנולוגיה ובשיתוף פעולה תעשייתי בין שתי המדינות.</p>
<p>הצדדים הסכימו להקים ועדת היגוי משותפת שתתכנס פעם בשנה ותדווח לשרים.</p>""",
    direction="rtl",
)

ARABIC = page(
    "ar",
    "الهند وإسرائيل توقعان مذكرة تفاهم دفاعية",
    """<p>وقعت الهند وإسرائيل اليوم في تل أبيب مذكرة تفاهم للتعاون الدفاعي، بحضور وزير
الدفاع الإسرائيلي وسكرتير الدفاع الهندي.</p>
<p>وتشمل المذكرة البحث والتطوير ونقل التكنولوجيا والشراكات الصناعية بين البلدين.</p>
<p>واتفق الطرفان على تشكيل لجنة توجيه مشتركة تجتمع مرة كل عام وترفع تقاريرها إلى الوزيرين.</p>""",
    direction="rtl",
)


def test_english_page_keeps_the_article_and_drops_the_boilerplate() -> None:
    article = ingest.read_bytes(ENGLISH, name="mou.html")
    text = article.text
    assert text.startswith("Norway and Japan sign defence MoU\n\nNorway and Japan have signed")
    for leak in (
        "cookies",
        "Home",
        "Share on",
        "Sweden buys",
        "All rights reserved",
        "tracking",
        "never leak",
        "font-family",
        "secret-style",
    ):
        assert leak not in text
    assert "cold-weather operations & cyber security" in text
    assert "staff talks <annually>" in text and "€12 million" in text
    assert "“This memorandum turns years of goodwill into a working plan,”" in text
    kinds = [(b.kind, text[b.start : b.end][:25]) for b in article.blocks]
    assert kinds[0] == (BlockKind.HEADING, "Norway and Japan sign def")
    assert (BlockKind.HEADING, "What the agreement covers") in kinds
    assert [t for k, t in kinds if k is BlockKind.LIST_ITEM] == [
        "Reciprocal ship visits",
        "Exchange of liaison offic",
    ]
    meta = article.metadata
    assert meta.title == "Norway and Japan sign defence MoU"
    assert meta.date == "2026-03-12"
    assert meta.publisher == "Example News"
    assert meta.url == "https://news.example/en-GB/mou"
    assert (meta.language, meta.direction, meta.format) == ("en", "ltr", "html")


@pytest.mark.parametrize(
    ("data", "lang", "first"),
    [
        (HEBREW, "he", "ישראל והודו חתמו היום בתל אביב"),
        (ARABIC, "ar", "وقعت الهند وإسرائيل اليوم في تل أبيب"),
    ],
)
def test_rtl_pages(data: bytes, lang: str, first: str) -> None:
    article = ingest.read_bytes(data, name="page.html")
    assert article.metadata.language == lang
    assert article.metadata.direction == "rtl"
    assert article.metadata.date == "2026-03-12"
    paragraphs = [article.text[b.start : b.end] for b in article.blocks]
    assert paragraphs[1].startswith(first)
    assert len(paragraphs) == 4
    assert "Share on" not in article.text and "tracking" not in article.text


def test_json_ld_supplies_what_meta_tags_lack() -> None:
    head = """<script type="application/ld+json">{"@context": "https://schema.org",
    "@type": "NewsArticle", "headline": "Joint statement on maritime security",
    "datePublished": "2025-11-04T10:00:00+02:00",
    "publisher": {"@type": "Organization", "name": "Ministry of Defence"}}</script>"""
    html = (
        ENGLISH.decode()
        .replace('<meta property="article:published_time" content="2026-03-12T09:30:00Z">', "")
        .replace('<meta property="og:site_name" content="Example News">', "")
        .replace("</head>", head + "</head>")
    )
    article = ingest.read_bytes(html.encode(), name="x.html")
    assert article.metadata.publisher in ("Ministry of Defence", "Example News")
    assert article.metadata.date == "2025-11-04"


def test_a_txt_that_is_html_is_read_as_html() -> None:
    article = ingest.read_bytes(ENGLISH, name="saved-page.txt")
    assert article.metadata.format == "html"
    assert "<p>" not in article.text


def test_declared_legacy_charset_is_honoured() -> None:
    data = HEBREW.decode().replace('charset="utf-8"', 'charset="windows-1255"')
    data = data.replace('<meta charset="utf-8">', '<meta charset="windows-1255">')
    article = ingest.read_bytes(data.encode("cp1255"), name="he.html")
    assert article.metadata.encoding == "cp1255"
    assert "ישראל והודו חתמו היום" in article.text


def test_external_entities_are_never_resolved(tmp_path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    html = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">'
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<html><body><article><p>The file says &xxe; and the laugh says &b; which is a "
        "paragraph long enough to count as an article body for the extractor.</p>"
        "</article></body></html>"
    )
    article = ingest.read_bytes(html.encode(), name="x.html")
    assert "TOP-SECRET-CONTENT" not in article.text
    assert "aaaaaaaaaa" not in article.text


def test_deep_nesting_is_a_clear_error_quickly() -> None:
    deep = (
        "<html><body>" + "<div>" * 100_000 + "<p>Deep.</p>" + "</div>" * 100_000 + "</body></html>"
    )
    with pytest.raises(IngestError, match="no article text"):
        ingest.read_bytes(deep.encode(), name="deep.html")


def test_page_without_an_article() -> None:
    with pytest.raises(IngestError, match="no article text"):
        ingest.read_bytes(
            b"<html><body><nav><a href='/'>Home</a></nav></body></html>", name="empty.html"
        )
