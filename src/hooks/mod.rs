//! Hooks: the only place the viewer touches the browser (address, scrolling, storage, the
//! height a portal's iframe is told), always from effects, so every component still renders
//! natively under `ssr`.

mod use_address;
mod use_embed_height;
mod use_scroll_spy;
mod use_stored;

pub use use_address::{use_address, AddressHandle};
pub use use_embed_height::use_embed_height;
pub use use_scroll_spy::use_scroll_spy;
pub use use_stored::use_stored;
