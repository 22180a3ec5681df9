#![no_main]
//! Fuzz target `compare`: the rules of `gongkai_core::invariants::fuzz_compare`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(broken) = gongkai_core::invariants::fuzz_compare(data) {
        panic!("{broken}");
    }
});
