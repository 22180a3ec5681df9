use yew::prelude::*;

use crate::{
    id::MetricId,
    route::Route,
    runs::{runs, Mark, MarkKind, Run},
};

#[derive(Properties, PartialEq)]
pub struct TextBlockProps {
    pub text: AttrValue,
    #[prop_or_default]
    pub marks: Vec<Mark>,
    /// The figure the address points at (`#/m/<id>`): highlighted in place.
    #[prop_or_default]
    pub current_figure: Option<MetricId>,
    /// The search hit being visited, numbered within this block.
    #[prop_or_default]
    pub current_hit: Option<usize>,
}

/// A block of report text as published, with its figures as links to their cards, search hits
/// in `<mark>`, and 一是/二是 enumerations as list items. Text is always rendered as text.
#[function_component]
pub fn TextBlock(props: &TextBlockProps) -> Html {
    let items = runs(&props.text, &props.marks);
    let render_item = |item: &[Run]| render_runs(item, props);
    if items.len() <= 1 {
        return html! { <>{ for items.iter().map(|item| render_item(item)) }</> };
    }
    html! {
        <>{ for items.iter().map(|item| html! { <span class="gk-item">{ render_item(item) }</span> }) }</>
    }
}

fn figure_of(run: &Run) -> Option<&MetricId> {
    run.marks.iter().find_map(|mark| match mark {
        MarkKind::Figure(id) => Some(id),
        MarkKind::Hit(_) => None,
    })
}

fn hit_of(run: &Run) -> Option<usize> {
    run.marks.iter().find_map(|mark| match mark {
        MarkKind::Hit(n) => Some(*n),
        MarkKind::Figure(_) => None,
    })
}

/// Consecutive runs of one figure become one link, so a hit inside a figure does not split it.
fn render_runs(item: &[Run], props: &TextBlockProps) -> Html {
    let mut out = Vec::new();
    let mut i = 0;
    while i < item.len() {
        match figure_of(&item[i]) {
            Some(id) => {
                let end = (i..item.len())
                    .find(|&j| figure_of(&item[j]) != Some(id))
                    .unwrap_or(item.len());
                let current = props.current_figure.as_ref() == Some(id);
                out.push(html! {
                    <a class={ classes!("gk-figure", current.then_some("gk-figure--current")) }
                        id={ format!("/m/{id}") }
                        data-figure-id={ id.to_string() }
                        href={ Route::Cards { focus: Some(id.clone()) }.href() }>
                        { for item[i..end].iter().map(|run| render_text(run, props)) }
                    </a>
                });
                i = end;
            }
            None => {
                out.push(render_text(&item[i], props));
                i += 1;
            }
        }
    }
    out.into_iter().collect()
}

fn render_text(run: &Run, props: &TextBlockProps) -> Html {
    match hit_of(run) {
        Some(n) => {
            let current = props.current_hit == Some(n);
            html! {
                <mark class={ classes!("gk-hit", current.then_some("gk-hit--current")) }
                    data-hit={ n.to_string() }>{ &run.text }</mark>
            }
        }
        None => html! { { &run.text } },
    }
}
