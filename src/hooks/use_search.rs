use std::rc::Rc;

use yew::prelude::*;

use super::AddressHandle;
use crate::{
    report::Report,
    route::{Address, Route},
    search::{HitPlace, SearchIndex, SearchResults, TableText},
    shared::Shared,
};

/// The search as the page shows it: the query (kept in the address), its results, the hit
/// being visited, and what the search box and the results list call.
#[derive(Clone, PartialEq)]
pub struct SearchState {
    pub query: AttrValue,
    /// Whether the address is a search (the results list is shown, even for an empty query).
    pub searching: bool,
    pub results: Rc<SearchResults>,
    /// The hit being visited, counted over all hits in document order.
    pub current: Option<usize>,
    /// The same hit as a place in its block, for the text's marks.
    pub current_place: Option<HitPlace>,
    pub on_query: Callback<String>,
    /// Next (`false`) or previous (`true`) hit.
    pub on_step: Callback<bool>,
    /// Go to the n-th hit.
    pub on_choose: Callback<usize>,
    pub on_close: Callback<()>,
}

/// The route a query typed into the search box leads to.
pub fn route_for_query(query: String) -> Route {
    if query.trim().is_empty() {
        Route::Start
    } else {
        Route::Search(query)
    }
}

/// Search over `report`: the index is built once (from the tables the page brought, or cut
/// natively); results follow the query in the address; the visited hit resets with the query.
#[hook]
pub fn use_search(
    report: Shared<Report>,
    tables: Option<Shared<TableText>>,
    address: AddressHandle,
) -> SearchState {
    let index = use_memo((), move |_| match tables {
        Some(tables) => SearchIndex::with_tables(&report, &tables),
        None => default_index(&report),
    });
    let (query, searching) = match &address.get().route {
        Route::Search(query) => (AttrValue::from(query.clone()), true),
        _ => (AttrValue::default(), false),
    };
    let results = use_memo(query.clone(), |query| index.search(query));
    let current = use_state_eq(|| None::<usize>);
    {
        // A new query starts from no hit, or from the first hit of the block the address
        // names (`at=`, as the shelf's results link).
        let current = current.clone();
        let results = results.clone();
        let at = address.get().at.clone();
        use_effect_with((query.clone(), at), move |(_, at)| {
            current.set(at.as_ref().and_then(|block| {
                results.position(&HitPlace {
                    block: block.clone(),
                    index: 0,
                })
            }))
        });
    }
    // Brought into view once the render that marks it current has happened.
    let current_place = current.and_then(|n| results.place(n));
    use_effect_with(current_place.clone(), |place| {
        if let Some(place) = place {
            crate::scroll::reveal_hit(place);
        }
    });

    let on_query = {
        let address = address.clone();
        Callback::from(move |query: String| {
            // The first keystroke makes a history entry; refining the query replaces it.
            let replace = matches!(address.get().route, Route::Search(_));
            let embed = address.get().embed;
            address.go_typed(
                Address {
                    route: route_for_query(query),
                    embed,
                    at: None,
                },
                replace,
            );
        })
    };
    let on_close = {
        let address = address.clone();
        Callback::from(move |()| {
            let embed = address.get().embed;
            address.go(
                Address {
                    route: Route::Start,
                    embed,
                    at: None,
                },
                true,
            );
        })
    };
    let on_choose = {
        let current = current.clone();
        Callback::from(move |n: usize| current.set(Some(n)))
    };
    let on_step = {
        let current = current.clone();
        let results = results.clone();
        Callback::from(move |back: bool| {
            if let Some(next) = results.step(*current, back) {
                current.set(Some(next));
            }
        })
    };
    SearchState {
        query,
        searching,
        results,
        current: *current,
        current_place,
        on_query,
        on_step,
        on_choose,
        on_close,
    }
}

/// An index without tables from the page: natively cut for the report, in the browser plain
/// (literal matches still work; pinyin and Traditional need the page's tables).
#[cfg(not(target_arch = "wasm32"))]
fn default_index(report: &Report) -> SearchIndex {
    SearchIndex::new(report)
}

#[cfg(target_arch = "wasm32")]
fn default_index(report: &Report) -> SearchIndex {
    SearchIndex::with_tables(report, &TableText::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_query_leads_back_to_the_start() {
        assert_eq!(route_for_query("  ".into()), Route::Start);
        assert_eq!(route_for_query(String::new()), Route::Start);
        assert_eq!(route_for_query("罚款".into()), Route::Search("罚款".into()));
    }
}
