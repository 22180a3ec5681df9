//! In the browser (wasm32) this starts the viewer; natively it is the `gongkai` command line.

#[cfg(target_arch = "wasm32")]
fn main() {
    // A panic then shows in the browser console with its message, not as `unreachable`.
    console_error_panic_hook::set_once();
    gongkai::boot::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    gongkai::cli::run(&args)
}
