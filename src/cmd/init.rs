//! `regl init`: a new business from a segment preset, or a new location in an existing one.
//!
//! Adding a location edits the owner's file, so it inserts the new `[[locations]]` entry as
//! text after the last one: every comment and every byte outside the new entry stays as the
//! owner wrote it.

use std::fmt::Write as _;
use std::path::Path;

use toml_edit::{DocumentMut, Item, Table};

use crate::cli::InitArgs;
use crate::diag::Sources;
use crate::i18n::localized::{Localized, TextContext};
use crate::i18n::{self, Text, phrases, t};
use crate::model::city;
use crate::model::enums::{Lang, Segment};
use crate::model::id::Id;
use crate::model::read::ParseStr;
use crate::model::{Loaded, load};
use crate::output::write_atomic;

use super::{Failure, Outcome};

pub use crate::model::presets::preset;

/// Where the new location is and what it is called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLocation {
    pub id: String,
    pub city: String,
    pub timezone: String,
    pub tag: String,
}

impl NewLocation {
    /// Works out id, time zone and escalation tag from the city and the flags.
    pub fn resolve(
        city_name: &str,
        id: Option<&str>,
        timezone: Option<&str>,
        lang: Lang,
    ) -> anyhow::Result<Self> {
        let given_id = id.is_some();
        let known = city::lookup(city_name);
        let timezone = match (timezone, known) {
            (Some(tz), _) => tz.trim().to_owned(),
            (None, Some(c)) => c.timezone.to_owned(),
            (None, None) => return Err(Localized::new(unknown_city(city_name)).into()),
        };
        if timezone.parse::<chrono_tz::Tz>().is_err() {
            let message = t!(
                "`{timezone}` is not an IANA time zone",
                "`{timezone}` — не часовой пояс IANA"
            );
            // `Asia/Ufa`: a city's name as a zone; the city's real zone is the answer.
            let city_zone = timezone
                .rsplit('/')
                .next()
                .and_then(city::lookup)
                .filter(|c| !c.timezone.eq_ignore_ascii_case(&timezone));
            let help = match (city_zone, city::timezone_near_miss(&timezone)) {
                (Some(c), _) => {
                    let (ru, en, tz) = (c.ru, c.en, c.timezone);
                    t!(
                        "{en} keeps the time of `{tz}`: pass `--timezone {tz}`",
                        "{ru} живёт по времени `{tz}`: укажите `--timezone {tz}`"
                    )
                }
                (None, Some(near)) => phrases::did_you_mean(&format!("`{near}`")),
                (None, None) => t!(
                    "write it as Area/City, e.g. Europe/Moscow",
                    "запишите его как Область/Город, например Europe/Moscow"
                ),
            };
            return Err(Localized::new(message.join("; ", &help)).into());
        }
        let id = match (id, known) {
            (Some(id), _) => id.to_owned(),
            (None, Some(c)) => c.id.to_owned(),
            (None, None) => city::location_id(city_name),
        };
        Id::parse_str(&id).map_err(|e| {
            // Only an id regl made up itself needs the way to choose another.
            Localized::new(if given_id {
                t!(
                    "location id (`--location`): {e}",
                    "идентификатор филиала (`--location`): {e}",
                    e = e
                )
            } else {
                t!(
                    "regl cannot make a location id from «{city_name}»: choose one with `--location`, e.g. --location main",
                    "regl не может составить идентификатор филиала из «{city_name}»: задайте его через `--location`, например --location main"
                )
            })
        })?;
        let city = match (known, lang) {
            (Some(c), Lang::Ru) => c.ru.to_owned(),
            (Some(c), Lang::En) => c.en.to_owned(),
            (None, _) => city_name.trim().to_owned(),
        };
        let code = match (known, lang) {
            (Some(c), Lang::Ru) => c.tag_ru.to_owned(),
            (Some(c), Lang::En) => c.tag_en.to_owned(),
            (None, _) => city.to_uppercase(),
        };
        let tag = match lang {
            Lang::Ru => format!("эскалация-{code}"),
            Lang::En => format!("escalation-{code}"),
        };
        Ok(Self {
            id,
            city,
            timezone,
            tag,
        })
    }

    fn bot_config(&self) -> String {
        format!("bot/{}.json", self.id)
    }

