use std::{cell::RefCell, collections::HashSet, rc::Rc};

use gloo::events::EventListener;
use wasm_bindgen::{closure::Closure, JsCast};
use yew::prelude::*;

use crate::id::SectionId;

/// Which sections' search hits are drawn. Marking every hit of a long report at each key would
/// redraw the whole text; a section's hits are drawn while it is on screen or near it, and the
/// rest stay plain text (the same text: find in page, print and screen readers read it all)
/// until the reader scrolls there.
#[derive(Clone, Debug, PartialEq)]
pub enum InView {
    /// Every section (natively, when prerendering, or where the browser cannot tell).
    Everything,
    /// These sections, each by its own title and paragraphs (not its subsections').
    Sections(HashSet<SectionId>),
}

impl InView {
    pub fn has(&self, section: &SectionId) -> bool {
        match self {
            InView::Everything => true,
            InView::Sections(sections) => sections.contains(section),
        }
    }
}

/// The sections on screen or near it (one screen above and below, so a reader scrolling finds
/// hits drawn already), whose search hits the text draws ([`InView`]). Measured after a
/// scroll and, while `active` (a search is shown), after each render, in the next animation
/// frame: never inside the keystroke's task, where it would lay out the page at once. A
/// section counts by its own text, from its heading to the next heading. Natively every
/// section counts.
#[hook]
pub fn use_sections_in_view(active: bool) -> Rc<RefCell<InView>> {
    let in_view = use_mut_ref(|| {
        if cfg!(target_arch = "wasm32") {
            InView::Sections(HashSet::new())
        } else {
            InView::Everything
        }
    });
    let active_now = use_mut_ref(|| active);
    *active_now.borrow_mut() = active;
    let redraw = use_force_update();
    let measure = use_memo((), {
        let in_view = in_view.clone();
        move |_| Measure {
            in_view,
            active: active_now,
            redraw,
            tops: RefCell::default(),
            queued: RefCell::default(),
        }
    });
    {
        let measure = measure.clone();
        use_effect_with((), move |_| {
            *measure.tops.borrow_mut() = top_sections();
            measure.clone().queue();
            // Passive: scrolling is never held up.
            let listener = EventListener::new(&gloo::utils::window(), "scroll", move |_| {
                measure.clone().queue()
            });
            move || drop(listener)
        });
    }
    {
        let measure = measure.clone();
        use_effect(move || {
            if *measure.active.borrow() {
                measure.queue();
            }
        });
    }
    in_view
}

struct Measure {
    in_view: Rc<RefCell<InView>>,
    active: Rc<RefCell<bool>>,
    redraw: UseForceUpdateHandle,
    /// The text's top-level sections with their headings, in document order.
    tops: RefCell<Vec<TopSection>>,
    /// A measurement waits for the next frame.
    queued: RefCell<Option<Closure<dyn FnMut()>>>,
}

/// A top-level `<section>` and every heading (or numbered paragraph) in it, its own first,
/// each with its section's id.
struct TopSection {
    element: web_sys::Element,
    heads: Vec<(web_sys::Element, SectionId)>,
}

impl Measure {
    fn queue(self: Rc<Self>) {
        if self.queued.borrow().is_some() {
            return;
        }
        let this = self.clone();
        let frame = Closure::<dyn FnMut()>::new(move || {
            // Taken out before measuring, so a render it causes can queue the next one.
            let _done = this.queued.borrow_mut().take();
            this.measure();
        });
        let requested =
            gloo::utils::window().request_animation_frame(frame.as_ref().unchecked_ref());
        if requested.is_ok() {
            *self.queued.borrow_mut() = Some(frame);
        }
    }

    fn measure(&self) {
        let found = sections_in_view(&self.tops.borrow());
        let changed = match &mut *self.in_view.borrow_mut() {
            InView::Sections(sections) if *sections != found => {
                *sections = found;
                true
            }
            _ => false,
        };
        if changed && *self.active.borrow() {
            self.redraw.force_update();
        }
    }
}

fn top_sections() -> Vec<TopSection> {
    let elements = |root: &web_sys::Element, selector: &str| {
        let list = root.query_selector_all(selector).ok();
        (0..list.as_ref().map_or(0, |l| l.length()))
            .filter_map(|i| list.as_ref()?.item(i)?.dyn_into::<web_sys::Element>().ok())
            .collect::<Vec<_>>()
    };
    let Some(text) = gloo::utils::document().get_element_by_id("gk-text") else {
        return Vec::new();
    };
    elements(&text, ":scope > section")
        .into_iter()
        .map(|element| {
            let heads = elements(&element, "[data-section]")
                .into_iter()
                .filter_map(|head| {
                    let id = head.get_attribute("data-section")?.parse().ok()?;
                    Some((head, id))
                })
                .collect();
            TopSection { element, heads }
        })
        .collect()
}

/// The sections whose own text (from their heading to the next) lies within one screen of
/// the view. Top-level sections lie in document order: a binary search finds the first in a
/// few measurements where a long report has hundreds, and only the headings of those in view
/// are measured (those far away may not even be laid out: `content-visibility`).
fn sections_in_view(tops: &[TopSection]) -> HashSet<SectionId> {
    let screen = gloo::utils::window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    let (from, to) = (-screen, 2.0 * screen);
    let rect = |e: &web_sys::Element| e.get_bounding_client_rect();
    // The text hidden (数说 shown): no section has a box.
    if tops.first().is_none_or(|t| {
        let r = rect(&t.element);
        r.width() == 0.0 && r.height() == 0.0
    }) {
        return HashSet::new();
    }
    let (mut low, mut high) = (0, tops.len());
    while low < high {
        let middle = low + (high - low) / 2;
        if rect(&tops[middle].element).bottom() <= from {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    let mut found = HashSet::new();
    for top in tops[low..]
        .iter()
        .take_while(|t| rect(&t.element).top() < to)
    {
        let starts: Vec<f64> = top.heads.iter().map(|(head, _)| rect(head).top()).collect();
        let end = rect(&top.element).bottom();
        for (i, (_, id)) in top.heads.iter().enumerate() {
            let own_end = starts.get(i + 1).copied().unwrap_or(end);
            if starts[i] < to && own_end > from {
                found.insert(id.clone());
            }
        }
    }
    found
}
