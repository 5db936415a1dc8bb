"""Machine-readable page metadata: Open Graph, X cards and schema.org JSON-LD.

Pure functions from bulletins to plain dicts and lists; the templates print
them (JSON-LD through Jinja's tojson, which escapes "<", ">" and "&" so that a
title cannot end the script block).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..config import SiteConfig
from ..model import Article, urls

Absolute = Callable[[str], str]


def image_url(article: Article | None, config: SiteConfig, absolute: Absolute) -> str | None:
    """The picture that represents a page: the bulletin's image, else the site's logo."""
    if article is not None and article.image:
        return absolute(article.image)
    return absolute(config.logo) if config.logo else None


def publisher(config: SiteConfig, absolute: Absolute) -> dict:
    organization: dict = {"@type": "Organization", "name": config.publisher, "url": absolute("")}
    if config.logo:
        organization["logo"] = {"@type": "ImageObject", "url": absolute(config.logo)}
    return organization


def news_article(article: Article, config: SiteConfig, absolute: Absolute,
                 reporter_path: Callable[[str], str]) -> dict:
    """schema.org NewsArticle for an article page."""
    page = absolute(urls.article_path(article.slug))
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "datePublished": article.date.isoformat(),
        "dateModified": (article.updated or article.date).isoformat(),
        "author": [{"@type": "Person", "name": name, "url": absolute(reporter_path(name))}
                   for name in article.reporters],
        "editor": [{"@type": "Person", "name": name} for name in article.editors],
        "publisher": publisher(config, absolute),
        "articleSection": article.region,
        "keywords": list(article.tags),
        "inLanguage": article.lang or config.language,
        "mainEntityOfPage": {"@type": "WebPage", "@id": page},
        "url": page,
    }
    image = image_url(article, config, absolute)
    if image:
        data["image"] = [image]
    if article.dateline:
        data["dateline"] = article.dateline
    return data


def breadcrumbs(trail: Sequence[tuple[str, str]], absolute: Absolute) -> dict:
    """schema.org BreadcrumbList from (name, site path) pairs, outermost first."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [{"@type": "ListItem", "position": position, "name": name, "item": absolute(path)}
                            for position, (name, path) in enumerate(trail, 1)],
    }


def open_graph(article: Article | None, title: str, description: str, page_url: str, config: SiteConfig,
               absolute: Absolute) -> list[tuple[str, str]]:
    """(property, content) pairs for Open Graph and article:* tags."""
    locale = {"id": "id_ID", "en": "en_US"}.get((article.lang if article else None) or config.language, "id_ID")
    tags = [("og:site_name", config.title), ("og:locale", locale), ("og:title", title), ("og:url", page_url),
            ("og:type", "article" if article else "website")]
    if description:
        tags.append(("og:description", description))
    image = image_url(article, config, absolute)
    if image:
        tags.append(("og:image", image))
        if article is not None and article.image and article.image_alt:
            tags.append(("og:image:alt", article.image_alt))
    if article is not None:
        tags += [("article:published_time", article.date.isoformat()),
                 ("article:modified_time", (article.updated or article.date).isoformat())]
        tags += [("article:author", name) for name in article.reporters]
        tags.append(("article:section", article.region))
        tags += [("article:tag", tag) for tag in article.tags]
    return tags


def twitter_card(article: Article | None, title: str, description: str, config: SiteConfig,
                 absolute: Absolute) -> list[tuple[str, str]]:
    """(name, content) pairs for the X (Twitter) card."""
    image = image_url(article, config, absolute)
    tags = [("twitter:card", "summary_large_image" if article is not None and article.image else "summary"),
            ("twitter:title", title)]
    if description:
        tags.append(("twitter:description", description))
    if image:
        tags.append(("twitter:image", image))
    if config.twitter_site:
        tags.append(("twitter:site", config.twitter_site))
    return tags
