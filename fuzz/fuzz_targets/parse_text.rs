#![no_main]
//! Fuzz target `parse_text`: the rules of `gongkai_core::invariants::fuzz_parse_text`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(broken) = gongkai_core::invariants::fuzz_parse_text(data) {
        panic!("{broken}");
    }
});
