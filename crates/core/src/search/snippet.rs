//! A hit in its context, for the list of results.

/// The text around a hit: `before` + `hit` + `after` is a piece of the block's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    pub before: String,
    pub hit: String,
    pub after: String,
    /// Text was left out before `before` (show an ellipsis).
    pub clipped_start: bool,
    /// Text was left out after `after`.
    pub clipped_end: bool,
}

/// The hit `range` (`[start, end)` in characters) of `text` with up to `context_chars`
/// characters on each side. Offsets past the end are clamped and a reversed range is empty,
/// so any input is safe.
pub fn snippet(text: &str, range: [usize; 2], context_chars: usize) -> Snippet {
    // Byte offset of every character boundary, the end included.
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(at, _)| at)
        .chain(std::iter::once(text.len()))
        .collect();
    let chars = bounds.len() - 1;
    let start = range[0].min(chars);
    let end = range[1].clamp(start, chars);
    let from = start.saturating_sub(context_chars);
    let to = end.saturating_add(context_chars).min(chars);
    Snippet {
        before: text[bounds[from]..bounds[start]].to_string(),
        hit: text[bounds[start]..bounds[end]].to_string(),
        after: text[bounds[end]..bounds[to]].to_string(),
        clipped_start: from > 0,
        clipped_end: to < chars,
    }
}
