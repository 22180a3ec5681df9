#![no_main]
//! Fuzz target `decode`: the rules of `gongkai_core::invariants::fuzz_decode`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(broken) = gongkai_core::invariants::fuzz_decode(data) {
        panic!("{broken}");
    }
});
