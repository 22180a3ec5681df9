//! The viewer's root component.

use yew::prelude::*;

use crate::components::{ReportHeader, ReportText, Shared};
use crate::report::Report;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub report: Shared<Report>,
}

/// The whole page for one report.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let report = props.report;
    {
        let title = report.title.clone();
        use_effect_with(title, |title| {
            gloo::utils::document().set_title(title);
        });
    }
    html! {
        <>
            <a class="gk-skip" href="#gk-main">{ "跳到正文" }</a>
            <main id="gk-main" class="gk-page">
                <ReportHeader report={ report } />
                <ReportText report={ report } />
            </main>
        </>
    }
}
