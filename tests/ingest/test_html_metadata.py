"""Page metadata from meta tags and JSON-LD; extraction limits on huge pages."""

from __future__ import annotations

from rashomon.config import IngestConfig
from rashomon.ingest.html import extract_html
from rashomon.ingest.metadata import page_metadata

BODY = "".join(
    f"<p>Paragraph {n}: the harbour council of Portsea met on Tuesday to discuss the new quays and "
    f"the dredging of the main channel, which engineers say must be deepened by two metres.</p>"
    for n in range(6)
)


def page(head: str, body: str = BODY) -> str:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


def test_meta_tags_give_title_site_author_date_url() -> None:
    meta = page_metadata(
        page(
            "<title>Quays approved | Portsea Post</title>"
            '<meta property="og:site_name" content="Portsea Post">'
            '<meta name="author" content="Ola Brandt">'
            '<meta property="article:published_time" content="2022-05-03T09:00:00+02:00">'
            '<link rel="canonical" href="https://portsea-post.example/2022/05/03/quays">'
        )
    )
    assert meta.title == "Quays approved"
    assert (meta.sitename, meta.author) == ("Portsea Post", "Ola Brandt")
    assert meta.date is not None and meta.date.startswith("2022-05-03")
    assert meta.url == "https://portsea-post.example/2022/05/03/quays"


def test_json_ld_date_and_author() -> None:
    script = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-11-08T10:00:00Z",'
        ' "author": {"@type": "Person", "name": "Ines Dalgaard"}}</script>'
    )
    meta = page_metadata(page("<title>x</title>" + script))
    assert meta.date == "2021-11-08T10:00:00Z" and meta.author == "Ines Dalgaard"


def test_no_machine_readable_date_asks_htmldate_about_the_page_not_the_url() -> None:
    dated = page("<title>x</title>", '<time datetime="2020-01-15">15 January</time>' + BODY)
    meta = page_metadata(dated, url="https://portsea-post.example/2024/11/08/story")
    assert meta.date == "2020-01-15"
    # A date only in the URL's path is no metadata: cleaning weighs it against the text's dates.
    assert page_metadata(page("<title>x</title>"), url="https://portsea-post.example/2020/01/15/story").date is None


def test_json_ld_date_survives_script_stripping_of_big_pages() -> None:
    script = '<script type="application/ld+json">{"datePublished": "2021-11-08"}</script>'
    filler = "<div><span>promo</span></div>" * 20_000
    extracted = extract_html(page("<title>Quays approved</title>" + script, BODY + filler))
    assert extracted is not None and extracted.date == "2021-11-08"
    assert "harbour council of Portsea" in extracted.text


def test_block_limit_keeps_the_top_of_a_huge_page() -> None:
    filler = "<div><p>x</p></div>" * 50_000
    config = IngestConfig(max_extraction_blocks=2_000)
    extracted = extract_html(page("<title>t</title>", BODY + filler), limits=config)
    assert extracted is not None and "Paragraph 0" in extracted.text
