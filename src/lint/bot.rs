//! The bot configs lint compares with `business.toml` (SPEC §4): each location's
//! `bot_config`, or the files given with `--bot`. Reading never fails: a missing or broken
//! file is kept as such and reported by B301. A version-1 file is read through
//! [`super::bot_v1`], so every rule reads the version-2 shape.
//!
//! What a location's config should hold is what `regl export` writes for it: the rules
//! compare with that very config ([`BotDoc::expected`]), so lint and export can never
//! disagree on a derived value.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::bot_texts::TextAt;
use super::json::{self, Json};
use super::want::{Number, Want};
use crate::diag::{Diagnostic, FileId, Severity, Sources};
use crate::i18n::{Text, t};
use crate::model::business::Location;
use crate::model::read::Sp;
use crate::model::{Business, Loaded};
use crate::words::plural_ru;

/// The schema version of the bot config this regl writes and reads.
pub const BOT_SCHEMA: u64 = 2;

/// The older version this regl still reads, with a B301 warning.
pub const BOT_SCHEMA_V1: u64 = 1;

/// Bot configs larger than this are not a bot config (and would slow the hook down).
const MAX_BOT_BYTES: usize = 8 * 1024 * 1024;

/// One bot config as found on disk.
#[derive(Debug)]
pub struct BotInput {
    /// The path as shown to the user.
    pub path: PathBuf,
    /// The location whose `bot_config` names this file (`None` for `--bot`).
    pub owner: Option<usize>,
    pub state: BotState,
    /// A version-1 file as version 2 (`None` for any other file).
    pub upgraded: Option<Result<super::bot_v1::Upgraded, super::bot_v1::UpgradeFailure>>,
    /// What the rules derive from the file once and share, made on first use.
    pub memo: BotMemo,
}

/// What every rule reading a bot config would otherwise derive again per rule: with a
/// thousand locations and some thirty bot rules, deriving it once per file is the
/// difference between a hook that is felt and one that is not.
#[derive(Debug, Default)]
pub struct BotMemo {
    /// What `regl export` writes for the file's location.
    expected: OnceLock<Want>,
    /// The index of the first location with the id the file names (`None`: no such
    /// location); looking it up per rule would make lint quadratic in the locations.
    named: OnceLock<Option<usize>>,
    /// The file's texts ([`super::bot_texts::texts`]).
    texts: OnceLock<Vec<TextAt>>,
    /// Why a version-2 file is not version 2's shape, read as a strict runtime would
    /// (B313); `None`: it is.
    strict: OnceLock<Option<serde_json::Error>>,
    /// Whether a version-2 file is its export as written ([`BotDoc::is_export`]).
    exact: OnceLock<bool>,
}

#[derive(Debug, Clone)]
pub enum BotState {
    Missing,
    /// Not readable as text: why.
    Unreadable(Text),
    /// Read, but not JSON: where and why.
    Syntax {
        file: FileId,
        span: Range<usize>,
        message: Text,
    },
    Parsed {
        file: FileId,
        root: Json,
    },
}

/// A usable bot config and the location it belongs to.
pub struct BotDoc<'a> {
    pub location: &'a Sp<Location>,
    pub file: FileId,
    /// The version-2 tree: the file's own, or its version-1 content upgraded.
    pub root: &'a Json,
    /// The file's `regl_bot_schema`: 2, or 1 when `root` is upgraded.
    pub version: u64,
    /// Keys a version-1 file never held (see [`super::bot_v1::Upgraded::derived`]).
    pub derived: &'a [String],
    /// The file's text, which `root`'s spans index (an upgraded version 1's spans too).
    text: &'a str,
    business: &'a Business,
    memo: &'a BotMemo,
}

/// Reads each location's `bot_config`, or the `explicit` files instead when any are given,
/// for a caller that runs the rules itself ([`super::lint`]): [`read_and_check`] with no
/// check.
pub fn read_all(loaded: &Loaded, sources: &mut Sources, explicit: &[PathBuf]) -> Vec<BotInput> {
    read_and_check(loaded, sources, explicit, |_, _| Vec::new()).0
}

