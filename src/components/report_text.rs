use yew::prelude::*;

use super::SharedReport;

#[derive(Properties, PartialEq)]
pub struct ReportTextProps {
    pub report: SharedReport,
}

/// The report's body text, paragraph by paragraph, exactly as published.
#[function_component]
pub fn ReportText(props: &ReportTextProps) -> Html {
    html! {
        <div class="gk-text">
            { for props.report.preamble.iter().map(|paragraph| html! {
                <p id={ paragraph.id.clone() }>{ &paragraph.text }</p>
            }) }
        </div>
    }
}
