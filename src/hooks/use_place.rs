use yew::prelude::*;

use crate::{
    head,
    report::Report,
    route::{Address, AddressKey, Route},
    shared::Shared,
};

/// The addresses of the place being read (with the portal's public base when one is
/// configured).
pub struct PlaceAddresses {
    /// To share: the exact place, a search included.
    pub share: String,
    /// To print: the place without a search, since a printout holds the report, not the
    /// results, and so that typing a search does not encode a new QR code for the printout
    /// at every key.
    pub print: String,
}

/// Where the reader is, for everything outside the text: brings what the address names into
/// view once rendered, keeps the document head describing the report (not in a portal's
/// page), and returns the addresses to share and print for that place.
#[hook]
pub fn use_place(
    report: Shared<Report>,
    route: &Route,
    known: bool,
    address_key: &AddressKey,
    root: NodeRef,
    known_public_base: Option<AttrValue>,
) -> PlaceAddresses {
    let mounted = address_key.is_mounted();
    let page_address = use_state_eq(String::new);
    // Known before the app runs when the page was published with one (the prerendered print
    // address then is the public one); read from the page's meta tag once running.
    let public_base = use_state_eq(|| known_public_base.map(|b| b.to_string()));
    {
        let public_base = public_base.clone();
        use_effect_with((), move |_| {
            if let Some(base) = head::public_base() {
                public_base.set(Some(base));
            }
        });
    }
    use_effect_with((report, mounted), |(report, mounted)| {
        if !mounted {
            head::describe(report);
        }
    });
    // Refining a search is not a move: the page stays where it is while the reader types.
    let target = match route {
        Route::Search(_) => Route::Search(String::new()),
        other => other.clone(),
    };
    {
        let page_address = page_address.clone();
        let address_key = address_key.clone();
        let rendered = use_mut_ref(|| false);
        use_effect_with((target, known), move |(target, known)| {
            let within = mounted.then(|| root.cast::<web_sys::Element>()).flatten();
            let first = !rendered.replace(true);
            crate::scroll::reveal(target, *known, within.as_ref(), first);
            let href = gloo::utils::window().location().href().unwrap_or_default();
            // Without the viewer's address, so that typing a search renders nothing again.
            page_address.set(address_key.write(&href, &Address::default()));
        });
    }
    let place = if known { route.clone() } else { Route::Start };
    let address_of = |place: &Route| {
        crate::qr::share_url(&page_address, public_base.as_deref(), address_key, place)
    };
    let share = address_of(&place);
    let print = match place {
        Route::Search(_) => address_of(&Route::Start),
        _ => share.clone(),
    };
    PlaceAddresses { share, print }
}