    /// Writes this location's fields into a `[[locations]]` table, keeping its decor.
    fn apply(&self, t: &mut Table) {
        set_str(t, "id", &self.id);
        set_str(t, "city", &self.city);
        set_str(t, "timezone", &self.timezone);
        // The old comment spoke of the old city's zone; say this one's offset instead.
        if let Some(v) = t.get_mut("timezone").and_then(Item::as_value_mut) {
            v.decor_mut()
                .set_suffix(format!(" # {}", utc_offset(&self.timezone)));
        }
        set_str(t, "escalation_tag", &self.tag);
        set_str(t, "bot_config", &self.bot_config());
        // The city copied from opens on its own day: the new one's is still to be set (T141).
        t.remove("launch_date");
    }
}

/// A name to put inside «…»: its own «…» become „…“, as the documents print them
/// («Студия красоты „Лада“»), so a message never shows «…«Лада»».
fn nested_quotes(name: &str) -> String {
    name.replace('«', "„").replace('»', "“")
}

/// A city not in the table: the near miss if there is one, else how to give its zone. The
/// example zone is Moscow time, the zone of most of the country, not another region's.
fn unknown_city(city_name: &str) -> Text {
    let city_name = city_name.trim();
    if let Some(near) = city::near_miss(city_name) {
        return t!(
            "regl does not know the city «{city_name}»: did you mean «{near}»? For a city it does not know, pass the time zone with `--timezone`",
            "regl не знает город «{city_name}»: возможно, имелось в виду «{near}»? Для города, которого regl не знает, укажите часовой пояс через `--timezone`"
        );
    }
    t!(
        "regl does not know the time zone of «{city_name}»: pass it with `--timezone`, e.g. --timezone Europe/Moscow for Moscow time (the IANA zone of the region's largest city)",
        "regl не знает часовой пояс города «{city_name}»: укажите его через `--timezone`, например --timezone Europe/Moscow для московского времени (пояс IANA крупнейшего города региона)"
    )
}

/// "UTC+6" for Asia/Omsk (Russia keeps no daylight saving, so one offset holds all year).
fn utc_offset(tz: &str) -> String {
    use chrono::{Offset, TimeZone};
    let Ok(zone) = tz.parse::<chrono_tz::Tz>() else {
        return String::new();
    };
    let at = chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("a valid date");
    let secs = zone.offset_from_utc_datetime(&at).fix().local_minus_utc();
    let (sign, secs) = if secs < 0 {
        ('−', -secs)
    } else {
        ('+', secs)
    };
    match secs % 3600 {
        0 => format!("UTC{sign}{}", secs / 3600),
        m => format!("UTC{sign}{}:{:02}", secs / 3600, m / 60),
    }
}

/// Sets a string value, keeping the comment that followed the old one.
fn set_str(t: &mut Table, key: &str, v: &str) {
    let decor = t
        .get(key)
        .and_then(Item::as_value)
        .map(|old| old.decor().clone());
    let mut new = toml_edit::Value::from(v);
    if let Some(d) = decor {
        *new.decor_mut() = d;
    }
    t.insert(key, Item::Value(new));
}

pub fn run(args: &InitArgs) -> Outcome {
    let path = args.dir.join("business.toml");
    if path.exists() && !args.force {
        return add_location(args, &path);
    }
    let Some(name) = args
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    else {
        let city = &args.city;
        return Err(Failure::Other(
            Localized::new(t!(
                "a new business needs a name: `regl init --name \"Студия «Лада»\" --city {city}`",
                "новому бизнесу нужно название: `regl init --name \"Студия «Лада»\" --city {city}`"
            ))
            .into(),
        ));
    };
    let (segment, lang) = (Segment::from(args.segment), Lang::from(args.lang));
    let loc = NewLocation::resolve(
        &args.city,
        args.location.as_deref(),
        args.timezone.as_deref(),
        lang,
    )?;
    refuse_existing_bot_config(&args.dir, &loc, args.force)?;
    let text = new_business(preset(segment, lang), name, lang, &loc)?;
    write_atomic(&path, text.as_bytes())?;
    let loaded = check_loads(&path)?;
    let bot = write_bot_config(&loaded, &loc.id)?;
    let schema = write_schema(&args.dir, args.force)?;
    let (shown, id, city, tz) = (path.display(), &loc.id, &loc.city, &loc.timezone);
    let created = t!(
        "created {shown} — {segment} ({lang}), location `{id}` ({city}, {tz})",
        "создан {shown} — {segment} ({lang}), филиал `{id}` ({city}, {tz})"
    );
    let mut lines = vec![created, wrote_bot_config(&bot)];
    if let Some(schema) = schema {
        let shown = schema.display();
        lines.push(t!(
            "wrote the editor's schema {shown} (the `#:schema` line of business.toml)",
            "записана схема для редактора {shown} (строка `#:schema` в business.toml)"
        ));
    }
    say(&lines, i18n::choose(Some(lang)));
    Ok(())
}

