use yew::prelude::*;

use crate::report::Report;
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct ShareImageDialogProps {
    pub report: Shared<Report>,
    /// The address the picture's QR code opens.
    pub url: AttrValue,
}

/// 生成分享图: a button that draws the report's figures as one tall picture (see
/// [`crate::share_image`]) and shows it in a dialog to save, or to long-press and send.
#[function_component]
pub fn ShareImageDialog(props: &ShareImageDialogProps) -> Html {
    let dialog = use_node_ref();
    // The picture as a data address, once drawn; `Err` when the browser cannot draw it.
    let image = use_state(|| None::<Result<String, ()>>);
    // An old picture's QR code would open the old address.
    {
        let image = image.clone();
        use_effect_with(props.url.clone(), move |_| image.set(None));
    }
    let open = {
        let dialog = dialog.clone();
        let image = image.clone();
        let report = props.report;
        let url = props.url.clone();
        Callback::from(move |_: MouseEvent| {
            if image.is_none() {
                image.set(Some(
                    crate::share_image::draw(report.0, &url).map_err(|_| ()),
                ));
            }
            if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
                let _ = dialog.show_modal();
            }
        })
    };
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    let title = &props.report.title;
    let file_name = format!("{}-数说.png", props.report.short_title());
    html! {
        <>
            <button type="button" class="gk-button gk-share-image-open" aria-haspopup="dialog" onclick={ open }>
                { "生成分享图" }
            </button>
            <dialog ref={ dialog } class="gk-share-image" aria-labelledby="gk-share-image-title">
                <h2 id="gk-share-image-title" class="gk-share-title">{ "分享图" }</h2>
                { match &*image {
                    Some(Ok(data)) => html! {
                        <>
                            <p class="gk-share-hint">{ "长按图片可保存或发送给朋友；电脑上请点“保存图片”。" }</p>
                            <img class="gk-share-picture" src={ data.clone() }
                                alt={ format!("分享图：{title}的主要数据和本页二维码") } />
                            <div class="gk-share-actions">
                                <a class="gk-button" href={ data.clone() } download={ file_name }>{ "保存图片" }</a>
                                <button type="button" class="gk-button" onclick={ close.clone() }>{ "关闭" }</button>
                            </div>
                        </>
                    },
                    Some(Err(())) => html! {
                        <>
                            <p class="gk-share-hint" role="alert">{ "这个浏览器无法生成图片。请使用“手机扫码阅读”分享链接。" }</p>
                            <div class="gk-share-actions">
                                <button type="button" class="gk-button" onclick={ close.clone() }>{ "关闭" }</button>
                            </div>
                        </>
                    },
                    None => Html::default(),
                } }
            </dialog>
        </>
    }
}
