#![no_main]
//! Fuzz target `html`: the rules of `gongkai_core::invariants::fuzz_html`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(broken) = gongkai_core::invariants::fuzz_html(data) {
        panic!("{broken}");
    }
});
