//! The preview page's wasm (打开本地报告): a local report file or pasted text, read in the
//! browser and shown as `gongkai site` would publish it. Natively there is nothing to run: the
//! command line is `gongkai`.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    gongkai::boot::start_preview();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "gongkai-preview 是浏览器中的预览页（scripts/build-viewer.sh 构建）；命令行请用 gongkai"
    );
    std::process::ExitCode::from(2)
}
