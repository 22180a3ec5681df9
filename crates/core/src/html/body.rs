//! Finding the article among the portal's navigation, header, footer, sidebars and widgets.
//!
//! Each element is weighed by the Chinese text it holds outside links (navigation and lists of
//! related articles are links; the article is prose). From `<body>` (or from the best element
//! a common CMS names as its content box), the reader goes down into the child holding most of
//! that text while it holds nearly all of it: the article is the tightest box around the text.

use std::collections::HashMap;

use scraper::{ElementRef, Node};

use super::is_element;

/// Elements whose text is never the article's.
pub(crate) const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "select", "textarea", "button", "input", "head", "title", "meta", "link", "canvas", "audio",
    "video", "map", "option",
];

/// Share of its parent's prose a child must hold for the reader to go down into it: the rest
/// (a title, an info line, a share widget) stays outside, but a table or a part of the
/// article never holds this much of it.
const DESCEND_SHARE: f64 = 0.75;

/// Elements the reader goes down into: boxes that hold blocks. A paragraph, heading or list
/// holding most of the prose is a part of the article (a report may be one long paragraph
/// under a short heading), never the article itself.
const CONTAINERS: &[&str] = &[
    "div", "section", "article", "main", "table", "tbody", "tr", "td", "center", "form", "font",
];

/// Ids and classes of content boxes in common Chinese government CMSs (TRS, 大汉, 拓尔思 …).
const CONTENT_NAMES: &[&str] = &[
    "zoom",
    "trs_editor",
    "pages_content",
    "article",
    "content",
    "zw",
    "detail",
    "main-text",
    "art_con",
    "view",
    "txt",
];

#[derive(Default, Clone, Copy)]
struct Weight {
    /// Chinese characters outside links.
    prose: usize,
    /// Chinese characters inside links.
    links: usize,
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// The element holding the article, or `None` when `root` itself is best.
pub fn find_article(root: ElementRef<'_>) -> Option<ElementRef<'_>> {
    // Weigh every element bottom-up without recursion: pages nest deeply.
    let nodes: Vec<_> = root.descendants().collect();
    let mut in_link = HashMap::new();
    let mut skipped = HashMap::new();
    let mut weights = HashMap::new();
    for node in &nodes {
        let parent = node.parent().filter(|_| node.id() != root.id());
        let (parent_link, parent_skip) = parent.map_or((false, false), |p| {
            (
                in_link.get(&p.id()).copied().unwrap_or(false),
                skipped.get(&p.id()).copied().unwrap_or(false),
            )
        });
        in_link.insert(node.id(), parent_link || is_element(node.value(), &["a"]));
        skipped.insert(node.id(), parent_skip || is_element(node.value(), SKIPPED));
    }
    for node in nodes.iter().rev() {
        let mut weight: Weight = weights.get(&node.id()).copied().unwrap_or_default();
        if let Node::Text(text) = node.value() {
            if !skipped[&node.id()] {
                let cjk = text.chars().filter(|&c| is_cjk(c)).count();
                if in_link[&node.id()] {
                    weight.links += cjk;
                } else {
                    weight.prose += cjk;
                }
            }
        }
        weights.insert(node.id(), weight);
        if node.id() == root.id() {
            continue;
        }
        if let Some(parent) = node.parent() {
            let total: &mut Weight = weights.entry(parent.id()).or_default();
            total.prose += weight.prose;
            total.links += weight.links;
        }
    }
    let prose = |e: &ElementRef<'_>| weights.get(&e.id()).map_or(0, |w: &Weight| w.prose);
    let link_density = |e: &ElementRef<'_>| {
        weights.get(&e.id()).map_or(1.0, |w: &Weight| {
            w.links as f64 / (w.prose + w.links).max(1) as f64
        })
    };
    let all = prose(&root);
    if all == 0 {
        return None;
    }
    // A box the CMS names as its content, holding a good part of the prose, mostly not links.
    let named = nodes
        .iter()
        .filter_map(|n| ElementRef::wrap(*n))
        .filter(|e| names_content(e) && prose(e) * 3 >= all && link_density(e) < 0.5)
        .max_by_key(|e| prose(e));
    let mut current = named.unwrap_or(root);
    loop {
        let here = prose(&current);
        let best = current.child_elements().max_by_key(|c| prose(c));
        match best {
            Some(child)
                if CONTAINERS.contains(&child.value().name())
                    && (prose(&child) as f64) >= DESCEND_SHARE * here as f64
                    && here > 0 =>
            {
                current = child;
            }
            _ => break,
        }
    }
    (current.id() != root.id()).then_some(current)
}

fn names_content(e: &ElementRef<'_>) -> bool {
    let id = e.attr("id").unwrap_or("").to_ascii_lowercase();
    let class = e.attr("class").unwrap_or("").to_ascii_lowercase();
    CONTENT_NAMES.iter().any(|name| {
        id == *name
            || id.starts_with(&format!("{name}_"))
            || class.split_whitespace().any(|c| c == *name)
    })
}
