//! Reading a report file the reader chose, in the browser: a text file or a saved portal page
//! (HTML), read by the rules `gongkai` uses. Bytes are decoded with the browser's own decoders
//! (so the bundle carries no GBK tables): for text, a byte-order mark names UTF-8 or UTF-16,
//! else UTF-8 when the bytes are valid UTF-8, else GB18030 (which reads GBK and GB2312); for a
//! page, the charset it declares, chosen as `gongkai` chooses it.

use gongkai_core::{html, limits, parse, report::Report};
use wasm_bindgen::JsCast;

/// The file read as a report, or a message saying why it cannot be read: it is refused over
/// the size and report limits `gongkai` keeps (`gongkai_core::limits`), before it can fill the
/// page's memory.
pub async fn read_report(file: &web_sys::File) -> Result<Report, String> {
    limits::check_size(file.size() as u64)?;
    let report = read_unchecked(file).await?;
    limits::check_report(&report)?;
    Ok(report)
}

async fn read_unchecked(file: &web_sys::File) -> Result<Report, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "无法读取文件".to_string())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let name = file.name().to_lowercase();
    if name.ends_with(".html") || name.ends_with(".htm") || html::looks_like_html(&bytes) {
        let charset = html::page_charset(&bytes);
        let markup = decode(charset.name(), &bytes[charset.skip..], false)?;
        return Ok(html::parse_html(&markup));
    }
    Ok(parse::parse(&decode_text(&bytes)?))
}

/// Pasted text read as a report: markup (a page's source copied from the browser) as a page.
/// Refused over the limits, as a file is.
pub fn read_pasted(text: &str) -> Result<Report, String> {
    limits::check_size(text.len() as u64)?;
    let report = if html::looks_like_html(text.as_bytes()) {
        html::parse_html(text)
    } else {
        parse::parse(text)
    };
    limits::check_report(&report)?;
    Ok(report)
}

fn decode_text(bytes: &[u8]) -> Result<String, String> {
    let (label, body) = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => ("utf-8", rest),
        [0xFF, 0xFE, rest @ ..] => ("utf-16le", rest),
        [0xFE, 0xFF, rest @ ..] => ("utf-16be", rest),
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => return Ok(text.to_string()),
            Err(_) => ("gb18030", bytes),
        },
    };
    decode(label, body, true)
}

/// `body` decoded by the browser. `fatal`: a text file with bytes outside its charset is
/// refused (the reader re-saves it); a page is read as a browser shows it, with U+FFFD.
fn decode(label: &str, body: &[u8], fatal: bool) -> Result<String, String> {
    if label.eq_ignore_ascii_case("utf-8") {
        if let Ok(text) = std::str::from_utf8(body) {
            return Ok(text.to_string());
        }
    }
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(fatal);
    let decoder = web_sys::TextDecoder::new_with_label_and_options(label, &options)
        .map_err(|_| format!("浏览器不支持 {label} 编码"))?;
    let view = js_sys::Uint8Array::from(body);
    decoder
        .decode_with_buffer_source(view.unchecked_ref())
        .map_err(|_| format!("文件不是有效的 {label} 文本，请另存为 UTF-8 或 GBK 编码后再试"))
}