/// "wrote the bot config bot/omsk.json".
fn wrote_bot_config(path: &Path) -> Text {
    let shown = path.display();
    t!(
        "wrote the bot config {shown}",
        "записана конфигурация бота {shown}"
    )
}

/// What `init` did, one line each, on stdout.
fn say(lines: &[Text], lang: i18n::Lang) {
    for l in lines {
        println!("{}", l.get(lang));
    }
}

/// The preset with the business's name and its first location filled in.
pub fn new_business(
    preset: &str,
    name: &str,
    lang: Lang,
    loc: &NewLocation,
) -> anyhow::Result<String> {
    let mut doc: DocumentMut = preset.parse().text_context(Text::new(
        "a built-in preset does not parse",
        "встроенный образец не читается как TOML",
    ))?;
    let business = doc["business"].as_table_mut().text_context(Text::new(
        "a built-in preset lacks [business]",
        "во встроенном образце нет [business]",
    ))?;
    set_str(business, "name", name);
    let legal = match lang {
        Lang::Ru => format!("ООО «{name}»"),
        Lang::En => format!("LLC \"{name}\""),
    };
    set_str(business, "legal_name", &legal);
    // Everything the preset names after its sample business follows the new name and city,
    // so no document of «Lada Beauty» in Kazan speaks of «Aurora» in Ufa; what only the owner
    // knows (the legal address, the street) gets a marker that lint lists as a to-do (T124).
    let stem = brand(name);
    let slug = city::slug(&stem);
    let site = format!("https://{slug}.example");
    set_str(business, "website", &site);
    set_str(
        business,
        "legal_address",
        &address_marker(&loc.city, lang, true),
    );
    if let Some(officer) = business
        .get_mut("pd_officer")
        .and_then(Item::as_value_mut)
        .and_then(toml_edit::Value::as_inline_table_mut)
    {
        officer.insert("email", format!("pd@{slug}.example").into());
    }
    if let Some(pd) = doc.get_mut("pd").and_then(Item::as_table_mut) {
        set_str(pd, "policy_url", &format!("{site}/privacy"));
        set_str(pd, "consent_url", &format!("{site}/consent"));
    }
    if let Some(bot) = doc.get_mut("bot").and_then(Item::as_table_mut) {
        set_str(bot, "name", &stem);
    }
    if let Some(crm) = doc.get_mut("crm").and_then(Item::as_table_mut) {
        set_str(crm, "portal", &format!("{slug}.bitrix24.ru"));
    }
    let first = doc["locations"]
        .as_array_of_tables_mut()
        .and_then(|a| a.get_mut(0))
        .text_context(Text::new(
            "a built-in preset lacks [[locations]]",
            "во встроенном образце нет [[locations]]",
        ))?;
    loc.apply(first);
    set_str(first, "address", &address_marker(&loc.city, lang, false));
    if let Some(duty) = first
        .get_mut("duty")
        .and_then(Item::as_value_mut)
        .and_then(toml_edit::Value::as_inline_table_mut)
    {
        duty.insert(
            "telegram",
            format!(
                "@{}_{}_duty",
                slug.replace('-', "_"),
                loc.id.replace('-', "_")
            )
            .into(),
        );
    }
    let text = doc.to_string();
    // The preset's title line names the sample business; the file now belongs to this one.
    let title = match lang {
        Lang::Ru => format!(
            "# {name}, {} — создано `regl init` из образца для этого вида бизнеса.",
            loc.city
        ),
        Lang::En => format!(
            "# {name}, {} — created by `regl init` from the preset for this kind of business.",
            loc.city
        ),
    };
    // The editor's schema (taplo / Even Better TOML) on the first line, pointing at the
    // file `init` writes beside it.
    let schema = format!("#:schema ./{SCHEMA_FILE}");
    Ok(match text.split_once('\n') {
        Some((first, rest)) if first.starts_with("# ") => format!("{schema}\n{title}\n{rest}"),
        _ => format!("{schema}\n{title}\n{text}"),
    })
}

