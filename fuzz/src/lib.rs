//! What each fuzz target checks, kept out of the `fuzz_target!` bodies so the checks read as
//! ordinary code. Every function takes the fuzzer's bytes and panics only on a real defect:
//! a panic inside regl, a diagnostic pointing outside its file, or a broken invariant that a
//! user would meet as a wrong document or a file `init` made unloadable.

use std::path::PathBuf;

use regl::cmd::init::{NewLocation, insert_location};
use regl::diag::{Diagnostic, FileId, Sources};
use regl::i18n::Lang;
use regl::lint::bot::{BotInput, BotState};
use regl::lint::{self, Context, RULES};
use regl::model::duration::Duration;
use regl::model::hours::WorkingHours;
use regl::model::id::Id;
use regl::model::load::parse;
use regl::model::phone::Phone;
use regl::model::read::ParseStr;
use regl::model::registry_ids::{Inn, Ogrn};
use regl::model::{Business, Loaded};
use regl::report;

/// A fixed "today", so a run does not depend on the calendar.
fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("a date")
}

/// Every label of every diagnostic lies inside its file, on character boundaries: the
/// reporters slice the text with it, and a user is sent to that line and column.
fn assert_spans(sources: &Sources, diags: &[Diagnostic]) {
    for d in diags {
        for l in &d.labels {
            assert!(
                sources.fits(l.file, &l.span),
                "{:?} `{}` points at {:?} in a text of {} bytes",
                d.code,
                d.message.en(),
                l.span,
                sources.get(l.file).text.len()
            );
        }
    }
}

/// Prints the diagnostics in every output format, as `regl lint` would.
fn report_all(sources: &Sources, diags: &[Diagnostic]) {
    for lang in [Lang::En, Lang::Ru] {
        let rules: Vec<report::sarif::RuleInfo> = RULES
            .iter()
            .map(|r| report::sarif::RuleInfo {
                code: r.code,
                name: r.name,
                summary: r.summary.get(lang),
                help_markdown: r.explanation.get(lang),
                default_level: r.severities[0],
            })
            .collect();
        let _ = report::human::render(sources, diags, false, lang);
        let _ = report::human::render(sources, diags, true, lang);
        let _ = report::human::summary(diags, lang);
        let _ = report::json::render(sources, diags, lang);
        let _ = report::github::render(sources, diags, lang);
        let _ = report::sarif::render(sources, diags, &rules, lang, std::path::Path::new("."));
    }
}

/// `business.toml`: loading never panics; a refusal is a non-empty list of load errors, each
/// pointing inside the file; a file that loads can be linted, reported and exported, its
/// exported bot configs lint clean against it, and `init` can add a city to it without
/// making it unloadable.
pub fn business_toml(data: &[u8]) {
    // `load` refuses non-UTF-8 before parsing; the property test covers that path.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut sources = Sources::default();
    let file = sources.add("business.toml", text.to_owned());
    let business = match parse(text, file) {
        Ok(b) => b,
        Err(errors) => {
            assert!(!errors.is_empty(), "a refusal without a reason");
            assert!(
                errors.iter().all(|d| !d.labels.is_empty()),
                "a load error without a place"
            );
            assert_spans(&sources, &errors);
            report_all(&sources, &errors);
            return;
        }
    };
    for loc in &business.locations {
        assert!(Id::parse_str(loc.id.as_str()).is_ok());
        let escapes = std::path::Path::new(loc.bot_config.as_str())
            .components()
            .any(|c| {
                !matches!(
                    c,
                    std::path::Component::Normal(_) | std::path::Component::CurDir
                )
            });
        assert!(!escapes, "bot_config `{}` escapes", loc.bot_config.as_str());
    }
    let lang = business.lang();
    let loaded = Loaded {
        business,
        file,
        path: PathBuf::from("business.toml"),
    };
    let findings = lint::config_findings(&loaded, &sources, today());
    assert_spans(&sources, &findings);
    report_all(&sources, &findings);
    let b = &loaded.business;
    let refused = findings
        .iter()
        .any(|d| d.severity == regl::diag::Severity::Error);

    // render and export refuse a config with errors of its own; the rest must export.
    if !refused {
        let locations: Vec<_> = b.locations.iter().map(|l| &l.value).collect();
        for out in regl::export::outputs(b, &locations) {
            let json: serde_json::Value =
                serde_json::from_slice(&out.bytes).expect("exports are JSON");
            drop(json);
        }
        exported_bots_lint_clean(&loaded, &sources);
    }

    let city = NewLocation::resolve("Новосибирск", None, None, lang).expect("a known city");
    match insert_location(text, &city, lang) {
        Ok(grown) => {
            let mut s2 = Sources::default();
            let f2 = s2.add("business.toml", grown.clone());
            match parse(&grown, f2) {
                Ok(after) => assert_eq!(after.locations.len(), b.locations.len() + 1),
                Err(e) => panic!(
                    "init made a loading file unloadable: {:?}\n--- before\n{text}\n--- after\n{grown}",
                    e.iter().map(|d| &d.message).collect::<Vec<_>>()
                ),
            }
        }
        Err(e) => panic!("init cannot add a city to a file that loads: {e:#}\n{text}"),
    }
}

