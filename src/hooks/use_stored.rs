use yew::prelude::*;

/// `localStorage`, when the page may use it: it is missing or refused in private modes and in
/// some portals' sandboxed frames, and then settings are simply not remembered.
fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// A setting remembered in `localStorage` under `key`: the default while rendering, the
/// stored value once mounted; setting it stores it.
#[hook]
pub fn use_stored<T>(
    key: &'static str,
    from_key: fn(&str) -> Option<T>,
    to_key: fn(T) -> &'static str,
) -> (T, Callback<T>)
where
    T: Copy + Default + PartialEq + 'static,
{
    let value = use_state(T::default);
    {
        let value = value.clone();
        use_effect_with((), move |_| {
            let stored = storage().and_then(|s| s.get_item(key).ok().flatten());
            if let Some(stored) = stored.as_deref().and_then(from_key) {
                value.set(stored);
            }
        });
    }
    let set = {
        let value = value.clone();
        Callback::from(move |new: T| {
            if let Some(storage) = storage() {
                let _ = storage.set_item(key, to_key(new));
            }
            value.set(new);
        })
    };
    (*value, set)
}
