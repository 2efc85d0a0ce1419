//! Cities `regl init --city` knows: their time zone, a location id and the short code used
//! in escalation tags («эскалация-НСК»), and the near miss to offer for a city or time zone
//! regl does not know. The table itself is generated (`city_table.rs`); Russia has had no
//! daylight saving since 2014, so a zone is one offset all year.

pub use super::city_table::CITIES;

/// A known city.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct City {
    /// The GeoNames id of the record the row was made from (tests/cities.rs checks by it).
    pub geonameid: u32,
    pub ru: &'static str,
    pub en: &'static str,
    pub id: &'static str,
    pub timezone: &'static str,
    /// Short code for tags, in Russian and in English.
    pub tag_ru: &'static str,
    pub tag_en: &'static str,
}

pub(super) const fn c(
    geonameid: u32,
    ru: &'static str,
    en: &'static str,
    id: &'static str,
    timezone: &'static str,
    tag_ru: &'static str,
    tag_en: &'static str,
) -> City {
    City {
        geonameid,
        ru,
        en,
        id,
        timezone,
        tag_ru,
        tag_en,
    }
}

fn fold(s: &str) -> String {
    s.trim()
        .to_lowercase()
        .replace('ё', "е")
        .replace(['-', ' '], "")
}

/// Finds a city by its Russian or English name, ignoring case, `ё`/`е`, spaces and dashes.
pub fn lookup(name: &str) -> Option<&'static City> {
    let key = fold(name);
    CITIES
        .iter()
        .find(|c| fold(c.ru) == key || fold(c.en) == key || c.id == key)
}

/// The known city whose name is one or two letters away from `name` («Екатеренбург»), in the
/// language it was typed in.
pub fn near_miss(name: &str) -> Option<&'static str> {
    let key = fold(name);
    let cyrillic = key.chars().any(|c| ('а'..='я').contains(&c));
    CITIES
        .iter()
        .map(|c| if cyrillic { c.ru } else { c.en })
        .map(|n| (strsim::damerau_levenshtein(&key, &fold(n)), n))
        .filter(|&(d, n)| d > 0 && d <= 2.min(n.chars().count() / 4))
        .min_by_key(|&(d, _)| d)
        .map(|(_, n)| n)
}

/// The IANA zone nearest a mistyped one (`Europe/Moskow` → `Europe/Moscow`), case aside.
pub fn timezone_near_miss(name: &str) -> Option<&'static str> {
    let key = name.trim().to_lowercase();
    chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .map(|n| (strsim::damerau_levenshtein(&key, &n.to_lowercase()), n))
        .filter(|&(d, n)| d <= 2.max(n.len() / 6))
        .min_by_key(|&(d, _)| d)
        .map(|(_, n)| n)
}

/// A key from a label (a CRM list item's key): Cyrillic transliterated, everything else
/// dropped. Keys already live on owners' portals, so this spelling (`й` → `i`) stays.
pub fn slug(name: &str) -> String {
    transliterate(name, "i")
}

/// A location id from a city name: `Йошкар-Ола` → `yoshkar-ola`, `Нижний` → `nizhniy`, as
/// the ids in the city table are made (tools/cities.py).
pub fn location_id(name: &str) -> String {
    transliterate(name, "y")
}

fn transliterate(name: &str, short_i: &str) -> String {
    let mut out = String::new();
    for ch in name.trim().to_lowercase().chars() {
        let t = match ch {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'е' | 'ё' | 'э' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' => "i",
            'й' => short_i,
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ы' => "y",
            'ю' => "yu",
            'я' => "ya",
            'ъ' | 'ь' => "",
            c if c.is_ascii_lowercase() || c.is_ascii_digit() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        out.push_str(t);
    }
    let mut collapsed = String::new();
    for part in out.split('-').filter(|p| !p.is_empty()) {
        if !collapsed.is_empty() {
            collapsed.push('-');
        }
        collapsed.push_str(part);
    }
    collapsed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cities_in_either_language() {
        assert_eq!(lookup("Омск").unwrap().timezone, "Asia/Omsk");
        assert_eq!(lookup("новосибирск").unwrap().tag_ru, "НСК");
        assert_eq!(lookup("Ufa").unwrap().timezone, "Asia/Yekaterinburg");
        assert_eq!(lookup("Санкт Петербург").unwrap().id, "spb");
        assert_eq!(lookup("Сочи").unwrap().timezone, "Europe/Moscow");
        assert_eq!(lookup("Королев").unwrap().ru, "Королёв");
        assert!(lookup("Урюпинск").is_none());
    }

    #[test]
    fn table_ids_and_names_are_unique() {
        for (i, a) in CITIES.iter().enumerate() {
            for b in &CITIES[i + 1..] {
                assert_ne!(a.id, b.id);
                assert_ne!(fold(a.ru), fold(b.ru), "{} twice", a.ru);
                assert_ne!(fold(a.en), fold(b.en), "{} twice", a.en);
            }
            assert!(
                a.timezone.parse::<chrono_tz::Tz>().is_ok(),
                "{}",
                a.timezone
            );
        }
    }

    #[test]
    fn offers_near_misses() {
        assert_eq!(near_miss("Екатеренбург"), Some("Екатеринбург"));
        assert_eq!(near_miss("Novosibrsk"), Some("Novosibirsk"));
        assert_eq!(near_miss("Урюпинск"), None);
        assert_eq!(near_miss("Уфа"), None);
        assert_eq!(timezone_near_miss("Europe/Moskow"), Some("Europe/Moscow"));
        assert_eq!(timezone_near_miss("asia/omsk"), Some("Asia/Omsk"));
        assert_eq!(timezone_near_miss("Moscow time"), None);
    }

    #[test]
    fn transliterates() {
        assert_eq!(slug("Омск"), "omsk");
        assert_eq!(slug("Урюпинск"), "uryupinsk");
        assert_eq!(slug("Нижний Новгород"), "nizhnii-novgorod");
        assert_eq!(slug("Ростов-на-Дону"), "rostov-na-donu");
        assert_eq!(location_id("Йошкар-Ола"), "yoshkar-ola");
        assert_eq!(location_id("Нижний Новгород"), "nizhniy-novgorod");
    }

    #[test]
    fn table_ids_are_the_transliteration_of_their_names() {
        // Only the cities regl knew before the table keep ids of their own («spb», «ekb»).
        let own = ["moscow", "spb", "ekb", "nnovgorod", "rostov"];
        for c in CITIES.iter().filter(|c| !own.contains(&c.id)) {
            assert_eq!(location_id(c.ru), c.id, "{}", c.ru);
        }
    }
}
