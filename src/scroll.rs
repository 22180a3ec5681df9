//! Bringing what an address names into view, and moving focus there so keyboard and screen
//! reader users land where sighted users look.

use std::cell::Cell;

use wasm_bindgen::JsCast;

use crate::{id::BlockId, route::Route, search::HitPlace};

thread_local! {
    /// When the viewer last scrolled the page itself (`performance.now()`, ms).
    static MOVED_AT: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
}

/// How long after the viewer's own scroll its scroll events are still its own.
const OWN_SCROLL_MS: f64 = 500.0;

fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

fn mark_moved() {
    MOVED_AT.with(|at| at.set(now()));
}

/// Whether the page's last scroll was the viewer's (a deep link, a search hit), not the
/// reader's: the phone's bar stays for those.
pub fn moved_recently() -> bool {
    MOVED_AT.with(|at| now() - at.get() < OWN_SCROLL_MS)
}

/// Scrolls to the target of `route`: a section's heading, a figure in the text (centred), a
/// card, or the top — of the page, or for a viewer mounted in a portal's page (`mounted`, its
/// root element), of the viewer, and only when the reader is below its start. Called after the
/// route's render; on the `first` render (hydration) the top is left alone, since a reader
/// may already be reading the prerendered page, or the browser restored their place.
pub fn reveal(route: &Route, known: bool, mounted: Option<&web_sys::Element>, first: bool) {
    let target = match route {
        _ if !known => None,
        Route::Section(id) => Some((format!("gk-s-{id}"), false)),
        Route::Metric(id) => Some((format!("/m/{id}"), true)),
        Route::Cards { focus: Some(id) } => Some((format!("gk-card-{id}"), true)),
        _ => None,
    };
    match target {
        Some((id, centre)) => {
            if let Some(element) = gloo::utils::document().get_element_by_id(&id) {
                mark_moved();
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(if centre {
                    web_sys::ScrollLogicalPosition::Center
                } else {
                    web_sys::ScrollLogicalPosition::Start
                });
                element.scroll_into_view_with_scroll_into_view_options(&options);
                focus_element(&element);
            }
        }
        None if first => {}
        None => match mounted {
            Some(root) if root.get_bounding_client_rect().top() < 0.0 => {
                mark_moved();
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Start);
                root.scroll_into_view_with_scroll_into_view_options(&options);
            }
            Some(_) => {}
            // Scrolling to (0, 0) needs no layout, where reading the position first would
            // lay out the whole page just rendered.
            None => {
                mark_moved();
                gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        },
    }
}

/// Scrolls a search hit (its `<mark data-hit>`, numbered within its block) to the middle of
/// the view.
pub fn reveal_hit(place: &HitPlace) {
    let document = gloo::utils::document();
    let block = match &place.block {
        BlockId::Title => document.query_selector(".gk-title").ok().flatten(),
        BlockId::Heading(section) => document.get_element_by_id(&format!("gk-s-{section}")),
        paragraph => document.get_element_by_id(&format!("gk-p-{paragraph}")),
    };
    let selector = format!("mark[data-hit=\"{}\"]", place.index);
    if let Some(element) = block.and_then(|b| b.query_selector(&selector).ok().flatten()) {
        mark_moved();
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Focuses the element with `id` without scrolling it again.
pub fn focus(id: &str) {
    if let Some(element) = gloo::utils::document().get_element_by_id(id) {
        focus_element(&element);
    }
}

fn focus_element(element: &web_sys::Element) {
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
}
