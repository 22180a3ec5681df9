use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// `/` anywhere but in a field focuses the search box — when `enabled` (not in a portal's
/// page: its keys are the portal's).
#[hook]
pub fn use_slash_shortcut(enabled: bool) {
    use_effect_with(enabled, |&enabled| {
        let listener = enabled.then(|| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&gloo::utils::document(), "keydown", options, |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                let target = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                let in_field = target.is_some_and(|element| {
                    typing_in_field(
                        &element.tag_name(),
                        element.has_attribute("contenteditable"),
                    )
                });
                if is_search_shortcut(&event.key(), event.ctrl_key() || event.meta_key(), in_field)
                {
                    event.prevent_default();
                    crate::scroll::focus("gk-search-input");
                }
            })
        });
        move || drop(listener)
    });
}

/// Whether a key press lands in a field where `/` is just a character.
pub fn typing_in_field(tag_name: &str, content_editable: bool) -> bool {
    matches!(tag_name, "INPUT" | "TEXTAREA" | "SELECT") || content_editable
}

/// Whether a key press asks for the search box.
pub fn is_search_shortcut(key: &str, with_modifier: bool, in_field: bool) -> bool {
    key == "/" && !with_modifier && !in_field
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slash_focuses_search_only_outside_fields_and_without_modifiers() {
        assert!(is_search_shortcut("/", false, false));
        assert!(!is_search_shortcut("/", true, false));
        assert!(!is_search_shortcut("/", false, true));
        assert!(!is_search_shortcut("a", false, false));
        assert!(typing_in_field("INPUT", false));
        assert!(typing_in_field("TEXTAREA", false));
        assert!(typing_in_field("DIV", true));
        assert!(!typing_in_field("BUTTON", false));
    }
}
