use std::rc::Rc;

use yew::prelude::*;

use super::ShelfHits;
use crate::{
    search::shelf::{ShelfIndex, ShelfResults},
    shared::Shared,
};

#[derive(Properties, PartialEq)]
pub struct ShelfSearchProps {
    /// The site's searchable text (`search-<hash>.bin`, packed JSON, or
    /// `search-<hash>.json`), relative to the shelf page.
    pub search_file: AttrValue,
    /// The shelf page's search box, which this component listens to (it is in the page's own
    /// HTML, so typing never waits for the app).
    pub input_id: AttrValue,
}

/// Where the site's searchable text is.
#[derive(Clone, PartialEq)]
pub enum Load {
    /// Not asked for: the box has not been used.
    Idle,
    Loading,
    Ready(Shared<ShelfIndex>),
    Failed(String),
}

/// The search across every report, as a reducer: the query follows the box, results follow
/// the query once the text is there.
#[derive(Clone, PartialEq)]
pub struct ShelfSearchState {
    pub load: Load,
    pub query: AttrValue,
    pub results: Rc<ShelfResults>,
}

pub enum ShelfSearchAction {
    Loading,
    Loaded(Shared<ShelfIndex>),
    Failed(String),
    Query(String),
}

impl Default for ShelfSearchState {
    fn default() -> Self {
        Self {
            load: Load::Idle,
            query: AttrValue::default(),
            results: Rc::default(),
        }
    }
}

impl Reducible for ShelfSearchState {
    type Action = ShelfSearchAction;

    fn reduce(self: Rc<Self>, action: ShelfSearchAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ShelfSearchAction::Loading => next.load = Load::Loading,
            ShelfSearchAction::Loaded(index) => next.load = Load::Ready(index),
            ShelfSearchAction::Failed(error) => next.load = Load::Failed(error),
            ShelfSearchAction::Query(query) => {
                if query == *self.query {
                    return self;
                }
                next.query = query.into();
            }
        }
        next.results = match &next.load {
            Load::Ready(index) => Rc::new(index.search(&next.query)),
            _ => Rc::default(),
        };
        next.into()
    }
}

/// 全库检索: listens to the shelf's search box, fetches the site's searchable text when the box
/// is first used, and lists what every keystroke finds.
#[function_component]
pub fn ShelfSearch(props: &ShelfSearchProps) -> Html {
    let state = use_reducer(ShelfSearchState::default);
    {
        let dispatch = state.dispatcher();
        let file = props.search_file.clone();
        let input_id = props.input_id.clone();
        use_effect_with((), move |_| browser::listen(&input_id, &file, dispatch));
    }
    let on_suggest = {
        let dispatch = state.dispatcher();
        let input_id = props.input_id.clone();
        Callback::from(move |query: String| {
            browser::set_box(&input_id, &query);
            dispatch.dispatch(ShelfSearchAction::Query(query));
        })
    };
    match &state.load {
        Load::Idle => html! {},
        Load::Loading => html! {
            <p class="gk-results-count" role="status" aria-live="polite">{ "正在载入检索数据……" }</p>
        },
        Load::Failed(error) => html! {
            <p class="gk-results-count" role="alert">
                { format!("检索数据无法载入：{error}。请检查网络后刷新页面重试。") }
            </p>
        },
        Load::Ready(index) => html! {
            <ShelfHits index={ *index } query={ state.query.clone() } results={ state.results.clone() } { on_suggest } />
        },
    }
}

/// What the component does in the browser, from its effect and handlers only.
#[cfg(target_arch = "wasm32")]
mod browser {
    use gloo::events::EventListener;
    use wasm_bindgen::JsCast;
    use web_sys::HtmlInputElement;
    use yew::UseReducerDispatcher;

    use super::{ShelfSearchAction, ShelfSearchState};
    use crate::{
        search::shelf::{ShelfIndex, ShelfText},
        shared::Shared,
    };

    fn input(id: &str) -> Option<HtmlInputElement> {
        gloo::utils::document()
            .get_element_by_id(id)?
            .dyn_into::<HtmlInputElement>()
            .ok()
    }

    /// How long typing pauses before the address follows the box.
    const ADDRESS_PAUSE_MS: u32 = 300;

    /// Puts `query` in the box (a suggestion was chosen) and in the address.
    pub fn set_box(id: &str, query: &str) {
        if let Some(input) = input(id) {
            input.set_value(query);
            let _ = input.focus();
        }
        keep_in_address(query);
    }

    /// The query in the page's address (`?q=…`), replacing the entry: back from a report
    /// returns to the same results.
    fn keep_in_address(query: &str) {
        let window = gloo::utils::window();
        let location = window.location();
        let path = location.pathname().unwrap_or_default();
        let url = if query.trim().is_empty() {
            path
        } else {
            format!("{path}?q={}", crate::route::percent_encode(query))
        };
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }

    /// The query the page was opened with (`?q=…`), if any.
    fn query_in_address() -> Option<String> {
        let search = gloo::utils::window().location().search().ok()?;
        search
            .trim_start_matches('?')
            .split('&')
            .find_map(|pair| pair.strip_prefix("q="))
            .map(crate::route::percent_decode)
    }

