//! Helpers shared by the in-browser test suites (each uses some of them).
#![allow(dead_code)]

use repertoire::domain::Id;

/// A database name no other test uses, so suites never see each other's data.
pub fn unique_name(label: &str) -> String {
    format!("{label}-{}", js_sys::Math::random())
}

pub fn random_id() -> Id {
    let mut bytes = [0u8; 16];
    for byte in bytes.iter_mut() {
        *byte = (js_sys::Math::random() * 256.0) as u8;
    }
    Id::from_random_bytes(bytes)
}
