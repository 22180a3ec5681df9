//! Addresses inside the viewer: hash routes such as `#/s/2.3.3`, so that every section,
//! figure, the cards view and a search can be shared, bookmarked and reopened — at any path a
//! portal serves the viewer from, with back/forward for free.

/// Where the reader is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    /// The report from its start (`#/` or no hash).
    #[default]
    Start,
    /// A section by id (`#/s/2.3.3`).
    Section(String),
    /// A figure in the text, highlighted (`#/m/2.3.3.p0.m8`).
    Metric(String),
    /// The cards view (`#/cards`), optionally scrolled to one card (`#/cards?m=<id>`).
    Cards { focus: Option<String> },
    /// A search (`#/search?q=…`).
    Search(String),
    /// An address the viewer does not know; shown as the start with a notice.
    Unknown(String),
}

/// A parsed address: the route and the flags that ride along in its query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Address {
    pub route: Route,
    /// `embed=1`: the viewer sits in a portal's iframe and hides its own page chrome.
    pub embed: bool,
}

impl Address {
    /// Reads `#/…` (with or without the `#`). A hash that does not start with `/` is an
    /// in-page anchor, not an address: `None`.
    pub fn from_hash(hash: &str) -> Option<Address> {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        if hash.is_empty() {
            return Some(Address::default());
        }
        let rest = hash.strip_prefix('/')?;
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let param = |name: &str| {
            query.split('&').find_map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (key == name).then(|| percent_decode(value))
            })
        };
        let embed = param("embed").is_some_and(|v| v == "1" || v == "true");
        let path = percent_decode(path);
        let route = match path.split_once('/').unwrap_or((path.as_str(), "")) {
            ("", "") => Route::Start,
            ("s", id) if is_section_id(id) => Route::Section(id.to_string()),
            ("m", id) if is_metric_id(id) => Route::Metric(id.to_string()),
            ("cards", "") => Route::Cards {
                focus: param("m").filter(|id| is_metric_id(id)),
            },
            ("search", "") => Route::Search(param("q").unwrap_or_default()),
            _ => Route::Unknown(hash.to_string()),
        };
        Some(Address { route, embed })
    }

    /// The hash for this address, `#/…`, with the query percent-encoded.
    pub fn to_hash(&self) -> String {
        let mut params: Vec<String> = Vec::new();
        let path = match &self.route {
            Route::Start | Route::Unknown(_) => "/".to_string(),
            Route::Section(id) => format!("/s/{id}"),
            Route::Metric(id) => format!("/m/{id}"),
            Route::Cards { focus } => {
                if let Some(id) = focus {
                    params.push(format!("m={id}"));
                }
                "/cards".to_string()
            }
            Route::Search(query) => {
                params.push(format!("q={}", percent_encode(query)));
                "/search".to_string()
            }
        };
        if self.embed {
            params.push("embed=1".to_string());
        }
        if params.is_empty() {
            format!("#{path}")
        } else {
            format!("#{path}?{}", params.join("&"))
        }
    }
}

impl Route {
    /// The hash of this route without flags: what links inside the viewer point to.
    pub fn href(&self) -> String {
        Address {
            route: self.clone(),
            embed: false,
        }
        .to_hash()
    }
}

fn is_section_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('.').all(|part| {
            !part.is_empty() && part.len() <= 4 && part.bytes().all(|b| b.is_ascii_digit())
        })
}

/// `2.3.3.p0.m8`, `p0.m1`, `2.2.t.m0`: dot-separated parts of ASCII letters and digits.
fn is_metric_id(id: &str) -> bool {
    id.len() <= 64
        && id.contains(".m")
        && id
            .split('.')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Encodes everything but unreserved ASCII as UTF-8 `%XX`, so an address survives being
/// copied, typed into a QR code or pasted into a chat.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` and `+`; bytes that are not UTF-8 (a lone surrogate's encoding, a cut
/// sequence) become U+FFFD rather than an error.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(hash: &str) -> Route {
        Address::from_hash(hash).unwrap().route
    }

    #[test]
    fn reads_every_kind_of_address() {
        assert_eq!(route(""), Route::Start);
        assert_eq!(route("#/"), Route::Start);
        assert_eq!(route("#/s/2.3.3"), Route::Section("2.3.3".into()));
        assert_eq!(
            route("#/m/2.3.3.p0.m8"),
            Route::Metric("2.3.3.p0.m8".into())
        );
        assert_eq!(route("#/cards"), Route::Cards { focus: None });
        assert_eq!(
            route("#/cards?m=p0.m1"),
            Route::Cards {
                focus: Some("p0.m1".into())
            }
        );
        assert_eq!(
            route("#/search?q=%E7%BD%9A%E6%AC%BE"),
            Route::Search("罚款".into())
        );
        assert_eq!(route("#/search?q=geng+di"), Route::Search("geng di".into()));
        assert!(Address::from_hash("#/s/2?embed=1").unwrap().embed);
    }

    #[test]
    fn unknown_and_malformed_addresses_are_unknown_not_errors() {
        for hash in [
            "#/x",
            "#/s/",
            "#/s/abc",
            "#/s/1..2",
            "#/m/<script>",
            "#/cards/extra",
            "#/s/2/3",
        ] {
            assert!(matches!(route(hash), Route::Unknown(_)), "{hash}");
        }
        // An in-page anchor is not an address at all.
        assert_eq!(Address::from_hash("#gk-main"), None);
    }

    #[test]
    fn round_trips_through_the_hash() {
        for route in [
            Route::Start,
            Route::Section("1.2".into()),
            Route::Metric("2.3.3.p0.m8".into()),
            Route::Cards { focus: None },
            Route::Cards {
                focus: Some("1.1.p0.m0".into()),
            },
            Route::Search("罚款 100% <script>&=?#".into()),
            Route::Search(String::new()),
        ] {
            for embed in [false, true] {
                let address = Address {
                    route: route.clone(),
                    embed,
                };
                assert_eq!(
                    Address::from_hash(&address.to_hash()),
                    Some(address.clone())
                );
            }
        }
    }

    #[test]
    fn decoding_never_fails() {
        assert_eq!(percent_decode("%ED%A0%80"), "\u{fffd}\u{fffd}\u{fffd}");
        assert_eq!(percent_decode("%E7%BD"), "\u{fffd}");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%"), "%zz%");
    }
}
