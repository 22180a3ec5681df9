//! How the viewer starts in a page (wasm only): it hydrates a prerendered report page or renders
//! into a portal's `<div data-gongkai>`; the preview page's own wasm starts the preview, and the
//! shelf's the search across every report.

use gongkai_core::publish::{DATA_ELEMENT_ID, ROOT_ELEMENT_ID};

use crate::{
    app::{App, AppProps},
    route::AddressKey,
    shared::Shared,
};

pub fn start() {
    let document = gloo::utils::document();
    let data = document
        .get_element_by_id(DATA_ELEMENT_ID)
        .and_then(|block| block.text_content())
        .map(|json| crate::page_data::read(&json));
    let data = match data {
        Some(Ok(data)) => data,
        Some(Err(error)) => {
            gloo::console::error!(format!("报告数据无法读取：{error}"));
            return;
        }
        // The viewer's own index.html has no report: it links to the preview page instead.
        None => {
            if document
                .query_selector("[data-gongkai]")
                .ok()
                .flatten()
                .is_some()
            {
                gloo::console::error!(
                    "页面缺少报告数据（<script type=\"application/json\" id=\"gk-data\">）"
                );
            }
            return;
        }
    };
    let report = Shared::leak(data.report);
    let tables = Some(Shared::leak(data.search_tables));
    let history = Some(Shared::leak(data.history));
    let public_base = crate::head::public_base().map(Into::into);
    // A portal's page marks where the viewer goes with `<div data-gongkai>`, and may name the
    // query parameter it keeps its address in (`data-gongkai-key`, default `gk`).
    if let Some(mount) = document.query_selector("[data-gongkai]").ok().flatten() {
        let address_key = AddressKey::query(mount.get_attribute("data-gongkai-key").as_deref());
        let href = gloo::utils::window().location().href().unwrap_or_default();
        let props = AppProps {
            report,
            tables,
            address: address_key.read(&href).unwrap_or_default(),
            address_key,
            public_base,
            history,
        };
        // What the portal put there for readers without the viewer gives way to it.
        while let Some(child) = mount.first_child() {
            let _ = mount.remove_child(&child);
        }
        yew::Renderer::<App>::with_root_and_props(mount, props).render();
        return;
    }
    let props = AppProps {
        report,
        tables,
        // The page was prerendered at the start; the app moves to the address once hydrated.
        address: Default::default(),
        address_key: AddressKey::Hash,
        public_base,
        history,
    };
    match document.get_element_by_id(ROOT_ELEMENT_ID) {
        Some(root) => {
            yew::Renderer::<App>::with_root_and_props(root, props).hydrate();
        }
        None => {
            yew::Renderer::<App>::with_props(props).render();
        }
    }
}

/// The preview page (打开本地报告): its own wasm, with the parser the viewer leaves out.
pub fn start_preview() {
    yew::Renderer::<crate::preview::Preview>::new().render();
}

/// The shelf's search (全库检索): its own wasm, loaded only by the shelf page. It fills the
/// results box under the page's own search box; without either there is nothing to do.
pub fn start_shelf() {
    let document = gloo::utils::document();
    let (Some(search), Some(results)) = (
        document.get_element_by_id("gk-shelf-search"),
        document.get_element_by_id("gk-shelf-results"),
    ) else {
        return;
    };
    let props = crate::components::ShelfSearchProps {
        search_file: search
            .get_attribute("data-search")
            .unwrap_or_default()
            .into(),
        input_id: "gk-shelf-q".into(),
    };
    yew::Renderer::<crate::components::ShelfSearch>::with_root_and_props(results, props).render();
}
