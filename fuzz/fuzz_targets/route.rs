#![no_main]
//! Fuzz target `route`: the rules of `gongkai_core::invariants::fuzz_route`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(broken) = gongkai_core::invariants::fuzz_route(data) {
        panic!("{broken}");
    }
});