/// Reads each location's `bot_config` (or the `explicit` files), adds their texts to
/// `sources` in the locations' order, then parses each and runs `check` on it, on all
/// cores, with the findings kept in that order: as on one thread.
///
/// What `check` derived from a file (its export, its texts: most of a file's memory) is
/// dropped as soon as it returns, so the next file on that core reuses the memory while
/// it is still in the cache. Kept for a whole lint of a thousand locations, it took 385 MB
/// that the kernel zeroed page by page, and each rule then walked every file from RAM.
pub fn read_and_check<F>(
    loaded: &Loaded,
    sources: &mut Sources,
    explicit: &[PathBuf],
    check: F,
) -> (Vec<BotInput>, Vec<Diagnostic>)
where
    F: Fn(&BotInput, &Sources) -> Vec<Diagnostic> + Sync,
{
    let business = &loaded.business;
    let jobs: Vec<(PathBuf, Option<usize>)> = if explicit.is_empty() {
        business
            .locations
            .iter()
            .enumerate()
            .map(|(i, l)| (loaded.dir().join(l.bot_config.as_str()), Some(i)))
            .collect()
    } else {
        explicit.iter().map(|p| (p.clone(), None)).collect()
    };
    let texts = crate::workers::map_in_order(&jobs, |(path, _)| read_text(path));
    let read: Vec<(&PathBuf, Option<usize>, Result<FileId, BotState>)> = jobs
        .iter()
        .zip(texts)
        .map(|((path, owner), text)| (path, *owner, text.map(|t| sources.add(path, t))))
        .collect();
    let sources = &*sources;
    let done = crate::workers::map_in_order(&read, |(path, owner, text)| {
        let mut input = match text {
            Ok(file) => parse(path, *owner, *file, &sources.get(*file).text),
            Err(state) => BotInput {
                path: (*path).clone(),
                owner: *owner,
                state: state.clone(),
                upgraded: None,
                memo: BotMemo::default(),
            },
        };
        let found = check(&input, sources);
        input.memo = BotMemo::default();
        (input, found)
    });
    let mut found = Vec::new();
    let inputs = done
        .into_iter()
        .map(|(input, f)| {
            found.extend(f);
            input
        })
        .collect();
    (inputs, found)
}

/// The text of the file at `path`, or why there is none to read as a bot config.
fn read_text(path: &Path) -> Result<String, BotState> {
    let mib = MAX_BOT_BYTES / (1024 * 1024);
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(BotState::Missing),
        Err(e) => Err(BotState::Unreadable(crate::model::load::io_reason(&e))),
        Ok(m) if m.len() > MAX_BOT_BYTES as u64 => {
            let n = m.len();
            Err(BotState::Unreadable(Text::new(
                format!("{n} bytes: a bot config is at most {mib} MiB"),
                format!(
                    "{n} {}: конфигурация бота не может быть больше {mib} МиБ",
                    plural_ru(n, "байт", "байта", "байт")
                ),
            )))
        }
        Ok(_) => match crate::model::load::read_at_most(path, MAX_BOT_BYTES) {
            Err(e) => Err(BotState::Unreadable(crate::model::load::io_reason(&e))),
            // It grew after it was measured, or is a device that never ends.
            Ok(b) if b.len() > MAX_BOT_BYTES => Err(BotState::Unreadable(t!(
                "more than {mib} MiB: not a bot config",
                "больше {mib} МиБ: это не конфигурация бота"
            ))),
            Ok(b) => crate::model::load::utf8_text(&b).map_err(|_| {
                BotState::Unreadable(Text::new(
                    "it is not UTF-8 text",
                    "это не текст в кодировке UTF-8",
                ))
            }),
        },
    }
}

/// The file `file` of the sources (its `text`), parsed; a version-1 file also upgraded.
fn parse(path: &Path, owner: Option<usize>, file: FileId, text: &str) -> BotInput {
    let parsed = json::parse(text);
    let upgraded = match &parsed {
        Ok(root) if root.get("regl_bot_schema").and_then(Json::as_u64) == Some(BOT_SCHEMA_V1) => {
            super::bot_v1::upgrade(text, root)
        }
        _ => None,
    };
    let state = match parsed {
        Ok(root) => BotState::Parsed { file, root },
        Err(e) => BotState::Syntax {
            file,
            span: e.span,
            message: e.message,
        },
    };
    BotInput {
        path: path.to_path_buf(),
        owner,
        state,
        upgraded,
        memo: BotMemo::default(),
    }
}

