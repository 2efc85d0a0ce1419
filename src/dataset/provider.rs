//! The providers `--dataset` writes for, by the name the command line takes.

use crate::diag::did_you_mean;
use crate::i18n::{Text, t};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    /// Yandex AI Studio's tuning: JSON Lines of `request` and `response`.
    YandexGpt,
    /// Sber's GigaChat tuning: one JSON array of dialogues.
    GigaChat,
    /// OpenAI's chat fine-tuning: JSON Lines of `messages`.
    OpenAi,
}

impl Provider {
    pub const ALL: [Provider; 3] = [Provider::YandexGpt, Provider::GigaChat, Provider::OpenAi];

    /// The name `--dataset` takes and the file name carries.
    pub fn name(self) -> &'static str {
        match self {
            Provider::YandexGpt => "yandexgpt",
            Provider::GigaChat => "gigachat",
            Provider::OpenAi => "openai",
        }
    }

    /// GigaChat's format is one JSON array, not one example a line.
    pub fn extension(self) -> &'static str {
        match self {
            Provider::GigaChat => "json",
            Provider::YandexGpt | Provider::OpenAi => "jsonl",
        }
    }

    /// The provider named `s`, or a message naming the ones there are.
    pub fn parse(s: &str) -> Result<Provider, Text> {
        let wanted = s.trim().to_lowercase();
        if let Some(p) = Self::ALL.iter().find(|p| p.name() == wanted) {
            return Ok(*p);
        }
        let all = Self::ALL
            .iter()
            .map(|p| format!("`{}`", p.name()))
            .collect::<Vec<_>>()
            .join(", ");
        let near = did_you_mean(&wanted, Self::ALL.iter().map(|p| p.name()))
            .map_or_else(Text::default, |n| {
                t!(" (did you mean `{n}`?)", " (может быть, `{n}`?)")
            });
        Err(t!(
            "unknown dataset provider `{s}`{near}: `--dataset` takes {all}",
            "неизвестный поставщик датасета `{s}`{near}: `--dataset` принимает {all}",
            s = s,
            near = near,
            all = all,
        ))
    }
}
