use yew::prelude::*;

use crate::shared::Shared;
use crate::{
    id::SectionId,
    report::{Report, Section},
    route::Route,
};

#[derive(Properties, PartialEq)]
pub struct OutlineProps {
    pub report: Shared<Report>,
    /// The section being read, marked in the list.
    pub current: Option<SectionId>,
    /// Open as a drawer (phones); on wide screens the outline is always shown.
    pub open: bool,
    /// Called when an entry is chosen, so a drawer can close.
    pub on_navigate: Callback<()>,
}

/// The report's own numbered outline as a table of contents: nested lists of links to
/// `#/s/<id>`, inside a `<nav>`.
#[function_component]
pub fn Outline(props: &OutlineProps) -> Html {
    html! {
        <nav id="gk-outline" class={ classes!("gk-outline", props.open.then_some("gk-outline--open")) }
            aria-label="目录">
            <h2 class="gk-outline-title">{ "目录" }</h2>
            { entries(&props.report.sections, props) }
        </nav>
    }
}

fn entries(sections: &[Section], props: &OutlineProps) -> Html {
    if sections.is_empty() {
        return Html::default();
    }
    html! {
        <ol>
            { for sections.iter().map(|section| {
                let current = props.current.as_ref() == Some(&section.id);
                let on_navigate = props.on_navigate.clone();
                html! {
                    <li key={ section.id.to_string() }>
                        <a href={ Route::Section(section.id.clone()).href() }
                            class={ classes!(current.then_some("gk-current")) }
                            aria-current={ current.then_some("location") }
                            onclick={ Callback::from(move |_| on_navigate.emit(())) }>
                            <span class="gk-number">{ &section.number }</span>
                            { section.display_title() }
                        </a>
                        { entries(&section.children, props) }
                    </li>
                }
            }) }
        </ol>
    }
}
