//! Hooks: each owns one concern of the page that needs the browser (the address, scrolling and
//! the head, the sections in view, storage, search state, keys, mounted links, the iframe's
//! height). They touch the browser only in effects and event handlers, never while rendering,
//! so every component still renders natively under `ssr`.

mod use_address;
mod use_bar_hiding;
mod use_embed_height;
mod use_link_following;
mod use_place;
mod use_scroll_spy;
mod use_search;
mod use_sections_in_view;
mod use_slash_shortcut;
mod use_stored;

pub use use_address::{use_address, AddressHandle};
pub use use_bar_hiding::use_bar_hiding;
pub use use_embed_height::use_embed_height;
pub use use_link_following::use_link_following;
pub use use_place::use_place;
pub use use_scroll_spy::use_scroll_spy;
pub use use_search::{use_search, SearchState};
pub use use_sections_in_view::{use_sections_in_view, InView};
pub use use_slash_shortcut::use_slash_shortcut;
pub use use_stored::use_stored;
