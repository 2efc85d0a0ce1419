//! Bitrix24 as regl wants a portal to be, and the portal as it is: the desired state,
//! computed from `business.toml` alone, below `export` (which writes it as
//! `bitrix24-mapping.json`); the REST [`client`] that reads and changes a portal; and the
//! [`plan`] and [`apply`] of the `push` verb that compares the two and closes the gap; and the [`pilot`]'s records, prepared and removed.

pub mod apply;
pub mod client;
pub mod desired;
pub mod enforcement;
pub mod line_texts;
pub mod openlines;
pub mod pilot;
pub mod plan;
pub mod scope;

pub use desired::Desired;
