use yew::prelude::*;

use crate::qr::{QrMatrix, QrProblem};

#[derive(Properties, PartialEq)]
pub struct QrCodeProps {
    pub text: AttrValue,
    /// Drawn size in CSS pixels (≥ 160 so a phone can read it off a desk screen).
    #[prop_or(200)]
    pub size: u32,
}

/// A QR code as inline SVG: dark on light whatever the theme, with its quiet zone. Past the
/// capacity of a code it says so instead of drawing a broken one.
#[function_component]
pub fn QrCode(props: &QrCodeProps) -> Html {
    let matrix = use_memo(props.text.clone(), |text| QrMatrix::encode(text));
    match &*matrix {
        Ok(qr) => {
            let side = qr.size().to_string();
            html! {
                <svg class="gk-qr" xmlns="http://www.w3.org/2000/svg" role="img"
                    aria-label="本页地址的二维码" viewBox={ format!("0 0 {side} {side}") }
                    width={ props.size.to_string() } height={ props.size.to_string() }
                    shape-rendering="crispEdges">
                    <rect width={ side.clone() } height={ side } fill="#ffffff" />
                    <path d={ qr.svg_path() } fill="#000000" />
                </svg>
            }
        }
        Err(QrProblem::TooLong) => html! {
            <p class="gk-qr-problem">{ "这个地址太长，无法生成二维码。请使用下方的“复制链接”。" }</p>
        },
    }
}
