use std::cell::Cell;

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use yew::prelude::*;

use crate::embed::{origin_of, target_origin, HEIGHT_MESSAGE, ORIGINS_META};

/// In a portal's iframe (`enabled`, and a parent there), posts the height of `root` to the
/// parent whenever it changes (a `ResizeObserver`), as `crate::embed` describes.
#[hook]
pub fn use_embed_height(root: NodeRef, enabled: bool) {
    use_effect_with(enabled, move |&enabled| {
        let observing = if enabled { observe(&root) } else { None };
        move || {
            if let Some((observer, _callback)) = observing {
                observer.disconnect();
            }
        }
    });
}

type Observing = (web_sys::ResizeObserver, Closure<dyn FnMut()>);

fn observe(root: &NodeRef) -> Option<Observing> {
    let window = gloo::utils::window();
    let parent = window.parent().ok().flatten()?;
    if parent == window {
        return None;
    }
    let origin = parent_origin()?;
    let element = root.cast::<web_sys::Element>()?;
    let measured = element.clone();
    let last = Cell::new(-1.0);
    let post = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        if height == last.get() {
            return;
        }
        last.set(height);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, &origin);
    });
    let observer = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()).ok()?;
    observer.observe(&element);
    Some((observer, post))
}

/// The origin the parent may be told the height at; see [`target_origin`].
fn parent_origin() -> Option<String> {
    let window = gloo::utils::window();
    let document = gloo::utils::document();
    let allowed = document
        .query_selector(&format!("meta[name=\"{ORIGINS_META}\"]"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default();
    let own = window.location().origin().unwrap_or_default();
    // `location.ancestorOrigins` (Chromium, Safari), else the referrer (the framing page).
    let ancestors =
        js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into()).unwrap_or_default();
    let from_ancestors = (!ancestors.is_undefined() && !ancestors.is_null())
        .then(|| js_sys::Reflect::get(&ancestors, &JsValue::from(0)).ok())
        .flatten()
        .and_then(|o| o.as_string());
    let referrer = document.referrer();
    let parent = from_ancestors.or_else(|| origin_of(&referrer).map(str::to_string));
    target_origin(&allowed, &own, parent.as_deref())
}
