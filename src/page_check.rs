//! What a published page must be for any report, checked by re-reading it with a real HTML
//! parser (html5ever, as browsers parse): the `site` fuzz target's rules, replayed by the test
//! suite. Report text is text: no element or attribute it could smuggle in (scripts, event
//! handlers, `javascript:` addresses), the data block reads back to the report, and every
//! block's text stands in the page exactly, where its id says.

use std::path::PathBuf;

use scraper::{ElementRef, Html, Selector};

use gongkai_core::invariants::{report_like, Check};

use crate::{
    parse::parse,
    publish::{description, PageData, DATA_ELEMENT_ID},
    report::Report,
    site::{prerender, report_page, PublishedReport, Viewer},
};

/// The public address the checked page is published at.
const PAGE_URL: &str = "https://portal.example.gov.cn/xxgk/fzbg/r/";

/// Fuzz target `site`: bytes starting with `\x01` spell a report-like text
/// ([`report_like`]), any others are read as lossy UTF-8; the report read from them is
/// published as a page and [`check_page`] holds.
pub fn fuzz_site(bytes: &[u8]) -> Check {
    let text = match bytes.split_first() {
        Some((1, rest)) => report_like(rest),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    };
    check_page(&parse(&text))
}

/// Publishes `report` as `gongkai site` does and checks the page (see the module's rules).
pub fn check_page(report: &Report) -> Check {
    let published = PublishedReport {
        source: PathBuf::from("r.txt"),
        slug: "r".to_string(),
        report: report.clone(),
    };
    let data = PageData::new(report.clone());
    let viewer = Viewer {
        dir: PathBuf::new(),
        files: Vec::new(),
        stylesheets: vec!["gongkai.css".to_string()],
        icon: None,
        loader: "gongkai-loader.js".to_string(),
        shelf_search: false,
    };
    // The renderer wants the report for the program's life, as `gongkai site` gives it: each
    // check leaks one copy (a fuzzing run's memory limit allows for it).
    let leaked: &'static Report = Box::leak(Box::new(report.clone()));
    let body = prerender(leaked, Some(PAGE_URL.to_string()));
    let page = report_page(&published, &body, &data, &viewer, Some(PAGE_URL));
    check_page_html(&page, report, &data)
}

fn select(css: &str) -> Selector {
    Selector::parse(css).expect("a valid selector")
}

fn text_of(element: ElementRef<'_>) -> String {
    element.text().collect()
}

/// The rules for one page's markup.
pub fn check_page_html(page: &str, report: &Report, data: &PageData) -> Check {
    let document = Html::parse_document(page);

    // Only the page's own two scripts: the loader, and the data block (not executable).
    let scripts: Vec<ElementRef<'_>> = document.select(&select("script")).collect();
    if scripts.len() != 2 {
        return Err(format!("{} script elements, not 2", scripts.len()));
    }
    let loader = scripts[0].value();
    if loader.attr("type") != Some("module")
        || loader.attr("src") != Some("../assets/gongkai-loader.js")
        || !text_of(scripts[0]).is_empty()
    {
        return Err(format!(
            "first script is not the loader: {:?}",
            scripts[0].html()
        ));
    }
    let block = scripts[1].value();
    if block.attr("type") != Some("application/json") || block.attr("id") != Some(DATA_ELEMENT_ID) {
        return Err("second script is not the data block".to_string());
    }
    let read = PageData::from_script_json(&text_of(scripts[1]))
        .map_err(|e| format!("data block does not read back: {e}"))?;
    if &read != data {
        return Err("data block reads back to another report".to_string());
    }

    // Nothing active a text could have become.
    for element in document
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        let name = element.value().name();
        if matches!(
            name,
            "iframe" | "object" | "embed" | "frame" | "base" | "form"
        ) {
            return Err(format!("a {name} element in the page"));
        }
        for (attr, value) in element.value().attrs() {
            if attr.to_ascii_lowercase().starts_with("on") {
                return Err(format!("attribute {attr} on a {name}"));
            }
            let address = matches!(
                attr,
                "href" | "src" | "action" | "formaction" | "xlink:href"
            );
            let scheme: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .take(11)
                .collect::<String>()
                .to_ascii_lowercase();
            if address && (scheme.starts_with("javascript:") || scheme.starts_with("data:")) {
                return Err(format!("{attr}={value:?} on a {name}"));
            }
        }
    }

    // The head: title and description as the report says.
    let title = if report.title.is_empty() {
        "政务公开报告"
    } else {
        report.title.as_str()
    };
    let head_title = document
        .select(&select("head > title"))
        .next()
        .map(text_of)
        .unwrap_or_default();
    if head_title != title {
        return Err(format!("<title> reads {head_title:?}, not {title:?}"));
    }
    let meta = document
        .select(&select("meta[name=\"description\"]"))
        .next()
        .and_then(|m| m.value().attr("content").map(str::to_string));
    let expected = description(report);
    if !expected.is_empty() && meta.as_deref() != Some(expected.as_str()) {
        return Err(format!("description reads {meta:?}, not {expected:?}"));
    }

    // Every block's text in the page, where its id says.
    let by_id = |id: &str| -> Option<ElementRef<'_>> {
        document
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
            .find(|e| e.value().id() == Some(id))
    };
    for section in report.all_sections() {
        let id = format!("gk-s-{}", section.id);
        let heading = by_id(&id).ok_or_else(|| format!("no element {id}"))?;
        let shown = text_of(heading);
        let expected = format!("{}{}", section.number, section.title);
        let fits = if section.title.is_empty() {
            shown.starts_with(&section.number)
        } else {
            shown == expected
        };
        if !fits {
            return Err(format!("{id} reads {shown:?}, not {expected:?}"));
        }
    }
    for paragraph in report
        .preamble
        .iter()
        .chain(report.all_sections().flat_map(|s| &s.paragraphs))
    {
        let id = format!("gk-p-{}", paragraph.id);
        let element = by_id(&id).ok_or_else(|| format!("no element {id}"))?;
        match &paragraph.table {
            None => {
                let shown = text_of(element);
                if shown != paragraph.text {
                    return Err(format!("{id} reads {shown:?}, not {:?}", paragraph.text));
                }
            }
            Some(table) => {
                let cells: Vec<String> = element.select(&select("th, td")).map(text_of).collect();
                let expected: Vec<&str> = table
                    .rows
                    .iter()
                    .flatten()
                    .map(|c| c.text.as_str())
                    .collect();
                if cells != expected {
                    return Err(format!("{id}: cells {cells:?}, not {expected:?}"));
                }
            }
        }
    }
    if !report.title.is_empty() {
        let shown = document
            .select(&select("h1.gk-title"))
            .next()
            .map(text_of)
            .unwrap_or_default();
        if shown != report.title {
            return Err(format!("h1 reads {shown:?}, not {:?}", report.title));
        }
    }
    Ok(())
}