impl BotInput {
    /// What `regl export` writes for `location`, the location this file is for, as
    /// `serde_json`'s value: the config the rules compared the file with
    /// ([`BotDoc::expected`]), made by the same function once more.
    pub fn export_for(business: &Business, location: &Location) -> serde_json::Value {
        export(business, location).to_json()
    }

    /// The location this config speaks for, if it is usable at all.
    pub fn usable<'a>(
        &'a self,
        business: &'a Business,
        sources: &'a Sources,
    ) -> Option<BotDoc<'a>> {
        let BotState::Parsed { file, root } = &self.state else {
            return None;
        };
        let version = root.get("regl_bot_schema").and_then(Json::as_u64)?;
        let (root, derived) = match (version, &self.upgraded) {
            (BOT_SCHEMA, _) => (root, &[][..]),
            (BOT_SCHEMA_V1, Some(Ok(up))) => (&up.root, &up.derived[..]),
            _ => return None,
        };
        let index = self.memo.named.get_or_init(|| {
            let named = root.get("location").and_then(Json::as_str)?;
            business
                .locations
                .iter()
                .position(|l| l.id.as_str() == named)
        });
        let index = (*index)?;
        if self.owner.is_some_and(|o| o != index) {
            return None;
        }
        Some(BotDoc {
            location: &business.locations[index],
            file: *file,
            root,
            version,
            derived,
            text: &sources.get(*file).text,
            business,
            memo: &self.memo,
        })
    }
}

