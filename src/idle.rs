//! Work the reader does not wait for, done once the page is idle.

use wasm_bindgen::{closure::Closure, JsCast};

/// A callback waiting for the page to be idle (`requestIdleCallback`, at most `TIMEOUT_MS`
/// late; where the browser lacks it, a short timer). Dropping it cancels the callback.
pub struct Idle {
    handle: Option<u32>,
    _callback: Option<Closure<dyn FnMut()>>,
    _timer: Option<gloo::timers::callback::Timeout>,
}

/// Longest wait for an idle moment.
const TIMEOUT_MS: u32 = 200;

impl Idle {
    pub fn later(work: impl FnOnce() + 'static) -> Idle {
        let mut work = Some(work);
        let callback = Closure::<dyn FnMut()>::new(move || {
            if let Some(work) = work.take() {
                work();
            }
        });
        let window = gloo::utils::window();
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(TIMEOUT_MS);
        match window.request_idle_callback_with_options(callback.as_ref().unchecked_ref(), &options)
        {
            Ok(handle) => Idle {
                handle: Some(handle),
                _callback: Some(callback),
                _timer: None,
            },
            Err(_) => {
                let function: js_sys::Function = callback.into_js_value().unchecked_into();
                Idle {
                    handle: None,
                    _callback: None,
                    _timer: Some(gloo::timers::callback::Timeout::new(50, move || {
                        let _ = function.call0(&wasm_bindgen::JsValue::NULL);
                    })),
                }
            }
        }
    }
}

impl Drop for Idle {
    fn drop(&mut self) {
        if let Some(handle) = self.handle {
            gloo::utils::window().cancel_idle_callback(handle);
        }
    }
}
