//! `regl export --dataset`: example dialogues for tuning a provider's language model, made
//! from the scenarios `regl test` generates and the bot's own replies to them (never from
//! clients' chats), in the format each provider documents.
//!
//! One master list of exchanges ([`exchange`]) per location, and one writer per provider
//! generated from it, as the training procedure keeps one internal master and derives each
//! provider's file: the three files hold the same dialogues and the same system prompt.

pub mod exchange;
pub mod gigachat;
pub mod limits;
pub mod openai;
pub mod provider;
pub mod yandexgpt;

use std::path::PathBuf;

pub use exchange::{Exchange, Message, Role};
pub use provider::Provider;

use crate::model::business::{Business, Location};

/// `<loc>/dataset-<provider>-<loc>.jsonl` (GigaChat's `.json`).
pub fn path(provider: Provider, loc: &Location) -> PathBuf {
    let id = loc.id.as_str();
    PathBuf::from(id).join(format!(
        "dataset-{}-{id}.{}",
        provider.name(),
        provider.extension()
    ))
}

/// One location's dataset for `provider`: the file's bytes and how many examples it holds.
pub fn build(b: &Business, loc: &Location, provider: Provider) -> (Vec<u8>, usize) {
    let prompt = crate::bottext::system_prompt(b);
    let exchanges = exchange::of_location(b, loc);
    let bytes = match provider {
        Provider::YandexGpt => yandexgpt::write(&prompt, &exchanges),
        Provider::GigaChat => gigachat::write(&prompt, &exchanges),
        Provider::OpenAi => openai::write(&prompt, &exchanges),
    };
    (bytes, exchanges.len())
}
