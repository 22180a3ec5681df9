#![no_main]
//! Fuzz target `site`: a report published as `gongkai site` publishes it, re-read with a real
//! HTML parser (`gongkai::page_check::fuzz_site`).

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(broken) = gongkai::page_check::fuzz_site(data) {
        panic!("{broken}");
    }
});