    /// Listens to the box for the component's life: its first focus or keystroke fetches the
    /// text; every keystroke sets the query.
    pub fn listen(
        id: &str,
        file: &str,
        dispatch: UseReducerDispatcher<ShelfSearchState>,
    ) -> impl FnOnce() {
        let Some(input) = input(id) else {
            return Box::new(|| ()) as Box<dyn FnOnce()>;
        };
        let started = std::rc::Rc::new(std::cell::Cell::new(false));
        let load = {
            let (file, dispatch, started) = (file.to_string(), dispatch.clone(), started.clone());
            move || {
                if started.replace(true) {
                    return;
                }
                dispatch.dispatch(ShelfSearchAction::Loading);
                let (file, dispatch) = (file.clone(), dispatch.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    match fetch_text(&file).await {
                        Ok(text) => {
                            let mut indexing = ShelfIndex::indexing(text);
                            while !indexing.step(INDEX_STEP_REPORTS) {
                                next_task().await;
                            }
                            let index = Shared::leak(indexing.finish());
                            dispatch.dispatch(ShelfSearchAction::Loaded(index));
                        }
                        Err(error) => dispatch.dispatch(ShelfSearchAction::Failed(error)),
                    }
                });
            }
        };
        // Opened with a query, or typed into before the app was there: answer it now.
        if input.value().is_empty() {
            if let Some(query) = query_in_address() {
                input.set_value(&query);
            }
        }
        let focused = gloo::utils::document()
            .active_element()
            .is_some_and(|e| e.id() == id);
        if !input.value().is_empty() || focused {
            dispatch.dispatch(ShelfSearchAction::Query(input.value()));
            load();
        }
        let on_focus = {
            let load = load.clone();
            EventListener::new(&input, "focus", move |_| load())
        };
        // The address follows the box once typing pauses: writing it costs a few
        // milliseconds a key (Chromium fetches the icon again), the results must not wait.
        let pending_address = std::rc::Rc::new(std::cell::RefCell::new(None));
        let on_input = {
            let field = input.clone();
            let pending_address = pending_address.clone();
            EventListener::new(&input, "input", move |_| {
                let query = field.value();
                dispatch.dispatch(ShelfSearchAction::Query(query));
                load();
                // What the box holds then, which a chosen suggestion may have replaced.
                let field = field.clone();
                let write = gloo::timers::callback::Timeout::new(ADDRESS_PAUSE_MS, move || {
                    keep_in_address(&field.value())
                });
                // Dropping the previous timeout cancels it.
                pending_address.replace(Some(write));
            })
        };
        Box::new(move || drop((on_focus, on_input, pending_address)))
    }

    /// Characters unpacked between two chances for the page to take input: about 5 ms here,
    /// 20 ms on a slow phone.
    const UNPACK_STEP_CHARS: u64 = 20_000;
    /// Reports indexed between two such chances: about the same time for reports of a
    /// report's usual length.
    const INDEX_STEP_REPORTS: usize = 10;

    /// Resolves in the next task (a message the page sends itself, which, unlike a repeated
    /// zero timer, is never held back 4 ms), so that input waiting in between is handled.
    async fn next_task() {
        let channel = web_sys::MessageChannel::new().ok();
        let promise = js_sys::Promise::new(&mut |resolve, _| match &channel {
            Some(channel) => {
                channel.port1().set_onmessage(Some(&resolve));
                let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
            }
            None => {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        // The channel lives until its message has come.
        drop(channel);
    }

    async fn fetch_text(file: &str) -> Result<ShelfText, String> {
        use wasm_bindgen_futures::JsFuture;
        let failed = |e: wasm_bindgen::JsValue| {
            e.as_string()
                .or_else(|| js_sys::Error::from(e).message().as_string())
                .unwrap_or_else(|| "网络错误".to_string())
        };
        let response = JsFuture::from(gloo::utils::window().fetch_with_str(file))
            .await
            .map_err(failed)?;
        let response: web_sys::Response = response.dyn_into().map_err(failed)?;
        if !response.ok() {
            return Err(format!("{file}: HTTP {}", response.status()));
        }
        let body = JsFuture::from(response.array_buffer().map_err(failed)?)
            .await
            .map_err(failed)?;
        let bytes = js_sys::Uint8Array::new(&body).to_vec();
        let body = if crate::textpack::is_packed(&bytes) {
            let damaged = |e: crate::textpack::UnpackError| format!("{file}: {e}");
            let mut unpacking = crate::textpack::Unpacking::new(&bytes).map_err(damaged)?;
            // A step at a time, with the reader's keys let in between.
            while !unpacking.step(UNPACK_STEP_CHARS).map_err(damaged)? {
                next_task().await;
            }
            unpacking.finish().map_err(damaged)?
        } else {
            String::from_utf8(bytes).map_err(|_| format!("{file}: 不是 UTF-8 文本"))?
        };
        serde_json::from_str(&body).map_err(|e| format!("{file}: {e}"))
    }
}

/// Natively the component only renders (tests): there is no box to listen to.
#[cfg(not(target_arch = "wasm32"))]
mod browser {
    use yew::UseReducerDispatcher;

    use super::ShelfSearchState;

    pub fn set_box(_id: &str, _query: &str) {}

    pub fn listen(
        _id: &str,
        _file: &str,
        _dispatch: UseReducerDispatcher<ShelfSearchState>,
    ) -> impl FnOnce() {
        || ()
    }
}
