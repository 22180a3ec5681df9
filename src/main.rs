//! In the browser (wasm32) this starts the viewer; natively it is the `gongkai` command line.

#[cfg(target_arch = "wasm32")]
fn main() {
    use gongkai::{app::AppProps, components::Shared, route::Address};
    // A panic then shows in the browser console with its message, not as `unreachable`.
    console_error_panic_hook::set_once();
    let report = Shared::leak(gongkai::bundled::report());
    // The first render already shows what the address names: no flash of the start page.
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    let address = Address::from_hash(&hash).unwrap_or_default();
    yew::Renderer::<gongkai::app::App>::with_props(AppProps { report, address }).render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    gongkai::cli::run(&args)
}
