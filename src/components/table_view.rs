use yew::prelude::*;

use super::TextBlock;
use crate::shared::Shared;
use crate::{id::MetricId, report::Paragraph, runs::Mark, table::CellPlace};

#[derive(Properties, PartialEq)]
pub struct TableViewProps {
    /// The table's block (its text is the table's text, which marks count in).
    pub block: Shared<Paragraph>,
    /// Figures and search hits of the block, in the block's text.
    #[prop_or_default]
    pub marks: Vec<Mark>,
    #[prop_or_default]
    pub current_figure: Option<MetricId>,
    #[prop_or_default]
    pub current_hit: Option<usize>,
    /// What names the table when it has no caption (the section's title).
    #[prop_or_default]
    pub name: AttrValue,
}

/// A table of the report as a real `<table>`: its caption, header cells as `<th scope>`, spans
/// kept, each cell's figures and search hits marked as in text. It scrolls in its own box
/// (named for screen readers, reachable by keyboard) so a phone scrolls the table, not the page.
#[function_component]
pub fn TableView(props: &TableViewProps) -> Html {
    let block = props.block.0;
    let Some(table) = block.table.as_ref() else {
        return Html::default();
    };
    let name = table
        .caption
        .clone()
        .map(AttrValue::from)
        .unwrap_or_else(|| props.name.clone());
    let places = table.places();
    let mut place = places.iter();
    html! {
        <div class="gk-table-wrap" id={ format!("gk-p-{}", block.id) } role="region"
            aria-label={ name } tabindex="0">
            <table class="gk-table">
                { for table.caption.as_ref().map(|c| html! { <caption>{ c }</caption> }) }
                <tbody>
                    { for table.rows.iter().map(|row| {
                        let header_row = row.iter().all(|c| c.header);
                        html! {
                            <tr>
                                { for row.iter().map(|cell| {
                                    let at = place.next().copied();
                                    cell_html(cell, at, header_row, props)
                                }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

fn cell_html(
    cell: &crate::table::Cell,
    place: Option<CellPlace>,
    header_row: bool,
    props: &TableViewProps,
) -> Html {
    let marks = place
        .map(|p| cell_marks(&props.marks, p))
        .unwrap_or_default();
    // A hit is numbered within the block; it is current in the cell that holds it.
    let current_hit = props.current_hit.filter(|n| {
        marks
            .iter()
            .any(|m| m.kind == crate::runs::MarkKind::Hit(*n))
    });
    let text = html! {
        <TextBlock text={ AttrValue::from(cell.text.clone()) } marks={ marks }
            current_figure={ props.current_figure.clone() } current_hit={ current_hit } />
    };
    let span = |n: u32| (n > 1).then(|| AttrValue::from(n.to_string()));
    if cell.header {
        let scope = if header_row { "col" } else { "row" };
        html! {
            <th scope={ scope } rowspan={ span(cell.rowspan) } colspan={ span(cell.colspan) }>{ text }</th>
        }
    } else {
        html! {
            <td rowspan={ span(cell.rowspan) } colspan={ span(cell.colspan) }>{ text }</td>
        }
    }
}

/// The marks of a block that fall in one cell, moved to the cell's own characters.
pub fn cell_marks(marks: &[Mark], place: CellPlace) -> Vec<Mark> {
    marks
        .iter()
        .filter(|m| m.start < place.end && m.end > place.start)
        .map(|m| Mark {
            start: m.start.max(place.start) - place.start,
            end: m.end.min(place.end) - place.start,
            kind: m.kind.clone(),
        })
        .collect()
}
