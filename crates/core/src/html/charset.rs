//! A page's bytes → text in the charset it declares: a byte-order mark, else `<meta charset>` or
//! `<meta http-equiv="Content-Type" content="…; charset=…">` found by parsing the page's start,
//! else UTF-8 when the bytes are UTF-8, else GB18030 (a superset of GBK and GB2312, which old
//! government CMSs still write).

use std::borrow::Cow;

use encoding_rs::{Encoding, GB18030, UTF_8};
use scraper::{ElementRef, Html};

/// How much of a page's start is read for its charset: browsers look at the first 1024 bytes;
/// portals' heads full of scripts and styles push the meta tag further, so more is read.
const PRESCAN_BYTES: usize = 8192;

/// Decodes a page. Never fails: a page that declares a charset is decoded in it the way a
/// browser would (bytes that are not in it become U+FFFD).
pub fn decode_html(bytes: &[u8]) -> Cow<'_, str> {
    let PageCharset { encoding, skip } = page_charset(bytes);
    let body = &bytes[skip..];
    if encoding == UTF_8 {
        if let Ok(text) = std::str::from_utf8(body) {
            return Cow::Borrowed(text);
        }
    }
    encoding.decode_without_bom_handling(body).0
}

/// The charset a page's bytes are read in, and how many bytes (a byte-order mark) come before
/// its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageCharset {
    pub encoding: &'static Encoding,
    pub skip: usize,
}

impl PageCharset {
    /// The WHATWG name of the charset (`UTF-8`, `gb18030`, `UTF-16LE`, …), which a browser's
    /// `TextDecoder` takes: the preview decodes with it and carries no decoding tables.
    pub fn name(&self) -> &'static str {
        self.encoding.name()
    }
}

/// Which charset [`decode_html`] reads a page in: a byte-order mark, else the declared one
/// (unless the page declares another but its bytes are UTF-8 with more than ASCII: an editor
/// saved it again, and Chinese GBK text is practically never valid UTF-8 by chance), else UTF-8
/// when the bytes are UTF-8, else GB18030.
pub fn page_charset(bytes: &[u8]) -> PageCharset {
    if let Some((encoding, skip)) = Encoding::for_bom(bytes) {
        return PageCharset { encoding, skip };
    }
    let is_utf8 = || std::str::from_utf8(bytes).is_ok();
    let encoding = match declared(bytes) {
        Some(encoding) if encoding != UTF_8 && !bytes.is_ascii() && is_utf8() => UTF_8,
        Some(encoding) => encoding,
        None if is_utf8() => UTF_8,
        None => GB18030,
    };
    PageCharset { encoding, skip: 0 }
}

/// The charset the page's `<meta>` tags declare, read by parsing its start (as ASCII-compatible
/// text: every charset a page may declare here keeps ASCII markup as is).
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let start = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let head = String::from_utf8_lossy(start);
    let document = Html::parse_document(&head);
    for node in document.tree.root().descendants() {
        let Some(element) = ElementRef::wrap(node) else {
            continue;
        };
        if element.value().name() != "meta" {
            continue;
        }
        if let Some(label) = element.attr("charset") {
            if let Some(encoding) = for_label(label) {
                return Some(encoding);
            }
        }
        let is_content_type = element
            .attr("http-equiv")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("content-type"));
        if let (true, Some(content)) = (is_content_type, element.attr("content")) {
            let lower = content.to_ascii_lowercase();
            if let Some(at) = lower.find("charset=") {
                let label = lower[at + "charset=".len()..]
                    .trim_start_matches(['"', '\''])
                    .split([';', '"', '\'', ' '])
                    .next()
                    .unwrap_or("");
                if let Some(encoding) = for_label(label) {
                    return Some(encoding);
                }
            }
        }
    }
    None
}

/// An encoding by its label; GBK and GB2312 pages are decoded as GB18030, their superset, so a
/// character outside GBK that an editor slipped in is still read.
fn for_label(label: &str) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label.trim().as_bytes())?;
    // A page cannot really be UTF-16 when its meta tag was readable as ASCII.
    if encoding.name().starts_with("UTF-16") {
        return Some(UTF_8);
    }
    Some(if encoding.name() == "GBK" {
        GB18030
    } else {
        encoding
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_charsets() {
        let (gbk, _, _) =
            GB18030.encode("<html><head><meta charset=\"gb2312\"></head><body>公开</body></html>");
        assert!(decode_html(&gbk).contains("公开"));
        let (gbk, _, _) = GB18030.encode(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\"></head><body>公开</body></html>",
        );
        assert!(decode_html(&gbk).contains("公开"));
        // Undeclared: UTF-8 when it is, else GB18030.
        assert!(decode_html("<p>公开</p>".as_bytes()).contains("公开"));
        let (gbk, _, _) = GB18030.encode("<p>公开</p>");
        assert!(decode_html(&gbk).contains("公开"));
        // Declared GBK, saved as UTF-8 since.
        let utf8 = "<meta charset=\"gbk\"><p>政务公开</p>";
        assert!(decode_html(utf8.as_bytes()).contains("政务公开"));
        assert_eq!(page_charset(utf8.as_bytes()).name(), "UTF-8");
    }

    #[test]
    fn charset_names_a_text_decoder_takes() {
        let (gbk, _, _) = GB18030.encode("<meta charset=\"gb2312\"><p>公开</p>");
        assert_eq!(page_charset(&gbk).name(), "gb18030");
        let (undeclared, _, _) = GB18030.encode("<p>公开</p>");
        assert_eq!(page_charset(&undeclared).name(), "gb18030");
        let bom = [b"\xff\xfe".as_slice(), "<".as_bytes()].concat();
        assert_eq!(
            page_charset(&bom),
            PageCharset {
                encoding: encoding_rs::UTF_16LE,
                skip: 2
            }
        );
        let ascii = "<meta charset=\"big5\"><p>x</p>";
        assert_eq!(page_charset(ascii.as_bytes()).name(), "Big5");
    }
}
