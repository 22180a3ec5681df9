#![no_main]
//! Fuzz target `search`: the rules of `gongkai_core::invariants::fuzz_search`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(broken) = gongkai_core::invariants::fuzz_search(data) {
        panic!("{broken}");
    }
});
