//! Signed-ready serialization (SPEC §4).
pub mod digest;
pub mod encode;
pub mod v1;
pub mod v3;