/// Each location's exported bot config, read back as lint reads it, has no B or S finding:
/// SPEC §4 promises "an exported file lints clean by construction".
fn exported_bots_lint_clean(loaded: &Loaded, sources: &Sources) {
    let b = &loaded.business;
    let mut sources = sources.clone();
    let mut bots = Vec::new();
    for (i, loc) in b.locations.iter().enumerate() {
        let bytes = regl::export::to_json(&regl::export::bot_config(b, loc));
        let text = String::from_utf8(bytes).expect("exports are UTF-8");
        let root = lint::json::parse(&text).expect("exports parse as strict JSON");
        let file = sources.add(loc.bot_config.as_str(), text);
        bots.push(BotInput {
            path: PathBuf::from(loc.bot_config.as_str()),
            owner: Some(i),
            state: BotState::Parsed { file, root },
            // An export is version 2: nothing to upgrade.
            upgraded: None,
            memo: Default::default(),
        });
    }
    let cx = Context {
        business: b,
        file: loaded.file,
        sources: &sources,
        dir: loaded.dir(),
        today: today(),
        bots: &bots,
        documents: None,
    };
    let diags = lint::lint(&cx);
    assert_spans(&sources, &diags);
    let bad: Vec<_> = diags
        .iter()
        .filter(|d| {
            d.code.is_some_and(|c| {
                c.starts_with('B')
                    || (c == "S501" && d.labels.iter().any(|l| l.file != loaded.file))
            })
        })
        .map(|d| format!("{:?}: {}", d.code, d.message.en()))
        .collect();
    assert!(
        bad.is_empty(),
        "an exported bot config does not lint clean: {bad:#?}\n{}",
        sources.get(loaded.file).text
    );
}

const SALON: &str = include_str!("../../examples/salon-ufa-omsk/business.toml");

/// The bot config as lint reads it: any text, against the salon example, both as a
/// location's own `bot_config` and as a `--bot` file, linted and reported in every format.
pub fn bot_config(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut sources = Sources::default();
    let file = sources.add("business.toml", SALON.to_owned());
    let business: Business = parse(SALON, file).expect("the example loads");
    let mut bots = Vec::new();
    for (owner, path) in [(Some(0), "bot/ufa.json"), (None, "given.json")] {
        let parsed = lint::json::parse(text);
        let bot_file: FileId = sources.add(path, text.to_owned());
        let state = match parsed {
            Ok(root) => BotState::Parsed {
                file: bot_file,
                root,
            },
            Err(e) => {
                assert!(
                    e.span.start <= e.span.end
                        && e.span.end <= text.len()
                        && text.is_char_boundary(e.span.start)
                        && text.is_char_boundary(e.span.end),
                    "a JSON syntax error at {:?} in {} bytes",
                    e.span,
                    text.len()
                );
                BotState::Syntax {
                    file: bot_file,
                    span: e.span,
                    message: e.message,
                }
            }
        };
        // A version-1 file is read through the upgrade, as lint reads it.
        let upgraded = match &state {
            BotState::Parsed { root, .. }
                if root
                    .get("regl_bot_schema")
                    .and_then(lint::json::Json::as_u64)
                    == Some(1) =>
            {
                lint::bot_v1::upgrade(text, root)
            }
            _ => None,
        };
        bots.push(BotInput {
            path: PathBuf::from(path),
            owner,
            state,
            upgraded,
            memo: Default::default(),
        });
    }
    let cx = Context {
        business: &business,
        file,
        sources: &sources,
        dir: std::path::Path::new("."),
        today: today(),
        bots: &bots,
        documents: None,
    };
    let diags = lint::lint(&cx);
    assert_spans(&sources, &diags);
    report_all(&sources, &diags);
}

