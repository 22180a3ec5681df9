use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The query in the address; the box shows it.
    pub query: AttrValue,
    pub on_query: Callback<String>,
    /// Enter: `false` for the next hit, `true` (Shift+Enter) for the previous one.
    pub on_step: Callback<bool>,
    pub on_close: Callback<()>,
    /// Whether the results (and their count) are in the page for the field to point at.
    #[prop_or_default]
    pub results_shown: bool,
}

/// The search field: results as you type, Enter and Shift+Enter step through the hits, Esc
/// closes the search. `/` anywhere focuses it (see the app's key handler).
#[function_component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let oninput = {
        let on_query = props.on_query.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                on_query.emit(input.value());
            }
        })
    };
    let onkeydown = {
        let on_step = props.on_step.clone();
        let on_close = props.on_close.clone();
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "Enter" => {
                event.prevent_default();
                on_step.emit(event.shift_key());
            }
            "Escape" => {
                event.prevent_default();
                on_close.emit(());
            }
            _ => {}
        })
    };
    html! {
        <div class="gk-search" role="search">
            <label class="gk-visually-hidden" for="gk-search-input">{ "搜索本报告" }</label>
            <input id="gk-search-input" class="gk-field gk-search-input" type="search"
                placeholder="搜索本报告（按 / 键）" autocomplete="off" enterkeyhint="search"
                aria-describedby={ props.results_shown.then_some("gk-search-count") }
                aria-controls={ props.results_shown.then_some("gk-results") }
                value={ props.query.clone() } oninput={ oninput } onkeydown={ onkeydown } />
        </div>
    }
}