impl<'a> BotDoc<'a> {
    /// The config `regl export` writes for this location, as JSON.
    pub fn expected(&self) -> &'a Want {
        self.memo
            .expected
            .get_or_init(|| export(self.business, self.location))
    }

    /// Why the file's `text` is not version 2's shape as a strict reader sees it (`None`:
    /// it is, or it is an upgraded version 1), read once.
    ///
    /// A file that is its export, value for value, is read by the strict reader as the
    /// export is, and an export always is version 2's shape (a test holds every preset's
    /// to it); such a file — most of them, in a business that keeps its configs — is not
    /// read a second time.
    pub fn strict_error(&self) -> Option<&'a serde_json::Error> {
        if self.version != BOT_SCHEMA {
            return None;
        }
        self.memo
            .strict
            .get_or_init(|| {
                if self.is_export() {
                    return None;
                }
                serde_json::from_str::<crate::model::bot_v2::BotConfigV2>(self.text).err()
            })
            .as_ref()
    }

    /// Whether the file is a version 2 that is its export value for value, as a strict
    /// reader takes it ([`is_written`]), told once. Such a file has no drifted value, so
    /// the derived-key comparisons need not walk it.
    pub fn is_export(&self) -> bool {
        *self.memo.exact.get_or_init(|| {
            self.version == BOT_SCHEMA && is_written(self.root, self.text, self.expected())
        })
    }

    /// Every text of the file, in file order.
    pub fn texts(&self) -> &'a [TextAt] {
        self.memo
            .texts
            .get_or_init(|| super::bot_texts::texts(self.root, self.expected()))
    }

    /// Whether `dotted` (`crm.required.0`) lies under a key a version-1 file never held.
    pub fn is_derived(&self, dotted: &str) -> bool {
        self.derived.iter().any(|k| {
            dotted == k
                || dotted
                    .strip_prefix(k.as_str())
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    }

    /// The expected value at a dotted path (`consent.version`, `services.0.price_from`).
    pub fn expected_at(&self, path: &[&str]) -> Option<&'a Want> {
        let mut at = self.expected();
        for p in path {
            at = match at {
                Want::Array(a) => a.get(p.parse::<usize>().ok()?)?,
                v => v.get(p)?,
            };
        }
        Some(at)
    }

    /// The value at `path`, or the span to point at when it is missing: the key of the
    /// deepest object that is there, or the opening brace.
    pub fn find(&self, path: &[&str]) -> Result<&Json, Range<usize>> {
        let mut at = self.root;
        let mut span = self.root.span.start..self.root.span.start + 1;
        for key in path {
            // A number steps into a list: `["services", "0", "price_from"]`.
            if let Some(items) = at.as_array() {
                match key.parse::<usize>().ok().and_then(|i| items.get(i)) {
                    Some(item) => {
                        span = item.span.start..item.span.start + 1;
                        at = item;
                        continue;
                    }
                    None => return Err(span),
                }
            }
            match at.member(key) {
                Some(m) => {
                    span = m.key_span.clone();
                    at = &m.value;
                }
                None => return Err(span),
            }
        }
        Ok(at)
    }

    /// A finding about a value of the bot config that disagrees with `business.toml`:
    /// the bot's value is primary, the business's the other side.
    #[allow(clippy::too_many_arguments)]
    pub fn drift(
        &self,
        code: &'static str,
        message: impl Into<Text>,
        bot_span: Range<usize>,
        bot_label: impl Into<Text>,
        toml: (FileId, Range<usize>, Text),
        hint: impl Into<Text>,
    ) -> Diagnostic {
        Diagnostic::finding(code, Severity::Error, message)
            .at(self.file, bot_span, bot_label)
            .also(toml.0, toml.1, toml.2)
            .hint(hint)
    }

    /// A key SPEC §4 names is missing or has the wrong type: `Err` carries the finding.
    /// `expected` names the value in the nominative («целое число секунд»).
    pub fn need<'j>(
        &'j self,
        code: &'static str,
        path: &[&str],
        expected: impl Into<Text>,
        ok: impl Fn(&Json) -> bool,
    ) -> Result<&'j Json, Diagnostic> {
        let expected = expected.into();
        let dotted = path.join(".");
        let id = self.location.id.as_str();
        match self.find(path) {
            Ok(v) if ok(v) => Ok(v),
            Ok(v) => Err(Diagnostic::finding(
                code,
                Severity::Error,
                t!(
                    "`{dotted}` in the bot config of `{id}` is {kind}, expected {expected}",
                    "`{dotted}` в конфигурации бота филиала `{id}` — {kind}, а ожидается {expected}",
                    dotted = dotted,
                    id = id,
                    kind = v.kind_name(),
                    expected = expected,
                ),
            )
            .at(
                self.file,
                v.span.clone(),
                t!(
                    "expected {expected}",
                    "ожидается {expected}",
                    expected = expected
                ),
            )
            .hint(t!(
                "fix this value by hand, or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep",
                "исправьте это значение вручную или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно"
            ))),
            Err(span) => Err(Diagnostic::finding(
                code,
                Severity::Error,
                t!(
                    "the bot config of `{id}` lacks `{dotted}`",
                    "в конфигурации бота филиала `{id}` нет `{dotted}`"
                ),
            )
            .at(
                self.file,
                span,
                t!("`{dotted}` is missing", "нет `{dotted}`"),
            )
            .hint(t!(
                "add `{dotted}` ({expected}) as docs/bot-runtime.md describes, or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep",
                "добавьте `{dotted}` ({expected}), как описано в docs/bot-runtime.md, или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно",
                dotted = dotted,
                expected = expected,
            ))),
        }
    }
}

/// Whether the file's value `file` (its `text`) is `want` as a strict reader takes it: the
/// same members in the same order (so no key twice), the same strings, and each number
/// written as `want`'s is (`1.0` is no whole number to a reader of counts).
#[allow(clippy::float_cmp)]
fn is_written(file: &Json, text: &str, want: &Want) -> bool {
    match (&file.kind, want) {
        (json::Kind::Null, Want::Null) => true,
        (json::Kind::Bool(a), Want::Bool(b)) => a == b,
        (json::Kind::String(a), Want::String(b)) => a == b,
        (json::Kind::Number(a), Want::Number(b)) => {
            let written = &text[file.span.clone()];
            match b {
                Number::PosInt(u) => written.parse::<u64>() == Ok(*u),
                Number::NegInt(i) => written.parse::<i64>() == Ok(*i),
                // The very number a strict reader reads: no margin.
                Number::Float(f) => f == a,
            }
        }
        (json::Kind::Array(a), Want::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| is_written(x, text, y))
        }
        (json::Kind::Object(a), Want::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .zip(b.iter())
                    .all(|(m, (k, v))| m.key == k && is_written(&m.value, text, v))
        }
        _ => false,
    }
}

