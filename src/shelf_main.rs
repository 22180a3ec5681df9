//! The shelf's search wasm (全库检索): the search across every report of a site, loaded only by
//! the shelf page when its search box is about to be used. Natively there is nothing to run:
//! the command line is `gongkai`.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    gongkai::boot::start_shelf();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "gongkai-shelf 是报告库页面的全库检索（scripts/build-viewer.sh 构建）；命令行请用 gongkai"
    );
    std::process::ExitCode::from(2)
}
