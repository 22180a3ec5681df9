//! QR codes of the address being read, drawn as SVG path data from the module matrix, so the
//! page builds the `<svg>` itself and never injects markup.

use qrcode::{types::QrError, Color, EcLevel, QrCode};

use crate::route::{Address, AddressKey, Route};

/// Modules of white border around the code, as the standard asks (ISO/IEC 18004 quiet zone).
pub const QUIET_ZONE: usize = 4;

/// The modules of a QR code: `width × width`, dark or light.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    pub width: usize,
    dark: Vec<bool>,
}

/// Why no code could be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QrProblem {
    /// The text is longer than a QR code at error correction level M can hold (2,331 bytes).
    TooLong,
}

impl QrMatrix {
    /// Encodes `text` at error correction level M (about 15 % of the code may be damaged).
    pub fn encode(text: &str) -> Result<QrMatrix, QrProblem> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).map_err(
            |e| match e {
                QrError::DataTooLong => QrProblem::TooLong,
                // Other errors only arise from explicit versions, which are not used here.
                _ => QrProblem::TooLong,
            },
        )?;
        Ok(QrMatrix {
            width: code.width(),
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect(),
        })
    }

    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.width + x]
    }

    /// Side of the drawing in modules, quiet zone included.
    pub fn size(&self) -> usize {
        self.width + 2 * QUIET_ZONE
    }

    /// One SVG path for all dark modules, a rectangle per horizontal run, in module units
    /// offset by the quiet zone: crisp at any zoom with `shape-rendering="crispEdges"`.
    pub fn svg_path(&self) -> String {
        let mut path = String::new();
        for y in 0..self.width {
            let mut x = 0;
            while x < self.width {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.width && self.is_dark(x, y) {
                    x += 1;
                }
                let len = x - start;
                path.push_str(&format!(
                    "M{},{}h{len}v1h-{len}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE
                ));
            }
        }
        path
    }
}

/// The address to share of `route`, kept where `key` says: the hash of the viewer's page, or
/// the parameter of a portal page it is mounted in (the portal's other parameters kept).
pub fn share_url(
    page_href: &str,
    public_base: Option<&str>,
    key: &AddressKey,
    route: &Route,
) -> String {
    // Only a web address is ever shared: a `javascript:` or `data:` base from a tampered page
    // is ignored, not put in a QR code for someone to open.
    let base = public_base
        .map(str::trim)
        .filter(|b| is_web_address(b))
        .unwrap_or(page_href);
    let address = Address {
        route: route.clone(),
        embed: false,
        at: None,
    };
    key.write(base, &address)
}

/// `http://…` or `https://…`, any case.
pub fn is_web_address(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")) && text.len() > 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_url_uses_the_public_base_and_drops_any_old_hash() {
        let hash = AddressKey::Hash;
        let section = Route::Section("2".parse().unwrap());
        assert_eq!(
            share_url(
                "http://intranet.example.com/viewer/#/cards?embed=1",
                None,
                &hash,
                &section
            ),
            "http://intranet.example.com/viewer/#/s/2"
        );
        assert_eq!(
            share_url(
                "http://intranet.example.com/viewer/",
                Some("https://portal.example.gov.cn/xxgk/fzbg/"),
                &hash,
                &Route::Metric("p0.m1".parse().unwrap())
            ),
            "https://portal.example.gov.cn/xxgk/fzbg/#/m/p0.m1"
        );
        assert_eq!(
            share_url("http://a.example.com/", Some("  "), &hash, &Route::Start),
            "http://a.example.com/#/"
        );
    }

    #[test]
    fn a_public_base_that_is_not_a_web_address_is_ignored() {
        let page = "http://a.example.com/v/";
        for base in [
            "javascript:alert(1)//",
            "JAVASCRIPT:alert(1)",
            "data:text/html,x",
            "//evil",
            "  ",
        ] {
            assert_eq!(
                share_url(page, Some(base), &AddressKey::Hash, &Route::Start),
                "http://a.example.com/v/#/",
                "{base}"
            );
        }
        assert!(is_web_address("HTTPS://portal.example.gov.cn/"));
    }

    #[test]
    fn a_mounted_viewer_shares_the_portal_page_with_its_parameter() {
        let key = AddressKey::query(None);
        let section = Route::Section("2.1".parse().unwrap());
        assert_eq!(
            share_url(
                "http://intranet.example.com/page.html?id=3&gk=/s/1#top",
                None,
                &key,
                &section
            ),
            "http://intranet.example.com/page.html?id=3&gk=/s/2.1#top"
        );
        assert_eq!(
            share_url(
                "http://intranet.example.com/page.html?gk=/s/1",
                Some("https://portal.example.gov.cn/xxgk/page.html"),
                &key,
                &section
            ),
            "https://portal.example.gov.cn/xxgk/page.html?gk=/s/2.1"
        );
    }

    #[test]
    fn path_covers_exactly_the_dark_modules() {
        let qr = QrMatrix::encode("http://127.0.0.1:8080/#/s/2.3.3").unwrap();
        let dark = (0..qr.width)
            .flat_map(|y| (0..qr.width).map(move |x| (x, y)))
            .filter(|&(x, y)| qr.is_dark(x, y))
            .count();
        let drawn: usize = qr
            .svg_path()
            .split('z')
            .filter(|s| !s.is_empty())
            .map(|run| {
                run.split('h')
                    .nth(1)
                    .unwrap()
                    .split('v')
                    .next()
                    .unwrap()
                    .parse::<usize>()
                    .unwrap()
            })
            .sum();
        assert_eq!(drawn, dark);
        assert_eq!(qr.size(), qr.width + 8);
    }

    #[test]
    fn too_long_text_is_a_problem_not_a_panic() {
        assert_eq!(QrMatrix::encode(&"a".repeat(3000)), Err(QrProblem::TooLong));
    }
}
