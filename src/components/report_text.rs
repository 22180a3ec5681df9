use yew::prelude::*;

use super::{SectionView, Shared};
use crate::report::Report;

#[derive(Properties, PartialEq)]
pub struct ReportTextProps {
    pub report: Shared<Report>,
}

/// The report's body exactly as published: the preamble, then its sections in outline order.
#[function_component]
pub fn ReportText(props: &ReportTextProps) -> Html {
    let report = props.report.0;
    html! {
        <div class="gk-text">
            { for report.preamble.iter().map(|paragraph| html! {
                <p id={ paragraph.id.clone() }>{ &paragraph.text }</p>
            }) }
            { for report.sections.iter().map(|section| html! {
                <SectionView key={ section.id.clone() } section={ Shared(section) } />
            }) }
        </div>
    }
}
