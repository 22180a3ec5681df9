use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::id::SectionId;

/// How far below the top of the viewport a heading still counts as the current one.
const READING_LINE_PX: f64 = 120.0;

/// The id (`data-section`) of the section being read: the last heading above the reading
/// line. Updated on scroll; `None` above the first heading.
#[hook]
pub fn use_scroll_spy() -> Option<SectionId> {
    let current = use_state(|| None::<SectionId>);
    {
        let current = current.clone();
        use_effect_with((), move |_| {
            let update = move || {
                let document = gloo::utils::document();
                let Ok(headings) = document.query_selector_all("[data-section]") else {
                    return;
                };
                let heading = |i: u32| {
                    headings
                        .item(i)
                        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                };
                // Headings lie in document order, so their tops only grow: a binary search
                // finds the last one above the line in a few measurements, where measuring
                // every heading reads thousands of boxes on each scroll of a long report.
                let above = |i: u32| {
                    heading(i).is_some_and(|e| {
                        let rect = e.get_bounding_client_rect();
                        // Hidden (cards view) headings have no box and do not count.
                        rect.height() > 0.0 && rect.top() <= READING_LINE_PX
                    })
                };
                let (mut low, mut high) = (0, headings.length());
                while low < high {
                    let middle = low + (high - low) / 2;
                    if above(middle) {
                        low = middle + 1;
                    } else {
                        high = middle;
                    }
                }
                let found = low
                    .checked_sub(1)
                    .and_then(heading)
                    .and_then(|e| e.get_attribute("data-section"))
                    .and_then(|id| id.parse().ok());
                if *current != found {
                    current.set(found);
                }
            };
            update();
            // gloo's listeners are passive by default: scrolling is never held up.
            let listener = EventListener::new(&gloo::utils::window(), "scroll", move |_| update());
            move || drop(listener)
        });
    }
    (*current).clone()
}