fn as_str(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// Durations: a refusal explains itself; an accepted one prints in a form that reads back
/// as the same number of seconds, and its parts add up.
pub fn duration(data: &[u8]) {
    let Some(s) = as_str(data) else { return };
    match Duration::parse_str(s) {
        Ok(d) => {
            let printed = d.to_string();
            let back = Duration::parse_str(&printed).unwrap_or_else(|e| {
                panic!("`{s}` prints as `{printed}`, which is refused: {}", e.en())
            });
            assert_eq!(back, d, "`{s}` → `{printed}`");
            let sum: u64 = d
                .parts()
                .iter()
                .map(|&(n, unit)| {
                    n * Duration::parse_str(&format!("1{unit}"))
                        .expect("a unit")
                        .secs()
                })
                .sum();
            assert_eq!(sum, d.secs());
        }
        Err(e) => assert!(!e.is_empty()),
    }
}

/// Working hours: an accepted line prints in its canonical form, which reads back as itself
/// with the same days and times, names at least one day, and has times within a day that
/// print as HH:MM and read back, every range of a day with a break.
pub fn hours(data: &[u8]) {
    let Some(s) = as_str(data) else { return };
    match WorkingHours::parse_str(s) {
        Ok(h) => {
            let printed = h.to_string();
            let canonical = WorkingHours::parse_str(&printed).expect("the canonical form reads");
            assert_eq!(canonical.to_string(), printed, "`{s}`");
            assert_eq!(
                (canonical.days, &canonical.ranges),
                (h.days, &h.ranges),
                "`{s}`"
            );
            assert!(h.days != 0 && h.days < 0x80, "days {:#b}", h.days);
            assert!(!h.ranges.is_empty(), "`{s}` has no range");
            // Every range prints as HH:MM-HH:MM and reads back as itself.
            let ranges: Vec<String> = h
                .ranges
                .iter()
                .map(|&(start, end)| {
                    assert!(start <= 1440 && end <= 1440);
                    format!(
                        "{}-{}",
                        WorkingHours::fmt_time(start),
                        WorkingHours::fmt_time(end)
                    )
                })
                .collect();
            let line = format!("daily {}", ranges.join(","));
            let again = WorkingHours::parse_str(&line).expect("printed hours read back");
            assert_eq!(again.ranges, h.ranges);
            let _ = (0..7).filter(|&d| h.covers(d)).count();
        }
        Err(e) => assert!(!e.is_empty()),
    }
}

/// Phones: an accepted number is `+7` and ten digits, not Kazakhstan's, and its printed form
/// reads back as the same number.
pub fn phone(data: &[u8]) {
    let Some(s) = as_str(data) else { return };
    match Phone::parse_str(s) {
        Ok(p) => {
            let e = p.e164();
            assert!(e.len() == 12 && e.starts_with("+7"), "{e}");
            assert!(e[1..].bytes().all(|b| b.is_ascii_digit()), "{e}");
            assert!(!matches!(e.as_bytes()[2], b'6' | b'7'), "{e}");
            let pretty = p.pretty();
            let back = Phone::parse_str(&pretty).expect("a printed phone reads back");
            assert_eq!(back.e164(), e);
        }
        Err(e) => assert!(!e.is_empty()),
    }
}

/// INN and OGRN: the check never panics; a valid one has the length its kind says, and
/// matches an independent computation of the check digits.
pub fn registry_ids(data: &[u8]) {
    let Some(s) = as_str(data) else { return };
    let inn = Inn::parse_str(s).expect("an INN is kept as text");
    let digits: Option<Vec<u64>> = inn
        .0
        .chars()
        .map(|c| c.to_digit(10).map(u64::from))
        .collect();
    let expected_inn = digits.as_ref().and_then(|d| {
        let check = |n: usize, w: &[u64]| -> u64 {
            d[..n].iter().zip(w).map(|(a, b)| a * b).sum::<u64>() % 11 % 10
        };
        match d.len() {
            10 => Some((check(9, &[2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[9]).then_some(true)),
            12 => Some(
                (check(10, &[7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[10]
                    && check(11, &[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[11])
                    .then_some(false),
            ),
            _ => None,
        }
    });
    assert_eq!(inn.check().ok(), expected_inn.flatten(), "INN `{s}`");

    let ogrn = Ogrn::parse_str(s).expect("an OGRN is kept as text");
    let t = &ogrn.0;
    let expected_ogrn = (t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| {
            let (n, m, company) = match t.len() {
                13 => (12, 11u128, true),
                15 => (14, 13, false),
                _ => return None,
            };
            let body: u128 = t[..n].parse().ok()?;
            let check = u128::from(t.as_bytes()[n] - b'0');
            (body % m % 10 == check).then_some(company)
        })
        .flatten();
    assert_eq!(ogrn.check().ok(), expected_ogrn, "OGRN `{s}`");
}
