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
                let mut found = None;
                for i in 0..headings.length() {
                    let Some(element) = headings
                        .item(i)
                        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                    else {
                        continue;
                    };
                    // Hidden (cards view) headings have no box and do not count.
                    let rect = element.get_bounding_client_rect();
                    if rect.height() > 0.0 && rect.top() <= READING_LINE_PX {
                        found = element
                            .get_attribute("data-section")
                            .and_then(|id| id.parse().ok());
                    }
                }
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
