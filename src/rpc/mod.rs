//! Signed-ready serialization (SPEC §4).
#[allow(unused_imports)]
use crate::prelude::*;

pub mod digest;
pub mod encode;
pub mod sort;
pub mod v1;
pub mod v3;
