//! Health data in a business's own words: the stems of symptoms and conditions that make an
//! escalation keyword — and so the client message it matched — health data (152-FZ art. 10),
//! whatever the segment. A salon's «аллергия» and a fitness club's «травма» are as much
//! health data as a clinic's «кровотечение»; the bot's notifications must not carry them.

use super::business::Business;

/// Stems, lower case with «е» for «ё», that mark a word or phrase as being about health.
const STEMS: &[&str] = &[
    // Russian: symptoms, conditions, medical words.
    "бол",
    "кров",
    "отек",
    "опух",
    "флюс",
    "температур",
    "дыш",
    "сознани",
    "обморок",
    "травм",
    "аллерг",
    "самочувств",
    "плохо себя",
    "тошн",
    "головокруж",
    "давлени",
    "ожог",
    "сыпь",
    "зуд",
    "воспал",
    "гной",
    "перелом",
    "растяжен",
    "пломб",
    "зуб",
    "десн",
    "диагноз",
    "симптом",
    "здоров",
    "медицин",
    "беремен",
    "противопоказ",
    "лекарств",
    "анамнез",
    "заболеван",
    // English.
    "pain",
    "bleed",
    "blood",
    "swell",
    "fever",
    "breath",
    "faint",
    "injur",
    "allerg",
    "unwell",
    "sick",
    "nause",
    "dizz",
    "burn",
    "rash",
    "itch",
    "inflam",
    "fractur",
    "sprain",
    "tooth",
    "filling",
    "diagnos",
    "symptom",
    "health",
    "medical",
    "pregnan",
    "medicat",
];

/// Words that begin like a health stem but are not about health.
const NOT_HEALTH: &[&str] = &["больш", "болтат", "кровл", "кроват", "зубчат"];

/// Whether `text` names a symptom, a condition or another health matter.
pub fn is_health_text(text: &str) -> bool {
    let lower = crate::words::lowercase(text).replace('ё', "е");
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| {
            // The cheap test first: few stems share a word's first bytes.
            STEMS.iter().any(|s| w.starts_with(s) && !s.contains(' '))
                && !NOT_HEALTH.iter().any(|n| w.starts_with(n))
        })
        || STEMS.iter().any(|s| s.contains(' ') && lower.contains(s))
}

impl Business {
    /// Whether the business processes special categories of personal data (health data):
    /// then every artefact keeps them out of chats, notifications and reminders.
    pub fn special_regime(&self) -> bool {
        !self.pd.special_categories().is_empty()
    }

    /// Whether a client's message that hands the dialogue over may itself be health data:
    /// the business processes special categories, or one of its escalation keywords names
    /// a symptom. Then no notification quotes what the client wrote.
    pub fn keywords_may_carry_health(&self) -> bool {
        self.special_regime() || self.escalation.keywords.iter().any(|k| is_health_text(k))
    }
}

#[cfg(test)]
mod tests {
    use super::is_health_text;

    #[test]
    fn symptoms_are_health_and_look_alikes_are_not() {
        for w in [
            "боль",
            "болит зуб",
            "кровотечение",
            "отёк",
            "травма",
            "аллергия",
            "плохо себя чувствую",
            "high fever",
            "injury",
        ] {
            assert!(is_health_text(w), "{w}");
        }
        for w in [
            "жалоба",
            "больше",
            "возврат",
            "срочно",
            "complaint",
            "refund",
            "заморозка",
        ] {
            assert!(!is_health_text(w), "{w}");
        }
    }
}
