//! regl: regulations as code for small service businesses.

pub mod render;
