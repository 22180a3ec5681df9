//! Addresses inside the viewer: hash routes such as `#/s/2.3.3`, so that every section,
//! figure, the cards view and a search can be shared, bookmarked and reopened — at any path a
//! portal serves the viewer from, with back/forward for free.

use crate::id::{BlockId, MetricId, SectionId};

/// Where the reader is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    /// The report from its start (`#/` or no hash).
    #[default]
    Start,
    /// A section by id (`#/s/2.3.3`).
    Section(SectionId),
    /// A figure in the text, highlighted (`#/m/2.3.3.p0.m8`).
    Metric(MetricId),
    /// The cards view (`#/cards`), optionally scrolled to one card (`#/cards?m=<id>`).
    Cards { focus: Option<MetricId> },
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
    /// With a search, `at=2.1.p3`: the block whose first hit the reader is taken to (a result
    /// of the shelf's search across reports opens its report there). Ignored with any other
    /// route, and when the block has no hit.
    pub at: Option<BlockId>,
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
            ("s", id) => id
                .parse()
                .map_or_else(|_| Route::Unknown(hash.to_string()), Route::Section),
            ("m", id) => id
                .parse()
                .map_or_else(|_| Route::Unknown(hash.to_string()), Route::Metric),
            // A malformed card id is an unknown address (the reader is told), as in `#/m/`.
            ("cards", "") => match param("m") {
                None => Route::Cards { focus: None },
                Some(id) => id.parse().map_or_else(
                    |_| Route::Unknown(hash.to_string()),
                    |id| Route::Cards { focus: Some(id) },
                ),
            },
            ("search", "") => Route::Search(param("q").unwrap_or_default()),
            _ => Route::Unknown(hash.to_string()),
        };
        let at = match route {
            Route::Search(_) => param("at").and_then(|id| id.parse().ok()),
            _ => None,
        };
        Some(Address { route, embed, at })
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
                if let Some(at) = &self.at {
                    params.push(format!("at={at}"));
                }
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
    /// Whether the route names something `report` has (a start, a search or the cards always
    /// do; a section or figure only when the report holds it).
    pub fn resolves_in(&self, report: &crate::report::Report) -> bool {
        match self {
            Route::Section(id) => report.section(id).is_some(),
            Route::Metric(id) | Route::Cards { focus: Some(id) } => report.metric(id).is_some(),
            Route::Unknown(_) => false,
            Route::Start | Route::Cards { focus: None } | Route::Search(_) => true,
        }
    }

    /// The hash of this route without flags: what links inside the viewer point to.
    pub fn href(&self) -> String {
        Address {
            route: self.clone(),
            embed: false,
            at: None,
        }
        .to_hash()
    }
}

/// Where the reader's address lives in the page's URL.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum AddressKey {
    /// The whole hash, `#/s/2`: the viewer owns its page (its own index.html, an iframe).
    #[default]
    Hash,
    /// One query parameter of a host page (`?gk=/s/2`): the viewer is mounted in a portal's
    /// page, whose hash and other parameters stay the portal's.
    Query(String),
}

impl AddressKey {
    /// The query parameter a mounted viewer uses unless its element names another.
    pub const DEFAULT_PARAM: &'static str = "gk";

    /// The key a host page asks for with `data-gongkai-key`: a plain parameter name, else the
    /// default.
    pub fn query(name: Option<&str>) -> AddressKey {
        let name = name.map(str::trim).filter(|n| {
            !n.is_empty()
                && n.len() <= 32
                && n.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        });
        AddressKey::Query(name.unwrap_or(Self::DEFAULT_PARAM).to_string())
    }

    pub fn is_mounted(&self) -> bool {
        matches!(self, AddressKey::Query(_))
    }

    /// The address in the URL `href`. With the hash as key, a hash that is not an address
    /// (`#gk-main`) is `None`. With a parameter, its absence is the start of the report —
    /// unless the hash is a known address (`#/s/2`: an in-viewer link opened in a new tab).
    pub fn read(&self, href: &str) -> Option<Address> {
        let (rest, hash) = href.split_once('#').unwrap_or((href, ""));
        match self {
            AddressKey::Hash => Address::from_hash(hash),
            AddressKey::Query(name) => {
                let query = rest.split_once('?').map_or("", |(_, q)| q);
                let value = query.split('&').find_map(|pair| {
                    let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                    (key == name).then(|| percent_decode(value))
                });
                let address = match value {
                    Some(value) => Address::from_hash(&value).unwrap_or_default(),
                    None => viewer_hash(hash).unwrap_or_default(),
                };
                Some(Address {
                    embed: false,
                    ..address
                })
            }
        }
    }

