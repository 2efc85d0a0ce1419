//! The segment presets `regl init` starts a business from, compiled in, and how to tell
//! their sample requisites from a business's own: a published document must not name the
//! sample company, whose identifiers pass every checksum.

use super::business::Business;
use super::enums::{Lang, Segment};

/// The preset `business.toml` of a segment in a language.
pub fn preset(segment: Segment, lang: Lang) -> &'static str {
    match (segment, lang) {
        (Segment::Salon, Lang::Ru) => include_str!("../../presets/salon.ru.toml"),
        (Segment::Salon, Lang::En) => include_str!("../../presets/salon.en.toml"),
        (Segment::Clinic, Lang::Ru) => include_str!("../../presets/clinic.ru.toml"),
        (Segment::Clinic, Lang::En) => include_str!("../../presets/clinic.en.toml"),
        (Segment::Fitness, Lang::Ru) => include_str!("../../presets/fitness.ru.toml"),
        (Segment::Fitness, Lang::En) => include_str!("../../presets/fitness.en.toml"),
        (Segment::Education, Lang::Ru) => include_str!("../../presets/education.ru.toml"),
        (Segment::Education, Lang::En) => include_str!("../../presets/education.en.toml"),
        (Segment::Other, Lang::Ru) => include_str!("../../presets/other.ru.toml"),
        (Segment::Other, Lang::En) => include_str!("../../presets/other.en.toml"),
    }
}

/// The words `init` writes where an address must be given: «укажите адрес».
pub const ADDRESS_MARKER_RU: &str = "укажите адрес";
pub const ADDRESS_MARKER_EN: &str = "give the address";

/// A quoted value of `key` in a preset's text: `inn = "0274961581"` → `0274961581`.
fn value_of<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    let prefix = format!("{key} = \"");
    let line = text.lines().find(|l| l.trim_start().starts_with(&prefix))?;
    line.split('"').nth(1)
}

/// What of the business is still a preset's sample: the INN, the OGRN, or an address
/// `init` left for the owner to give. Each as (key, value).
pub fn sample_requisites(b: &Business) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let info = &b.business;
    let presets: Vec<&str> = Segment::ALL
        .iter()
        .flat_map(|s| Lang::ALL.iter().map(move |l| preset(*s, *l)))
        .collect();
    let is_sample = |key: &str, v: &str| presets.iter().any(|p| value_of(p, key) == Some(v));
    if is_sample("inn", &info.inn.0) {
        out.push(("inn", info.inn.0.clone()));
    }
    if is_sample("ogrn", &info.ogrn.0) {
        out.push(("ogrn", info.ogrn.0.clone()));
    }
    let marked = |a: &str| a.contains(ADDRESS_MARKER_RU) || a.contains(ADDRESS_MARKER_EN);
    if marked(&info.legal_address) || is_sample("legal_address", &info.legal_address) {
        out.push(("legal_address", info.legal_address.value.clone()));
    }
    for loc in &b.locations {
        if marked(&loc.address) {
            out.push(("address", loc.address.value.clone()));
        }
    }
    out
}
