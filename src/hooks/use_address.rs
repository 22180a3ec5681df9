use gloo::events::EventListener;
use yew::prelude::*;

use crate::route::Address;

/// The reader's address, kept in step with `location.hash`.
#[derive(Clone, PartialEq)]
pub struct AddressHandle {
    state: UseStateHandle<Address>,
}

impl AddressHandle {
    pub fn get(&self) -> &Address {
        &self.state
    }

    /// Moves to `address`. `replace` rewrites the current history entry instead of adding
    /// one (a search refined keystroke by keystroke is one step back, not twenty).
    pub fn go(&self, address: Address, replace: bool) {
        let hash = address.to_hash();
        let window = gloo::utils::window();
        if replace {
            let url = format!(
                "{}{}",
                strip_hash(&window.location().href().unwrap_or_default()),
                hash
            );
            let _ = window.history().and_then(|h| {
                h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            });
        } else {
            let _ = window.location().set_hash(&hash);
        }
        self.state.set(address);
    }
}

fn strip_hash(href: &str) -> &str {
    href.split_once('#').map_or(href, |(base, _)| base)
}

/// Reads the address from the hash after the first render and on every `hashchange`
/// (links, back and forward). A hash that is not an address (`#gk-main`) leaves it as it is.
#[hook]
pub fn use_address(initial: Address) -> AddressHandle {
    let state = use_state(|| initial);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let read = move || {
                let hash = gloo::utils::window().location().hash().unwrap_or_default();
                if let Some(address) = Address::from_hash(&hash) {
                    state.set(address);
                }
            };
            read();
            let listener =
                EventListener::new(&gloo::utils::window(), "hashchange", move |_| read());
            move || drop(listener)
        });
    }
    AddressHandle { state }
}
