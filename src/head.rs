//! The document head: title and the meta tags of 政府网站发展指引 (ArticleTitle, PubDate,
//! ContentSource), set once the app runs.

use crate::report::Report;

pub fn describe(report: &Report) {
    let document = gloo::utils::document();
    if !report.title.is_empty() {
        document.set_title(&report.title);
    }
    let tags = [
        ("ArticleTitle", Some(report.title.as_str())),
        ("PubDate", report.published.as_deref()),
        ("ContentSource", report.source.as_deref()),
    ];
    for (name, content) in tags {
        let Some(content) = content.filter(|c| !c.is_empty()) else {
            continue;
        };
        let selector = format!("meta[name=\"{name}\"]");
        let meta = match document.query_selector(&selector).ok().flatten() {
            Some(meta) => meta,
            None => {
                let Ok(meta) = document.create_element("meta") else {
                    continue;
                };
                let _ = meta.set_attribute("name", name);
                if let Some(head) = document.head() {
                    let _ = head.append_child(&meta);
                }
                meta
            }
        };
        let _ = meta.set_attribute("content", content);
    }
}