/// The export of `location`, as lint compares with it.
fn export(business: &Business, location: &Location) -> Want {
    super::want::to_want(&crate::export::bot_config(business, location)).expect("exports serialise")
}

/// A bot config's seconds in the units of the `business.toml` value they are compared with:
/// 43200 next to "48h" → "12h", never "43200 s (12h)" beside "2d".
pub fn secs(n: u64, like: crate::model::Duration) -> Text {
    let d = crate::model::Duration::from_secs_like(n, like);
    Text::same(d.to_string())
}

/// The hint most bot findings end with, naming the fixes that touch the file lint reads:
/// `regl lint --fix` mends the drifted values in place and keeps the team's texts;
/// `regl export --bot-configs` writes the file from scratch.
pub fn regenerate() -> Text {
    Text::new(
        "run `regl lint --fix` to mend it in place, or `regl export --bot-configs` to rewrite the file when the team has no edits to keep",
        "запустите `regl lint --fix`, чтобы исправить значение на месте, или `regl export --bot-configs`, чтобы переписать файл, если правки команды сохранять не нужно",
    )
}

/// The same fixes, short, for the parentheses after a concrete instruction.
pub fn fix_hint() -> Text {
    Text::new(
        "or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep",
        "или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно",
    )
}

/// A list of strings from a JSON array, with each item's span; non-strings are skipped.
pub fn strings(v: &Json) -> Vec<(&str, Range<usize>)> {
    v.as_array()
        .unwrap_or_default()
        .iter()
        .filter_map(|i| i.as_str().map(|s| (s, i.span.clone())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{is_written, json};

    fn salon() -> crate::model::Business {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/salon-ufa-omsk/business.toml"
        );
        let text = std::fs::read_to_string(path).unwrap();
        crate::model::load::parse(&text, crate::diag::FileId(0)).unwrap()
    }

    /// A file is taken for its export only when a strict reader could not tell them apart.
    #[test]
    fn a_file_is_its_export_only_as_written() {
        let b = salon();
        let config = crate::export::bot_config(&b, &b.locations[0]);
        let want = crate::lint::want::to_want(&config).unwrap();
        let text = serde_json::to_string_pretty(&config).unwrap();
        let is = |text: &str| is_written(&json::parse(text).unwrap(), text, &want);
        assert!(is(&text));
        // A count written as a fraction, a changed text, a key twice or out of order.
        let seconds = "\"max_bot_turns\": ";
        let at = text.find(seconds).unwrap() + seconds.len();
        let end = at + text[at..].find(|c: char| !c.is_ascii_digit()).unwrap();
        let fraction = format!("{}{}.0{}", &text[..at], &text[at..end], &text[end..]);
        assert!(!is(&fraction));
        let reworded = text.replacen("Здравствуйте", "Добрый день", 1);
        assert_ne!(reworded, text);
        assert!(!is(&reworded));
        let twice = text.replacen(
            "\"regl_bot_schema\": 2,",
            "\"regl_bot_schema\": 2, \"regl_bot_schema\": 2,",
            1,
        );
        assert!(!is(&twice));
        let root = json::parse(&text).unwrap();
        let (first, second) = (&root.members()[0], &root.members()[1]);
        let swapped = format!(
            "{{{}: {}, {}: {}, {}",
            &text[second.key_span.clone()],
            &text[second.value.span.clone()],
            &text[first.key_span.clone()],
            &text[first.value.span.clone()],
            &text[root.members()[2].key_span.start..]
        );
        assert!(json::parse(&swapped).is_ok(), "{swapped}");
        assert!(!is(&swapped));
    }
}
