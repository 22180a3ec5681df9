use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::QrCode;

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    /// The exact address being read, as it should open on a phone.
    pub url: AttrValue,
    pub title: AttrValue,
}

/// "手机扫码阅读": a dialog with a QR code of the address being read, the address as text, a
/// copy button (Clipboard API, or selecting the text where that is missing or refused) and the
/// system share sheet where the browser has one.
#[function_component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let dialog = use_node_ref();
    let address_input = use_node_ref();
    let status = use_state(String::new);
    let can_share = use_state(|| false);
    {
        let can_share = can_share.clone();
        use_effect_with((), move |_| {
            let navigator = gloo::utils::window().navigator();
            can_share.set(
                js_sys::Reflect::has(&navigator, &JsValue::from_str("share")).unwrap_or(false),
            );
        });
    }
    // A new address makes an old confirmation untrue.
    {
        let status = status.clone();
        use_effect_with(props.url.clone(), move |_| status.set(String::new()));
    }

    // The code is drawn only while the dialog is open: encoding one takes milliseconds (its
    // eight masks are each scored), and the address changes with every key typed in search.
    let shown = use_state_eq(|| false);
    let open = {
        let dialog = dialog.clone();
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
                shown.set(true);
                let _ = dialog.show_modal();
            }
        })
    };
    // However it closes: its button, Esc, or the page.
    let on_closed = {
        let shown = shown.clone();
        Callback::from(move |_: Event| shown.set(false))
    };
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    let copy = {
        let status = status.clone();
        let address_input = address_input.clone();
        let url = props.url.to_string();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let address_input = address_input.clone();
            let url = url.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = match clipboard() {
                    Some(clipboard) => {
                        wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&url))
                            .await
                            .is_ok()
                    }
                    None => false,
                };
                let copied = copied || select_and_copy(&address_input);
                status.set(if copied {
                    "已复制".to_string()
                } else {
                    "已选中链接，请按 Ctrl+C（手机上长按）复制".to_string()
                });
            });
        })
    };
    let share = {
        let url = props.url.to_string();
        let title = props.title.to_string();
        Callback::from(move |_: MouseEvent| {
            let data = web_sys::ShareData::new();
            data.set_title(&title);
            data.set_url(&url);
            // The user may dismiss the sheet: that is not an error worth showing.
            let _ = gloo::utils::window().navigator().share_with_data(&data);
        })
    };
    let select_all = Callback::from(|event: FocusEvent| {
        if let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.select();
        }
    });

    html! {
        <>
            <button type="button" class="gk-button" aria-haspopup="dialog" onclick={ open }>
                { "手机扫码阅读" }
            </button>
            <dialog ref={ dialog } class="gk-share" aria-labelledby="gk-share-title" onclose={ on_closed }>
                <h2 id="gk-share-title" class="gk-share-title">{ "手机扫码阅读" }</h2>
                <p class="gk-share-hint">{ "用手机扫描二维码，在手机上接着读这里。" }</p>
                <div class="gk-qr-frame">
                    { for shown.then(|| html! { <QrCode text={ props.url.clone() } size={ 200 } /> }) }
                </div>
                <label class="gk-share-label" for="gk-share-address">{ "本页地址" }</label>
                <input id="gk-share-address" ref={ address_input } class="gk-field gk-share-address" type="text"
                    readonly=true value={ props.url.clone() } onfocus={ select_all } />
                <div class="gk-share-actions">
                    <button type="button" class="gk-button" onclick={ copy }>{ "复制链接" }</button>
                    { for can_share.then(|| html! {
                        <button type="button" class="gk-button" onclick={ share }>{ "分享" }</button>
                    }) }
                    <button type="button" class="gk-button" onclick={ close }>{ "关闭" }</button>
                </div>
                <p class="gk-share-status" role="status" aria-live="polite">{ (*status).clone() }</p>
            </dialog>
        </>
    }
}

/// The Clipboard API where the page may use it (secure contexts; not in every embed).
fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = gloo::utils::window().navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    (!value.is_undefined() && !value.is_null()).then(|| value.unchecked_into())
}

/// The fallback: select the address in its field and ask the browser to copy the selection.
/// The text stays selected, so the reader can copy it by hand if even this is refused.
fn select_and_copy(input: &NodeRef) -> bool {
    let Some(input) = input.cast::<web_sys::HtmlInputElement>() else {
        return false;
    };
    let _ = input.focus();
    input.select();
    gloo::utils::document()
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false)
}
