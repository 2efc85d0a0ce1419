//! The templates' typograph and word filters, from [`crate::typograph`].

pub use crate::typograph::*;
