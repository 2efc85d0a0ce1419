//! Bitrix24 as regl wants a portal to be: computed from `business.toml` alone, below
//! `export` (which writes it as `bitrix24-mapping.json`) and the portal client (which
//! compares it with what a portal has).

pub mod desired;

pub use desired::Desired;
