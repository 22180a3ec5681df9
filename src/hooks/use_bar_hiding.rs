use std::{cell::Cell, rc::Rc};

use gloo::events::EventListener;
use yew::prelude::*;

/// Below this, the bar is always shown: the page's top is where it belongs.
const TOP_PX: f64 = 80.0;
/// Reading down this far in one go hides the bar; a small scroll back up brings it back.
const HIDE_AFTER_PX: f64 = 24.0;
const SHOW_AFTER_PX: f64 = 8.0;

/// Whether the phone's bar should slide away: while the reader scrolls down, and not while
/// `keep_shown` (a menu or the search is open). A scroll the viewer made itself (a deep link,
/// a search hit: [`crate::scroll::moved_recently`]) keeps the bar, so that its target lands
/// under a bar that names the report. Keyboard focus inside the bar shows it too (CSS).
#[hook]
pub fn use_bar_hiding(keep_shown: bool) -> bool {
    let hidden = use_state_eq(|| false);
    {
        let hidden = hidden.clone();
        use_effect_with(keep_shown, move |&keep_shown| {
            let listener = if keep_shown {
                hidden.set(false);
                None
            } else {
                let window = gloo::utils::window();
                // Read at the first scroll, not here: reading the position now would lay out
                // the page the render just changed, inside the keystroke that changed it.
                let last = Rc::new(Cell::new(f64::NAN));
                // Distance scrolled in the current direction (down positive).
                let travel = Rc::new(Cell::new(0.0_f64));
                Some(EventListener::new(&window.clone(), "scroll", move |_| {
                    let y = window.scroll_y().unwrap_or(0.0);
                    let delta = if last.get().is_nan() {
                        0.0
                    } else {
                        y - last.get()
                    };
                    last.set(y);
                    if y < TOP_PX || crate::scroll::moved_recently() {
                        travel.set(0.0);
                        hidden.set(false);
                        return;
                    }
                    if delta == 0.0 {
                        return;
                    }
                    let run = if (delta > 0.0) == (travel.get() > 0.0) {
                        travel.get() + delta
                    } else {
                        delta
                    };
                    travel.set(run);
                    if run >= HIDE_AFTER_PX {
                        hidden.set(true);
                    } else if run <= -SHOW_AFTER_PX {
                        hidden.set(false);
                    }
                }))
            };
            move || drop(listener)
        });
    }
    *hidden
}