/// Where `init` writes the JSON Schema its `#:schema` line points at, beside business.toml.
pub const SCHEMA_FILE: &str = "schema/business.schema.json";

/// Writes the schema of `business.toml` at [`SCHEMA_FILE`] unless that file is there already
/// (the user's own, or an earlier one: `--force` replaces it).
fn write_schema(dir: &Path, force: bool) -> Result<Option<std::path::PathBuf>, Failure> {
    let path = dir.join(SCHEMA_FILE);
    let text = super::schema::business_schema();
    if path.exists() && (!force || std::fs::read(&path).ok().as_deref() == Some(text.as_bytes())) {
        return Ok(None);
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(anyhow::Error::new)?;
    }
    write_atomic(&path, text.as_bytes())?;
    Ok(Some(path))
}

/// The name a business goes by: the quoted part of «Студия «Заря»», else the first word of
/// "Lada Beauty". The assistant is named after it, and the sample addresses are made of it.
fn brand(name: &str) -> String {
    let quoted = name
        .split(['«', '»', '"', '“', '”'])
        .nth(1)
        .map(str::trim)
        .filter(|q| !q.is_empty());
    quoted
        .or_else(|| name.split_whitespace().next())
        .unwrap_or(name)
        .to_owned()
}

/// What `init` writes where only the owner knows the address: a marker lint reports (T124).
/// In square brackets, as a draft marks a blank to fill in, so that a document rendered
/// before the owner fills it in reads as a draft («по адресу: [укажите адрес: улица, дом]»),
/// not as a sentence with an instruction in the middle of it.
pub fn address_marker(city: &str, lang: Lang, legal: bool) -> String {
    match (lang, legal) {
        (Lang::Ru, true) => format!("г. {city}, [{ADDRESS_MARKER_RU} организации]"),
        (Lang::Ru, false) => format!("[{ADDRESS_MARKER_RU}: улица, дом]"),
        (Lang::En, true) => format!("{city}, [{ADDRESS_MARKER_EN} of the company]"),
        (Lang::En, false) => format!("[{ADDRESS_MARKER_EN}: street, building]"),
    }
}

pub use crate::model::presets::{ADDRESS_MARKER_EN, ADDRESS_MARKER_RU};

fn check_loads(path: &Path) -> Result<Loaded, Failure> {
    let mut sources = Sources::default();
    load(path, &mut sources).map_err(|d| Failure::Input(sources, d))
}

fn add_location(args: &InitArgs, path: &Path) -> Outcome {
    let loaded = check_loads(path)?;
    if let Some(name) = args.name.as_deref().map(str::trim) {
        let existing = loaded.business.business.name.as_str();
        if name != existing {
            let existing = nested_quotes(existing);
            let shown = path.display();
            return Err(Failure::Other(Localized::new(t!(
                "{shown} already exists, for «{existing}»: run without `--name` to add a location to it, or with `--force` to replace it with a new business",
                "{shown} уже есть, для «{existing}»: запустите без `--name`, чтобы добавить в него филиал, или с `--force`, чтобы заменить его новым бизнесом"
            )).into()));
        }
    }
    let lang = loaded.business.lang();
    let loc = NewLocation::resolve(
        &args.city,
        args.location.as_deref(),
        args.timezone.as_deref(),
        lang,
    )?;
    let (shown, id) = (path.display(), &loc.id);
    if loaded.business.location(id).is_some() {
        return Err(Failure::Other(
            Localized::new(t!(
                "{shown} already has a location `{id}`; pick another id with `--location`",
                "в {shown} уже есть филиал `{id}`; выберите другой идентификатор через `--location`"
            ))
            .into(),
        ));
    }
    refuse_existing_bot_config(loaded.dir(), &loc, false)?;
    let text = std::fs::read_to_string(path)
        .with_text(|| t!("cannot read `{shown}`", "не удаётся прочитать `{shown}`"))?;
    let updated = insert_location(&text, &loc, lang)?;
    write_atomic(path, updated.as_bytes())?;
    let reloaded = check_loads(path)?;
    let bot = write_bot_config(&reloaded, id)?;
    let (city, tz) = (&loc.city, &loc.timezone);
    let added = t!(
        "added location `{id}` ({city}, {tz}) to {shown}",
        "в {shown} добавлен филиал `{id}` ({city}, {tz})"
    );
    say(&[added, wrote_bot_config(&bot)], i18n::choose(Some(lang)));
    Ok(())
}

