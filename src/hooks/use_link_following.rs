use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::AddressHandle;
use crate::route::Address;

/// Mounted in a portal's page, the viewer's links (`#/s/2`) would change the portal's hash: a
/// plain click on one is followed here instead, into the viewer's own parameter. (Opened in a
/// new tab, such a link still works: a mounted viewer also reads an address from the hash.)
/// `None` when the viewer owns its page and links just work.
#[hook]
pub fn use_link_following(address: AddressHandle, mounted: bool) -> Option<Callback<MouseEvent>> {
    mounted.then(|| {
        Callback::from(move |event: MouseEvent| {
            let plain = event.button() == 0
                && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
            if event.default_prevented() || !plain {
                return;
            }
            let Some(target) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[href^=\"#/\"]").ok().flatten())
                .and_then(|link| link.get_attribute("href"))
                .and_then(|href| Address::from_hash(&href))
            else {
                return;
            };
            event.prevent_default();
            if *address.get() != target {
                address.go(target, false);
            }
        })
    })
}
