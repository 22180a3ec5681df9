use std::{cell::RefCell, rc::Rc};

use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::route::{Address, AddressKey, Route};

/// How long the URL waits for a search being typed to pause. Writing a history entry's URL
/// costs a millisecond on a short report and tens on a long one (the browser re-resolves every
/// link of the page, and Chromium fetches the page's icon again); the page itself follows
/// each key at once.
const SEARCH_WRITE_MS: u32 = 300;

/// A typed search's URL not yet written: the timer that writes it, and the write itself for
/// a flush.
struct PendingWrite {
    _timer: gloo::timers::callback::Timeout,
    url: String,
    /// Whether the search gets an entry of its own (its first key) or rewrites the current one.
    push: bool,
    /// The URL the page still shows.
    shown: String,
}

/// The reader's address, kept in step with the page's URL where `key` says: the hash, or a
/// query parameter of a portal page the viewer is mounted in.
#[derive(Clone)]
pub struct AddressHandle {
    state: UseStateHandle<Address>,
    key: AddressKey,
    pending: Rc<RefCell<Option<PendingWrite>>>,
}

impl PartialEq for AddressHandle {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state && self.key == other.key
    }
}

impl AddressHandle {
    pub fn get(&self) -> &Address {
        &self.state
    }

    /// Moves to `address`. `replace` rewrites the current history entry instead of adding
    /// one (a search refined keystroke by keystroke is one step back, not twenty). Any move
    /// first writes what typing left pending, so history holds the same entries as if every
    /// write had been at once.
    pub fn go(&self, address: Address, replace: bool) {
        self.write(address, replace, false);
    }

    /// Moves to the address a key typed into the search box leads to (a search, or the start
    /// when the box is cleared); its URL is written once typing pauses.
    pub fn go_typed(&self, address: Address, replace: bool) {
        self.write(address, replace, true);
    }

    fn write(&self, address: Address, replace: bool, typed: bool) {
        let window = gloo::utils::window();
        let shown = window.location().href().unwrap_or_default();
        // A pending write is what the URL is about to be: the next one builds on it.
        let (href, pending_push) = match self.pending.borrow().as_ref() {
            Some(pending) => (pending.url.clone(), Some(pending.push)),
            None => (shown.clone(), None),
        };
        let url = self.key.write(&href, &address);
        if typed {
            let pending = Rc::downgrade(&self.pending);
            let timer = gloo::timers::callback::Timeout::new(SEARCH_WRITE_MS, move || {
                if let Some(pending) = pending.upgrade() {
                    flush(&pending);
                }
            });
            *self.pending.borrow_mut() = Some(PendingWrite {
                _timer: timer,
                url,
                push: pending_push.unwrap_or(!replace),
                shown,
            });
            self.state.set(address);
            return;
        }
        if replace && pending_push == Some(false) {
            // This write replaces the same entry the pending one would have.
            self.pending.borrow_mut().take();
        } else {
            flush(&self.pending);
        }
        match (&self.key, replace) {
            (AddressKey::Hash, false) => {
                let _ = window.location().set_hash(&address.to_hash());
            }
            (_, true) => replace_url(&url),
            (AddressKey::Query(_), false) => push_url(&url),
        }
        self.state.set(address);
    }
}

/// Writes a pending search's URL now (a move, or the pause). A new entry is pushed without the
/// hash being set, so the browser neither looks for an element the hash names nor fires
/// `hashchange`.
fn flush(pending: &RefCell<Option<PendingWrite>>) {
    let write = pending.borrow_mut().take();
    match write {
        Some(write) if write.push => push_url(&write.url),
        Some(write) => replace_url(&write.url),
        None => {}
    }
}

fn push_url(url: &str) {
    let _ = gloo::utils::window()
        .history()
        .and_then(|h| h.push_state_with_url(&JsValue::NULL, "", Some(url)));
}

/// Rewrites the current history entry's URL. The portal's own history state is kept on its
/// entry; new entries are the viewer's.
fn replace_url(url: &str) {
    let _ = gloo::utils::window().history().and_then(|h| {
        let state = h.state().unwrap_or(JsValue::NULL);
        h.replace_state_with_url(&state, "", Some(url))
    });
}

/// Reads the address after the first render and whenever the URL changes under the viewer:
/// `hashchange` (links, back and forward) for the hash, `popstate` (back and forward) for a
/// parameter. A hash that is not an address (`#gk-main`) leaves it as it is. A viewer that
/// started embedded (`embed=1`) stays embedded, whatever links inside it say.
#[hook]
pub fn use_address(initial: Address, key: AddressKey) -> AddressHandle {
    let embedded = initial.embed;
    let state = use_state_eq(|| initial);
    let pending = use_mut_ref(|| None::<PendingWrite>);
    {
        let state = state.clone();
        let pending = pending.clone();
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
            let unwritten = pending.clone();
            let read = move || {
                let window = gloo::utils::window();
                let href = window.location().href().unwrap_or_default();
                {
                    let mut unwritten = unwritten.borrow_mut();
                    match unwritten.as_ref() {
                        // The late `hashchange` of a move the viewer made just before typing
                        // (its URL is still the one shown): the search typed since then stands.
                        Some(write) if write.shown == href => return,
                        // Back or forward to another entry: the pending URL belonged to the
                        // one left, and must not be written over this one.
                        Some(_) => *unwritten = None,
                        None => {}
                    }
                }
                let Some(mut address) = key.read(&href) else {
                    return;
                };
                if embedded && !address.embed {
                    // A link inside the frame (`#/cards`) keeps the frame embedded, in its URL
                    // too (an unknown address is left as it is), so a reload of the frame
                    // still is.
                    address.embed = true;
                    if !matches!(address.route, Route::Unknown(_)) {
                        replace_url(&key.write(&href, &address));
                    }
                }
                state.set(address);
            };
            read();
            let listener = EventListener::new(&gloo::utils::window(), event, move |_| read());
            move || drop(listener)
        });
    }
    AddressHandle {
        state,
        key,
        pending,
    }
}