    /// `href` with `address` written into it: the hash replaced, or the parameter set in place
    /// (removed for the start) with the host's other parameters and hash kept. A hash that is
    /// one of the viewer's own addresses is dropped, so it cannot come back later.
    pub fn write(&self, href: &str, address: &Address) -> String {
        let (rest, hash) = href.split_once('#').unwrap_or((href, ""));
        match self {
            AddressKey::Hash => format!("{rest}{}", address.to_hash()),
            AddressKey::Query(name) => {
                let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
                let value = (address.route != Route::Start).then(|| {
                    let hash = Address {
                        embed: false,
                        ..address.clone()
                    }
                    .to_hash();
                    format!("{name}={}", encode_param(&hash[1..]))
                });
                let mut pairs: Vec<String> = Vec::new();
                let mut placed = false;
                for pair in query.split('&').filter(|p| !p.is_empty()) {
                    if pair.split_once('=').map_or(pair, |(k, _)| k) == name {
                        if let (false, Some(value)) = (placed, &value) {
                            pairs.push(value.clone());
                        }
                        placed = true;
                    } else {
                        pairs.push(pair.to_string());
                    }
                }
                if let (false, Some(value)) = (placed, value) {
                    pairs.push(value);
                }
                let mut url = path.to_string();
                if !pairs.is_empty() {
                    url.push('?');
                    url.push_str(&pairs.join("&"));
                }
                if !hash.is_empty() && viewer_hash(hash).is_none() {
                    url.push('#');
                    url.push_str(hash);
                }
                url
            }
        }
    }
}

/// A hash that is one of the viewer's own addresses (not the start, not unknown).
fn viewer_hash(hash: &str) -> Option<Address> {
    Address::from_hash(hash).filter(|a| !matches!(a.route, Route::Start | Route::Unknown(_)))
}

