use yew::prelude::*;

use crate::shared::Shared;
use crate::{
    metrics::display::{spoken, FigureText},
    publish::FigureHistory,
    report::Metric,
    route::Route,
};

#[derive(Properties, PartialEq)]
pub struct MetricCardProps {
    pub metric: Shared<Metric>,
    /// The card the address points at (`#/cards?m=<id>`).
    #[prop_or_default]
    pub current: bool,
    /// The figure's values over the years, when the site holds other years' reports.
    #[prop_or_default]
    pub history: Option<Shared<FigureHistory>>,
}

/// One figure as a card: label, then the figure as written. The card links to the figure in
/// the text and reads as one sentence to a screen reader (`收缴罚款 1230.01 万元`). Under it,
/// when other years' reports state the same figure, its values over the years, each linking
/// to its sentence in its own report (a link cannot be inside the card's link).
#[function_component]
pub fn MetricCard(props: &MetricCardProps) -> Html {
    let metric = props.metric.0;
    let figure = FigureText::of(metric);
    let history = props.history.map(|h| {
        let values = h.0.values.iter().enumerate().map(|(k, v)| {
            let year = v
                .year
                .map_or_else(|| "年度不详".to_string(), |y| format!("{y}年"));
            let change = v
                .change
                .as_ref()
                .map(|c| format!("（{c}）"))
                .unwrap_or_default();
            let text = format!("{year}：{}{change}", v.raw);
            html! {
                <>
                    { for (k > 0).then(|| html! { <span aria-hidden="true">{ " · " }</span> }) }
                    { match &v.href {
                        Some(href) => html! { <a href={ href.clone() }>{ text }</a> },
                        None => html! { <strong>{ text }</strong> },
                    } }
                </>
            }
        });
        html! {
            <p class="gk-card-history">
                <span class="gk-card-history-title">{ "历年：" }</span>
                { for values }
            </p>
        }
    });
    html! {
        <>
        <a class={ classes!("gk-card", props.current.then_some("gk-card--current")) }
            id={ format!("gk-card-{}", metric.id) }
            href={ Route::Metric(metric.id.clone()).href() }
            data-metric-id={ metric.id.to_string() }
            aria-label={ spoken(metric) }>
            <span class="gk-card-label">{ &metric.label }</span>
            <span class="gk-card-figure">
                { for (!figure.prefix.is_empty()).then(|| html! {
                    <span class="gk-card-prefix">{ &figure.prefix }</span>
                }) }
                <span class="gk-card-number">{ &figure.number }</span>
                <span class="gk-card-unit">{ &figure.rest }</span>
            </span>
            { rate_bar(metric) }
        </a>
        { for history }
        </>
    }
}

/// A rate (a figure in `%` from 0 to 100) drawn as a bar out of 100 %, for the eye only: the
/// figure says it in text. An SVG attribute sets the width (a strict CSP refuses `style=""`).
pub fn rate_bar(metric: &Metric) -> Html {
    let is_rate =
        matches!(metric.unit.as_str(), "%" | "％") && (0.0..=100.0).contains(&metric.value);
    if !is_rate {
        return Html::default();
    }
    // Tenths in integers: formatting an f64 would bring Rust's float printing (about 12 KB of
    // gzip) into the wasm for this one attribute.
    let tenths = (metric.value * 10.0).round() as u32;
    let width = format!("{}.{}", tenths / 10, tenths % 10);
    html! {
        <svg class="gk-rate" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="gk-rate-track" width="100" height="4" />
            <rect class="gk-rate-value" width={ width } height="4" />
        </svg>
    }
}
