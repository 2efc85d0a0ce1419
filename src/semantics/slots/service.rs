//! The `service` slot: a list option picked by its id, title or number, a service id typed
//! as it is, or a phrase matching a service's name («хочу на женскую стрижку» for «Женская
//! стрижка»). Two services whose names match equally well are a question back, not a guess.

use crate::semantics::choice::{self, Choice};
use crate::semantics::message::Message;
use crate::semantics::normalize::normalize;
use crate::semantics::phrase::{Phrase, PhraseMatch};
use crate::semantics::stem::Stemmer;

/// A service the bot can book, with what the rules need of it.
#[derive(Debug, Clone)]
pub struct ServiceEntry {
    pub id: String,
    pub name: Phrase,
    /// Rubles; the order amount is the sum of these (docs/bot-runtime.md, "Order amount").
    pub price_from: u64,
    /// Seconds; the visit must end inside working hours.
    pub duration_s: u64,
}

/// Every service of the config, in its order.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    services: Vec<ServiceEntry>,
}

impl Catalogue {
    /// From `(id, name, price_from, duration_s)` as the config lists them.
    pub fn new<'a>(
        services: impl IntoIterator<Item = (&'a str, &'a str, u64, u64)>,
        stemmer: Stemmer,
    ) -> Self {
        Self {
            services: services
                .into_iter()
                .map(|(id, name, price_from, duration_s)| ServiceEntry {
                    id: id.to_owned(),
                    name: Phrase::new(name, stemmer),
                    price_from,
                    duration_s,
                })
                .collect(),
        }
    }

    pub fn get(&self, id: &str) -> Option<&ServiceEntry> {
        self.services.iter().find(|s| s.id == id)
    }

    pub fn services(&self) -> &[ServiceEntry] {
        &self.services
    }
}

/// A list row of the step: the id it puts into the slot and how it is matched.
#[derive(Debug, Clone)]
pub struct Offered {
    pub id: String,
    pub choice: Choice,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServiceError {
    /// Nothing in the message names a service.
    Unknown,
    /// These services' names match equally well.
    Ambiguous(Vec<String>),
}

/// The service id the message names.
pub fn read(
    message: &Message,
    offered: &[Offered],
    catalogue: &Catalogue,
) -> Result<String, ServiceError> {
    if let Some(i) = choice::pick_among(offered.iter().map(|o| &o.choice), message) {
        return Ok(offered[i].id.clone());
    }
    let typed = message.normalized();
    if let Some(s) = catalogue
        .services
        .iter()
        .find(|s| normalize(&s.id) == typed)
    {
        return Ok(s.id.clone());
    }
    let mut best: Option<PhraseMatch> = None;
    let mut tied: Vec<&str> = Vec::new();
    for s in &catalogue.services {
        let Some(m) = s.name.find_in(message) else {
            continue;
        };
        match best {
            Some(b) if b.beats(m) => {}
            Some(b) if !m.beats(b) => tied.push(&s.id),
            _ => {
                best = Some(m);
                tied = vec![&s.id];
            }
        }
    }
    match tied.as_slice() {
        [] => Err(ServiceError::Unknown),
        [one] => Ok((*one).to_owned()),
        many => Err(ServiceError::Ambiguous(
            many.iter().map(|s| (*s).to_owned()).collect(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::enums::Lang;

    fn salon(s: Stemmer) -> Catalogue {
        Catalogue::new(
            [
                ("haircut-women", "Женская стрижка", 1800, 3600),
                ("haircut-men", "Мужская стрижка", 1200, 2700),
                ("styling", "Укладка", 1200, 2400),
            ],
            s,
        )
    }

    fn offered(c: &Catalogue, s: Stemmer) -> Vec<Offered> {
        c.services()
            .iter()
            .map(|e| Offered {
                id: e.id.clone(),
                choice: Choice::option(&e.id, e.name.text(), s),
            })
            .collect()
    }

    #[test]
    fn by_option_id_title_or_number() {
        let s = Stemmer::new(Lang::Ru);
        let c = salon(s);
        let o = offered(&c, s);
        let read = |m: &str| read(&Message::new(m, s), &o, &c);
        assert_eq!(read("2").as_deref(), Ok("haircut-men"));
        assert_eq!(read("Укладка").as_deref(), Ok("styling"));
        assert_eq!(read("haircut-women").as_deref(), Ok("haircut-women"));
    }

    #[test]
    fn by_a_phrase_matching_the_name() {
        let s = Stemmer::new(Lang::Ru);
        let c = salon(s);
        let read = |m: &str| read(&Message::new(m, s), &[], &c);
        assert_eq!(
            read("хочу на женскую стрижку").as_deref(),
            Ok("haircut-women")
        );
        assert_eq!(read("укладку бы").as_deref(), Ok("styling"));
        assert_eq!(read("маникюр"), Err(ServiceError::Unknown));
    }

    #[test]
    fn two_names_matching_alike_are_asked_about() {
        let s = Stemmer::new(Lang::Ru);
        let c = salon(s);
        assert_eq!(
            read(&Message::new("женская и мужская стрижка", s), &[], &c),
            Err(ServiceError::Ambiguous(vec![
                "haircut-women".into(),
                "haircut-men".into()
            ]))
        );
    }
}
