//! Reading a report file the reader chose, in the browser: its bytes decoded with the
//! browser's own decoders (so the bundle carries no GBK tables), by the rules `gongkai` uses:
//! a byte-order mark names UTF-8 or UTF-16, else UTF-8 when the bytes are valid UTF-8, else
//! GB18030 (which reads GBK and GB2312).

use wasm_bindgen::JsCast;

/// The file's text, or a message saying why it cannot be read.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "无法读取文件".to_string())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    decode(&bytes)
}

fn decode(bytes: &[u8]) -> Result<String, String> {
    let (label, body) = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => ("utf-8", rest),
        [0xFF, 0xFE, rest @ ..] => ("utf-16le", rest),
        [0xFE, 0xFF, rest @ ..] => ("utf-16be", rest),
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => return Ok(text.to_string()),
            Err(_) => ("gb18030", bytes),
        },
    };
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options(label, &options)
        .map_err(|_| format!("浏览器不支持 {label} 编码"))?;
    let view = js_sys::Uint8Array::from(body);
    decoder
        .decode_with_buffer_source(view.unchecked_ref())
        .map_err(|_| format!("文件不是有效的 {label} 文本，请另存为 UTF-8 或 GBK 编码后再试"))
}
