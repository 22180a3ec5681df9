//! Bytes of a saved report → text. Portals' pages are saved as UTF-8 (with or without BOM), as
//! UTF-16 by Windows Notepad, or as GBK/GB18030 by older tools; all are read, nothing is
//! guessed silently: a file that is none of these is an error naming its line.
//!
//! Also compiled into `build.rs` (by path), so it depends on nothing but `encoding_rs`.

use std::{borrow::Cow, fmt};

use encoding_rs::{Encoding, GB18030, UTF_8};

/// Why a file's bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Line (1-based) of the first byte that is not UTF-8, counted in the raw bytes.
    pub line: usize,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: 无法识别的文本编码（既不是 UTF-8，也不是 GBK/GB18030）",
            self.line
        )
    }
}

impl std::error::Error for DecodeError {}

/// Decodes a report file. A byte-order mark decides the encoding; otherwise UTF-8, then
/// GB18030 (a superset of GBK and GB2312).
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        return encoding
            .decode_without_bom_handling_and_without_replacement(body)
            .ok_or_else(|| error_at(body));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(_) => GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .ok_or_else(|| error_at(bytes)),
    }
}

fn error_at(bytes: &[u8]) -> DecodeError {
    let valid = match UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(_) => bytes.len(),
        None => std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len()),
    };
    let line = 1 + bytes[..valid].iter().filter(|&&b| b == b'\n').count();
    DecodeError { line }
}
