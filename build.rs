//! Links `regl` at a fixed address on Linux. A position-independent executable has its
//! 63,000 pointers in constant data (vtables, panic locations, string tables) relocated by
//! the loader at every start, which copies each of their pages: 1 ms of a 3-location
//! `regl lint` (550 page faults of 970). Linked fixed, those pages are read from the file as
//! they are; the libraries, the stack and the heap stay randomised. See README, "Speed".

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