/// The new location's bot config must not replace one the bot team already has.
fn refuse_existing_bot_config(dir: &Path, loc: &NewLocation, force: bool) -> Outcome {
    let path = dir.join(loc.bot_config());
    if path.exists() && !force {
        let shown = path.display();
        return Err(Failure::Other(
            Localized::new(t!(
                "{shown} already exists: move it away first (or pass `--force` to replace the whole business)",
                "{shown} уже есть: сначала уберите его (или передайте `--force`, чтобы заменить весь бизнес)"
            ))
            .into(),
        ));
    }
    Ok(())
}

/// Writes the location's bot config where `bot_config` points, as `export` makes it, so a
/// fresh business lints clean.
fn write_bot_config(loaded: &Loaded, id: &str) -> Result<std::path::PathBuf, Failure> {
    let b = &loaded.business;
    let loc = b.location(id).with_text(|| {
        t!(
            "location `{id}` vanished from business.toml",
            "филиал `{id}` пропал из business.toml"
        )
    })?;
    let path = loaded.dir().join(loc.bot_config.as_str());
    write_atomic(
        &path,
        &crate::export::to_json(&crate::export::bot_config(b, loc)),
    )?;
    Ok(path)
}

/// The file's text with a new `[[locations]]` entry after the last one, modelled on the
/// first; everything else byte for byte as it was.
pub fn insert_location(text: &str, loc: &NewLocation, lang: Lang) -> anyhow::Result<String> {
    let does_not_parse = || {
        Text::new(
            "business.toml does not parse",
            "business.toml не читается как TOML",
        )
    };
    let spanned = toml_edit::Document::parse(text.to_owned()).with_text(does_not_parse)?;
    let locations = spanned
        .get("locations")
        .and_then(Item::as_array_of_tables)
        .filter(|a| !a.is_empty())
        .text_context(Text::new(
            "business.toml has no [[locations]] to model the new one on",
            "в business.toml нет [[locations]], по образцу которых можно добавить новый филиал",
        ))?;
    let last = locations.get(locations.len() - 1).expect("not empty");
    let end = table_end(last).text_context(Text::new(
        "cannot find where the last location ends",
        "не удаётся найти, где кончается последний филиал",
    ))?;
    let insert_at = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);

    let mut model: DocumentMut = text.parse().with_text(does_not_parse)?;
    let template = model["locations"]
        .as_array_of_tables_mut()
        .and_then(|a| a.get_mut(0))
        .expect("checked above");
    let from = template
        .get("id")
        .and_then(Item::as_str)
        .unwrap_or("")
        .to_owned();
    let mut entry = template.clone();
    loc.apply(&mut entry);
    let note = match lang {
        Lang::Ru => format!(
            "# {}: адрес, телефоны, часы работы и дежурный скопированы из «{from}» — замените на данные этой точки\n",
            loc.city
        ),
        Lang::En => format!(
            "# {}: address, phones, hours and duty contacts copied from \"{from}\": replace them with this location's\n",
            loc.city
        ),
    };
    entry.decor_mut().set_prefix("");
    let mut doc = DocumentMut::new();
    let mut aot = toml_edit::ArrayOfTables::new();
    aot.push(entry);
    doc.insert("locations", Item::ArrayOfTables(aot));

    let mut out = String::with_capacity(text.len() + 1024);
    out.push_str(&text[..insert_at]);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    let _ = write!(out, "\n{note}{}", doc.to_string().trim_start());
    let rest = &text[insert_at..];
    if !rest.is_empty() && !rest.starts_with('\n') {
        out.push('\n');
    }
    out.push_str(rest);
    Ok(out)
}

/// The byte offset where a parsed table's last key or value ends.
fn table_end(t: &Table) -> Option<usize> {
    let mut end = t.span().map(|s| s.end);
    for (key, item) in t {
        if let Some(kv) = t.key(key) {
            end = end.max(kv.span().map(|s| s.end));
        }
        let item_end = match item {
            Item::Table(sub) => table_end(sub),
            other => other.span().map(|s| s.end),
        };
        end = end.max(item_end);
    }
    end
}
