//! Bitrix24 as regl wants a portal to be, and the portal as it is: the desired state,
//! computed from `business.toml` alone, below `export` (which writes it as
//! `bitrix24-mapping.json`); and the REST [`client`] that reads and changes a portal, below
//! the `push` verb that compares the two.

pub mod client;
pub mod desired;

pub use desired::Desired;
