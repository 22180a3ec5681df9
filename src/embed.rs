//! A viewer in a portal's iframe (`#/…?embed=1`) tells the portal page its height, so the
//! frame can be as tall as the report and never scroll on its own (`static/embed.js` does
//! that on the portal's side).
//!
//! The message, posted to `window.parent`: `{ type: "gongkai:height", height: <CSS px> }`,
//! `height` a whole number, sent once the viewer is shown and again whenever it changes.

/// The `type` of the height message.
pub const HEIGHT_MESSAGE: &str = "gongkai:height";

/// The meta tag in the viewer's index.html that lists the portal origins it may post to,
/// separated by spaces (`*`: any page may frame it and learn its height).
pub const ORIGINS_META: &str = "gongkai:embed-origin";

/// The target origin for `postMessage`: the parent's origin when it is one of `allowed` (the
/// meta tag's content; empty means only the viewer's own origin, `own`), `*` when that is
/// allowed, else `None` — a parent that is not allowed is told nothing. `parent` is the
/// parent's origin as far as the browser tells (`location.ancestorOrigins`, else the
/// referrer); unknown, a single allowed origin is used as it is.
pub fn target_origin(allowed: &str, own: &str, parent: Option<&str>) -> Option<String> {
    let mut list: Vec<&str> = allowed
        .split_whitespace()
        .map(|o| o.trim_end_matches('/'))
        .collect();
    if list.is_empty() {
        list.push(own);
    }
    if list.contains(&"*") {
        return Some("*".to_string());
    }
    match parent.filter(|p| !p.is_empty() && *p != "null") {
        Some(parent) => list.contains(&parent).then(|| parent.to_string()),
        None => (list.len() == 1).then(|| list[0].to_string()),
    }
}

/// The origin (`scheme://host[:port]`) of an absolute URL such as a referrer.
pub fn origin_of(url: &str) -> Option<&str> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme.is_empty()
        || !scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
    {
        return None;
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    (end > 0).then(|| &url[..scheme.len() + 3 + end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posts_only_to_an_allowed_parent() {
        let own = "https://portal.example.gov.cn";
        // No meta: the viewer's own origin only.
        assert_eq!(target_origin("", own, Some(own)), Some(own.to_string()));
        assert_eq!(
            target_origin("", own, Some("https://evil.example.com")),
            None
        );
        assert_eq!(target_origin("", own, None), Some(own.to_string()));
        // A list: the parent's, when listed.
        let list = "https://a.example.gov.cn https://b.example.gov.cn/";
        assert_eq!(
            target_origin(list, own, Some("https://b.example.gov.cn")),
            Some("https://b.example.gov.cn".to_string())
        );
        assert_eq!(target_origin(list, own, Some(own)), None);
        assert_eq!(target_origin(list, own, None), None);
        assert_eq!(
            target_origin(" * ", own, Some("https://x.example.com")),
            Some("*".to_string())
        );
    }

    #[test]
    fn reads_the_origin_of_a_url() {
        assert_eq!(
            origin_of("https://portal.example.gov.cn:8443/xxgk/a.html?x#y"),
            Some("https://portal.example.gov.cn:8443")
        );
        assert_eq!(origin_of("http://127.0.0.1:5/"), Some("http://127.0.0.1:5"));
        assert_eq!(
            origin_of("http://h.example.com"),
            Some("http://h.example.com")
        );
        assert_eq!(origin_of(""), None);
        assert_eq!(origin_of("about:blank"), None);
    }
}
