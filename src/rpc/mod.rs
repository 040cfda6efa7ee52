//! Signed-ready serialization (SPEC §4).

pub mod encode;
pub mod v1;
