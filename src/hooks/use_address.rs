use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::route::{Address, AddressKey, Route};

/// The reader's address, kept in step with the page's URL where `key` says: the hash, or a
/// query parameter of a portal page the viewer is mounted in.
#[derive(Clone, PartialEq)]
pub struct AddressHandle {
    state: UseStateHandle<Address>,
    key: AddressKey,
}

impl AddressHandle {
    pub fn get(&self) -> &Address {
        &self.state
    }

    /// Moves to `address`. `replace` rewrites the current history entry instead of adding
    /// one (a search refined keystroke by keystroke is one step back, not twenty).
    pub fn go(&self, address: Address, replace: bool) {
        let window = gloo::utils::window();
        let href = window.location().href().unwrap_or_default();
        let url = self.key.write(&href, &address);
        match (&self.key, replace) {
            (AddressKey::Hash, false) => {
                let _ = window.location().set_hash(&address.to_hash());
            }
            // The portal's own history state is kept on its entry; new entries are the viewer's.
            (_, true) => {
                let _ = window.history().and_then(|h| {
                    let state = h.state().unwrap_or(JsValue::NULL);
                    h.replace_state_with_url(&state, "", Some(&url))
                });
            }
            (AddressKey::Query(_), false) => {
                let _ = window
                    .history()
                    .and_then(|h| h.push_state_with_url(&JsValue::NULL, "", Some(&url)));
            }
        }
        self.state.set(address);
    }
}

/// Reads the address after the first render and whenever the URL changes under the viewer:
/// `hashchange` (links, back and forward) for the hash, `popstate` (back and forward) for a
/// parameter. A hash that is not an address (`#gk-main`) leaves it as it is. A viewer that
/// started embedded (`embed=1`) stays embedded, whatever links inside it say.
#[hook]
pub fn use_address(initial: Address, key: AddressKey) -> AddressHandle {
    let embedded = initial.embed;
    let state = use_state_eq(|| initial);
    {
        let state = state.clone();
        use_effect_with(key.clone(), move |key| {
            let key = key.clone();
            // A hydrated page starts at the address it was prerendered at (`#/`), not its URL's:
            // whether the viewer started embedded is the URL's say as it first reads it.
            let href = gloo::utils::window().location().href().unwrap_or_default();
            let embedded = embedded || key.read(&href).is_some_and(|address| address.embed);
            let event = match key {
                AddressKey::Hash => "hashchange",
                AddressKey::Query(_) => "popstate",
            };
            let read = move || {
                let window = gloo::utils::window();
                let href = window.location().href().unwrap_or_default();
                let Some(mut address) = key.read(&href) else {
                    return;
                };
                if embedded && !address.embed {
                    // A link inside the frame (`#/cards`) keeps the frame embedded, in its URL
                    // too (an unknown address is left as it is), so a reload of the frame
                    // still is.
                    address.embed = true;
                    if !matches!(address.route, Route::Unknown(_)) {
                        let url = key.write(&href, &address);
                        let _ = window.history().and_then(|h| {
                            let state = h.state().unwrap_or(JsValue::NULL);
                            h.replace_state_with_url(&state, "", Some(&url))
                        });
                    }
                }
                state.set(address);
            };
            read();
            let listener = EventListener::new(&gloo::utils::window(), event, move |_| read());
            move || drop(listener)
        });
    }
    AddressHandle { state, key }
}
