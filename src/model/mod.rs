//! The model of `business.toml`: domain types that parse on construction, the collecting
//! reader, and the validated [`Business`].

pub mod audience;
pub mod backup;
pub mod bitrix24;
pub mod bot;
pub mod bot_v2;
pub mod business;
mod channel_name;
pub mod city;
mod city_table;
pub mod duration;
pub mod duty;
pub mod enums;
pub mod health;
pub mod hours;
pub mod id;
pub mod load;
pub mod phone;
pub mod pilot;
pub mod presets;
pub mod purposes;
pub mod read;
pub mod registry_ids;
pub mod send_window;
mod spoken_duration;
pub mod toml_syntax;
pub mod training;
pub mod values;

pub use business::Business;
pub use duration::Duration;
pub use load::{Loaded, load};