/// A viewer address as a query value: readable (`/s/2.3.3`, `/cards?m=p0.m1`), with only what
/// would end or split the value (`&`, `#`, `+`, `%`, spaces, non-ASCII) encoded.
fn encode_param(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/?=:@!$'()*,;".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
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

    fn section(id: &str) -> SectionId {
        id.parse().unwrap()
    }

    fn metric(id: &str) -> MetricId {
        id.parse().unwrap()
    }

    fn route(hash: &str) -> Route {
        Address::from_hash(hash).unwrap().route
    }

    #[test]
    fn a_search_can_name_the_block_it_opens_at() {
        let address = Address::from_hash("#/search?q=%E7%BD%9A%E6%AC%BE&at=2.1.p3").unwrap();
        assert_eq!(address.route, Route::Search("罚款".into()));
        assert_eq!(address.at, Some("2.1.p3".parse().unwrap()));
        assert_eq!(address.to_hash(), "#/search?q=%E7%BD%9A%E6%AC%BE&at=2.1.p3");
        assert_eq!(Address::from_hash(&address.to_hash()), Some(address));
        // Only with a search, and only a block id.
        assert_eq!(Address::from_hash("#/s/2?at=2.1.p3").unwrap().at, None);
        assert_eq!(Address::from_hash("#/search?q=a&at=2.x").unwrap().at, None);
        assert_eq!(
            Address::from_hash("#/search?q=a&at=title").unwrap().at,
            Some(BlockId::Title)
        );
        let section = Address {
            route: Route::Section("2".parse().unwrap()),
            embed: false,
            at: Some(BlockId::Title),
        };
        assert_eq!(section.to_hash(), "#/s/2");
    }

    #[test]
    fn reads_every_kind_of_address() {
        assert_eq!(route(""), Route::Start);
        assert_eq!(route("#/"), Route::Start);
        assert_eq!(route("#/s/2.3.3"), Route::Section(section("2.3.3")));
        assert_eq!(
            route("#/m/2.3.3.p0.m8"),
            Route::Metric(metric("2.3.3.p0.m8"))
        );
        assert_eq!(route("#/cards"), Route::Cards { focus: None });
        assert_eq!(
            route("#/cards?m=p0.m1"),
            Route::Cards {
                focus: Some(metric("p0.m1"))
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
            "#/cards?m=nope.m0",
            "#/cards?m=<script>",
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
            Route::Section(section("1.2")),
            Route::Metric(metric("2.3.3.p0.m8")),
            Route::Cards { focus: None },
            Route::Cards {
                focus: Some(metric("1.1.p0.m0")),
            },
            Route::Search("罚款 100% <script>&=?#".into()),
            Route::Search(String::new()),
        ] {
            for embed in [false, true] {
                let at = matches!(route, Route::Search(_)).then(|| "2.1.p3".parse().unwrap());
                let address = Address {
                    route: route.clone(),
                    embed,
                    at,
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

    #[test]
    fn a_mounted_viewer_keeps_its_address_in_its_own_parameter() {
        let key = AddressKey::query(None);
        let host = "https://portal.example.gov.cn/xxgk/2024/page.html?id=7#top";
        let section = Address {
            route: Route::Section(section("2.3")),
            embed: false,
            at: None,
        };
        let url = key.write(host, &section);
        assert_eq!(
            url,
            "https://portal.example.gov.cn/xxgk/2024/page.html?id=7&gk=/s/2.3#top"
        );
        assert_eq!(key.read(&url), Some(section.clone()));
        // The parameter is replaced in place, and removed for the start.
        let cards = Address {
            route: Route::Cards {
                focus: Some(metric("p0.m1")),
            },
            embed: true,
            at: None,
        };
        let url = key.write(&url, &cards);
        assert_eq!(
            url,
            "https://portal.example.gov.cn/xxgk/2024/page.html?id=7&gk=/cards?m=p0.m1#top"
        );
        assert_eq!(
            key.read(&url).unwrap().route,
            Route::Cards {
                focus: Some(metric("p0.m1"))
            }
        );
        assert!(!key.read(&url).unwrap().embed);
        assert_eq!(
            key.write(&url, &Address::default()),
            "https://portal.example.gov.cn/xxgk/2024/page.html?id=7#top"
        );
        assert_eq!(key.read(host), Some(Address::default()));
        // The portal's own hash routes are never read or dropped.
        assert_eq!(
            key.read("http://a.example.com/p#/news/5"),
            Some(Address::default())
        );
        assert_eq!(
            key.write("http://a.example.com/p#/news/5", &section),
            "http://a.example.com/p?gk=/s/2.3#/news/5"
        );
    }

    #[test]
    fn a_mounted_viewer_round_trips_every_route_and_reads_viewer_hashes_opened_in_a_new_tab() {
        let key = AddressKey::query(Some("report"));
        assert_eq!(key, AddressKey::Query("report".into()));
        assert_eq!(
            AddressKey::query(Some("a b&")),
            AddressKey::Query("gk".into())
        );
        for route in [
            Route::Section(section("1.2")),
            Route::Metric(metric("2.3.3.p0.m8")),
            Route::Cards { focus: None },
            Route::Search("罚款 100% <script>&=?#+".into()),
        ] {
            let address = Address {
                route,
                embed: false,
                at: None,
            };
            let url = key.write("http://h.example.com/x.html?a=1&b", &address);
            assert!(
                url.starts_with("http://h.example.com/x.html?a=1&b&report=/"),
                "{url}"
            );
            assert_eq!(key.read(&url), Some(address));
        }
        // `#/s/2` is what an in-viewer link points to: opened in a new tab, it still works,
        // and moving on replaces it with the parameter.
        assert_eq!(
            key.read("http://h.example.com/x.html#/s/2").unwrap().route,
            Route::Section(section("2"))
        );
        assert_eq!(
            key.write("http://h.example.com/x.html#/s/2", &Address::default()),
            "http://h.example.com/x.html"
        );
        // The hash key is the whole hash, as before.
        assert_eq!(
            AddressKey::Hash.write("http://h.example.com/v/#/s/1", &Address::default()),
            "http://h.example.com/v/#/"
        );
        assert_eq!(
            AddressKey::Hash.read("http://h.example.com/v/#gk-main"),
            None
        );
    }
}
