//! How large a report Gongkai reads: the command line and the preview page refuse anything
//! larger with a message naming the limit, so no page is ever asked to hold more than a
//! phone can.

use crate::report::Report;

/// Largest report file read, in bytes: a long report is a few hundred kilobytes.
pub const MAX_REPORT_BYTES: u64 = 20 * 1024 * 1024;
/// Most paragraphs and headings in a report: a long one has a few thousand; far more would
/// make a page no reader's phone can hold.
pub const MAX_REPORT_BLOCKS: usize = 100_000;
/// Most figures in a report: a long one states a few hundred, and a hundred reports gathered
/// in one page (a 1 MB compilation, the search benchmark's corpus) about 18,000.
pub const MAX_REPORT_FIGURES: usize = 50_000;

/// The message for a file of `size` bytes over [`MAX_REPORT_BYTES`], if it is.
pub fn check_size(size: u64) -> Result<(), String> {
    if size > MAX_REPORT_BYTES {
        return Err(format!(
            "文件有 {size} 字节，超过上限 {MAX_REPORT_BYTES} 字节（20 MB），未读取"
        ));
    }
    Ok(())
}

/// The message for a report over [`MAX_REPORT_BLOCKS`] or [`MAX_REPORT_FIGURES`], if it is.
pub fn check_report(report: &Report) -> Result<(), String> {
    // The title is a block but not a paragraph.
    let blocks = report.blocks().count() - 1;
    if blocks > MAX_REPORT_BLOCKS {
        return Err(format!(
            "报告有 {blocks} 个段落和标题，超过上限 {MAX_REPORT_BLOCKS} 个"
        ));
    }
    let figures = report.metrics.len();
    if figures > MAX_REPORT_FIGURES {
        return Err(format!(
            "报告有 {figures} 个数据，超过上限 {MAX_REPORT_FIGURES} 个"
        ));
    }
    Ok(())
}
