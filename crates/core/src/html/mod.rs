//! A saved portal page (HTML) → [`Report`]: the charset the page declares, the article body
//! found among the portal's navigation, header, footer and sidebars, the title and 发布时间 /
//! 来源 / 作者 from the page, and the body turned into the same line stream a text file gives
//! (one line per block element or `<br>`), read by the same rules, with tables kept as tables.
//!
//! Markup is parsed by html5ever (through `scraper`), never by patterns over the text. Only
//! with the `html` feature: the wasm viewer does not carry an HTML parser.

mod body;
mod charset;
mod walk;

use scraper::{ElementRef, Html, Node};

use crate::{
    parse::{chrome, parse_items, Item},
    report::Report,
};

pub use charset::{decode_html, page_charset, PageCharset};

/// Whether `bytes` look like an HTML page: after a BOM and white space, `<!DOCTYPE html`,
/// `<html`, or (a fragment pasted into a CMS) `<head`, `<body`, `<meta`, or a comment.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let bytes = bytes
        .strip_prefix(b"\xef\xbb\xbf".as_slice())
        .unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head: Vec<u8> = bytes[start..]
        .iter()
        .take(16)
        .map(u8::to_ascii_lowercase)
        .collect();
    ["<!doctype html", "<html", "<head", "<body", "<meta", "<!--"]
        .iter()
        .any(|p| head.starts_with(p.as_bytes()))
}

/// Reads a saved page's bytes, in the charset it declares (else UTF-8, else GB18030).
pub fn parse_html_bytes(bytes: &[u8]) -> Report {
    parse_html(&decode_html(bytes))
}

/// Reads a page's markup.
pub fn parse_html(markup: &str) -> Report {
    let document = Html::parse_document(markup);
    let meta = PageMeta::read(&document);
    let root = document
        .root_element()
        .child_elements()
        .find(|e| e.value().name() == "body")
        .unwrap_or_else(|| document.root_element());
    let article = body::find_article(root);
    let walked = walk::walk(root, article);

    let mut items: Vec<Item> = Vec::new();
    let title = meta
        .title
        .clone()
        .or_else(|| walked.heading_before.clone())
        .or_else(|| meta.page_title.as_deref().map(strip_site_name));
    // The page's 当前位置 line (a trail of at least two crumbs: a lone 首页 is the menu's),
    // before the title, as in a copied page.
    let trail = walked.before.iter().find(|line| {
        matches!(
            chrome::classify(line, chrome::Place::BeforeTitle),
            Some(chrome::Chrome::Breadcrumb(crumbs)) if crumbs.len() >= 2
        )
    });
    if let Some(line) = trail {
        items.push(Item::Line {
            text: line.clone(),
            emphasis: false,
        });
    }
    if let Some(title) = title {
        items.push(Item::Line {
            text: title,
            emphasis: true,
        });
    }
    // Before the article, only the publication line (发布时间、来源…) is the report's.
    for line in &walked.before {
        if matches!(
            chrome::classify(line, chrome::Place::Header),
            Some(chrome::Chrome::Meta(_))
        ) {
            items.push(Item::Line {
                text: line.clone(),
                emphasis: false,
            });
        }
    }
    items.extend(walked.article);
    let mut report = parse_items(items);
    report.published = report
        .published
        .take()
        .or_else(|| meta.published.as_deref().and_then(normalise_date));
    report.source = report.source.take().or(meta.source);
    report.author = report.author.take().or(meta.author);
    report
}

/// What the page's `<head>` says about the article (the meta tags Chinese government CMSs
/// write: `ArticleTitle`, `PubDate`, `ContentSource`, `Author`).
#[derive(Default)]
struct PageMeta {
    title: Option<String>,
    page_title: Option<String>,
    published: Option<String>,
    source: Option<String>,
    author: Option<String>,
}

impl PageMeta {
    fn read(document: &Html) -> PageMeta {
        let mut meta = PageMeta::default();
        for node in document.tree.root().descendants() {
            let Some(element) = ElementRef::wrap(node) else {
                continue;
            };
            match element.value().name() {
                "title" if meta.page_title.is_none() => {
                    meta.page_title = Some(collapse(&element.text().collect::<String>()))
                        .filter(|t| !t.is_empty());
                }
                "meta" => {
                    let (Some(name), Some(content)) =
                        (element.attr("name"), element.attr("content"))
                    else {
                        continue;
                    };
                    let content = collapse(content);
                    if content.is_empty() {
                        continue;
                    }
                    let slot = match name.to_ascii_lowercase().as_str() {
                        "articletitle" => &mut meta.title,
                        "pubdate" | "publishdate" | "firstpublishedtime" => &mut meta.published,
                        "contentsource" => &mut meta.source,
                        "author" => &mut meta.author,
                        _ => continue,
                    };
                    slot.get_or_insert(content);
                }
                _ => {}
            }
        }
        meta
    }
}

/// White space runs as one space, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `2024-03-06 10:40:00`, `2024/3/6`, `2024年03月06日` → `YYYY-MM-DD[ HH:MM]`.
fn normalise_date(s: &str) -> Option<String> {
    chrome::leading_date(s).map(|(date, _)| date)
}

/// A `<title>` without the portal's name: `报告题目-某某区人民政府` → `报告题目`. The longest part
/// is the article's (a site name is shorter than a report's title).
fn strip_site_name(title: &str) -> String {
    title
        .split(['-', '_', '|', '—', '–', '｜', '－', '＿'])
        .map(str::trim)
        .max_by_key(|part| part.chars().count())
        .unwrap_or(title)
        .to_string()
}

/// Whether a node is an element named one of `names`.
fn is_element(node: &Node, names: &[&str]) -> bool {
    matches!(node, Node::Element(e) if names.contains(&e.name()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_pages() {
        assert!(looks_like_html(b"\xef\xbb\xbf  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<HTML><body>"));
        assert!(!looks_like_html("一、总体情况".as_bytes()));
        assert!(!looks_like_html(b"2 < 3"));
    }

    #[test]
    fn site_names_leave_the_title() {
        assert_eq!(
            strip_site_name("某区2023年法治政府建设年度报告_某区人民政府"),
            "某区2023年法治政府建设年度报告"
        );
        assert_eq!(
            normalise_date("2024-03-06 10:40:00").as_deref(),
            Some("2024-03-06 10:40")
        );
    }
}
