#![no_main]
//! Fuzz target `unpack`: the rules of `gongkai_core::invariants::fuzz_unpack`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(broken) = gongkai_core::invariants::fuzz_unpack(data) {
        panic!("{broken}");
    }
});
