use yew::prelude::*;

use super::{
    reader_context::{section_bytes, size_estimate, split_marks},
    Highlights, ReaderContext, TableView, TextBlock,
};
use crate::shared::Shared;
use crate::{report::Section, route::Route};

#[derive(Properties, PartialEq)]
pub struct SectionViewProps {
    pub section: Shared<Section>,
    /// What is highlighted in this section and its subsections only.
    #[prop_or_default]
    pub highlights: Highlights,
}

/// One section of the outline: its heading (a real `<h2>`…`<h6>` whose number links to the
/// section's address), its paragraphs and its subsections.
#[function_component]
pub fn SectionView(props: &SectionViewProps) -> Html {
    let context = use_context::<ReaderContext>().expect("ReaderContext");
    let section = props.section.0;
    let highlights = &props.highlights;
    let current_figure = highlights.current_figure.clone();
    let paragraph = |p: &'static crate::report::Paragraph| {
        html! {
            <TextBlock text={ AttrValue::Static(p.text.as_str()) } marks={ context.marks(highlights, &p.id) }
                current_figure={ current_figure.clone() } current_hit={ highlights.current_hit_in(&p.id) } />
        }
    };
    // The heading's text is its number and title; they are drawn apart, the number a link.
    let heading = section.id.heading();
    let (number_marks, title_marks) =
        split_marks(&context.marks(highlights, &heading), section.number_chars());
    let current_hit = highlights.current_hit_in(&heading);
    let number = html! {
        <a class="gk-number" href={ Route::Section(section.id.clone()).href() }>
            <TextBlock text={ AttrValue::Static(section.number.as_str()) }
                marks={ number_marks } current_hit={ current_hit } />
        </a>
    };
    // A top-level section of a long text may be skipped while away from the screen; its
    // estimated height holds its place until it is first drawn.
    let estimate = (context.long_text && section.id.depth() == 0)
        .then(|| format!("gk-est-{}", size_estimate(section_bytes(section))));
    let anchor_id = format!("gk-s-{}", section.id);
    // Depth in the outline, not the form's level, picks the tag: headings never skip a rank
    // even when a report goes from 一、 straight to 1.
    let heading_tag = format!("h{}", (section.id.depth() + 2).min(6));
    let mut paragraphs = section.paragraphs.iter().peekable();
    let block = |p: &'static crate::report::Paragraph| match p.table {
        Some(_) => html! {
            <TableView block={ Shared(p) } marks={ context.marks(highlights, &p.id) }
                current_figure={ current_figure.clone() } current_hit={ highlights.current_hit_in(&p.id) }
                name={ AttrValue::Static(section.title.as_str()) } />
        },
        None => html! { <p id={ format!("gk-p-{}", p.id) }>{ paragraph(p) }</p> },
    };
    let head = if section.title.is_empty() {
        // A numbered paragraph: the number opens its text, with no heading of its own.
        let first = paragraphs.next_if(|p| p.table.is_none());
        html! {
            <p id={ anchor_id.clone() } class="gk-numbered" data-section={ section.id.to_string() } tabindex="-1">
                { number }
                { for first.map(|p| html! {
                    <span id={ format!("gk-p-{}", p.id) }>{ paragraph(p) }</span>
                }) }
            </p>
        }
    } else {
        html! {
            <@{heading_tag} id={ anchor_id.clone() } class="gk-heading"
                data-section={ section.id.to_string() } tabindex="-1">
                { number }
                <TextBlock text={ AttrValue::Static(section.title.as_str()) } marks={ title_marks }
                    current_figure={ current_figure.clone() } current_hit={ current_hit } />
            </@>
        }
    };
    html! {
        // `id="/s/<id>"`: without the app, the address `#/s/<id>` still lands here.
        <section id={ format!("/s/{}", section.id) }
            class={ classes!("gk-section", format!("gk-level-{}", section.level), estimate) }
            aria-labelledby={ anchor_id }>
            { head }
            { for paragraphs.map(block) }
            { for section.children.iter().map(|child| html! {
                <SectionView key={ child.id.to_string() } section={ Shared(child) }
                    highlights={ highlights.section(&child.id) } />
            }) }
        </section>
    }
}
