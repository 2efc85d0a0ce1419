//! Citations of law, written as each language cites it: «ст. 32 Закона „О защите прав
//! потребителей“» in Russian, “`ZoZPP` art. 32” in English.
//!
//! An article is `Art { act, article, part }`; messages put it into a sentence with [`t!`]
//! (it is a [`Text`] like any other argument), so one citation reads correctly in both.
//!
//! [`t!`]: crate::t

use super::Text;

/// A law the rules cite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    /// Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных».
    PersonalData,
    /// Закон РФ от 07.02.1992 № 2300-1 «О защите прав потребителей».
    ConsumerRights,
    /// Гражданский кодекс Российской Федерации.
    CivilCode,
}

/// One article (and optionally its part) of an act.
pub fn art(act: Act, article: &str) -> Text {
    // «Закона „О защите прав потребителей“»: the genitive of the act after «ст.».
    let (en, ru) = match act {
        Act::PersonalData => (
            format!("152-FZ art. {article}"),
            format!("ст. {article} 152‑ФЗ"),
        ),
        Act::ConsumerRights => (
            format!("ZoZPP art. {article}"),
            format!("ст. {article} Закона „О защите прав потребителей“"),
        ),
        Act::CivilCode => (
            format!("Civil Code art. {article}"),
            format!("ст. {article} ГК РФ"),
        ),
    };
    Text::new(en, ru)
}

/// A part of an article: «ч. 3 ст. 6 152‑ФЗ», "152-FZ art. 6 p. 3".
pub fn part(act: Act, article: &str, part: &str) -> Text {
    let whole = art(act, article);
    Text::new(
        format!("{} p. {part}", whole.en()),
        format!("ч. {part} {}", whole.ru()),
    )
}

/// The act as a whole: «152‑ФЗ», "152-FZ".
pub fn act(act: Act) -> Text {
    match act {
        Act::PersonalData => Text::new("152-FZ", "152‑ФЗ"),
        Act::ConsumerRights => Text::new(
            "the Consumer Rights Protection Law (ZoZPP)",
            "Закон „О защите прав потребителей“",
        ),
        Act::CivilCode => Text::new("the Civil Code", "ГК РФ"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cites_the_russian_way_in_russian() {
        assert_eq!(
            art(Act::ConsumerRights, "32").ru(),
            "ст. 32 Закона „О защите прав потребителей“"
        );
        assert_eq!(part(Act::PersonalData, "6", "3").ru(), "ч. 3 ст. 6 152‑ФЗ");
        assert_eq!(part(Act::PersonalData, "6", "3").en(), "152-FZ art. 6 p. 3");
    }
}
