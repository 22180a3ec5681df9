//! In the browser (wasm32) this starts the viewer; natively it is the `gongkai` command line.

#[cfg(target_arch = "wasm32")]
fn main() {
    use gongkai::{
        app::{App, AppProps},
        components::Shared,
        route::AddressKey,
    };
    // A panic then shows in the browser console with its message, not as `unreachable`.
    console_error_panic_hook::set_once();
    let report = Shared::leak(gongkai::bundled::report());
    let tables = Some(Shared::leak(gongkai::bundled::tables()));
    let href = gloo::utils::window().location().href().unwrap_or_default();
    // A portal's page marks where the viewer goes with `<div data-gongkai>`, and may name the
    // query parameter it keeps its address in (`data-gongkai-key`, default `gk`); the viewer's
    // own page has no such element, and the viewer takes its body and its hash.
    let mount = gloo::utils::document()
        .query_selector("[data-gongkai]")
        .ok()
        .flatten();
    let address_key = match &mount {
        Some(element) => AddressKey::query(element.get_attribute("data-gongkai-key").as_deref()),
        None => AddressKey::Hash,
    };
    // The first render already shows what the address names: no flash of the start page.
    let address = address_key.read(&href).unwrap_or_default();
    let props = AppProps {
        report,
        tables,
        address,
        address_key,
    };
    match mount {
        Some(element) => {
            // What the portal put there for readers without the viewer gives way to it.
            while let Some(child) = element.first_child() {
                let _ = element.remove_child(&child);
            }
            yew::Renderer::<App>::with_root_and_props(element, props).render();
        }
        None => {
            yew::Renderer::<App>::with_props(props).render();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    gongkai::cli::run(&args)
}
