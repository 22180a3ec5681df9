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

/// The public address a portal serves the viewer at, when it differs from the page's own
/// (an internal host, a proxy): `<meta name="gongkai:base-url" content="…">` in index.html,
/// else `GONGKAI_PUBLIC_URL` at build time. QR codes and copied links use it.
pub fn public_base() -> Option<String> {
    let from_meta = gloo::utils::document()
        .query_selector("meta[name=\"gongkai:base-url\"]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|content| !content.trim().is_empty());
    from_meta.or_else(|| option_env!("GONGKAI_PUBLIC_URL").map(str::to_string))
}
