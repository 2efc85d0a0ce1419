//! Property tests of the readers of user input (SPEC §6: nothing panics): thousands of
//! mutations of every example and preset `business.toml`, and of the example bot configs,
//! through the library's real parse and lint functions. A mutant either loads or is refused
//! with load errors that each point inside the file; nothing ever panics.
//!
//! The mutations come from a fixed-seed generator, so a failure names its seed and replays
//! exactly. The fuzz targets in `fuzz/` search the same space further, outside CI.

#[path = "support/mutate.rs"]
mod mutate;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use mutate::{Rng, mutate};
use regl::diag::{Diagnostic, Sources};
use regl::i18n::Lang;
use regl::lint::bot::{BotInput, BotState};
use regl::lint::{self, Context};
use regl::model::Loaded;
use regl::model::load::{load, parse};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every example and preset `business.toml`, with its name.
fn configs() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in ["examples", "presets"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(repo().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                if p.is_dir() {
                    p.join("business.toml")
                } else {
                    p
                }
            })
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        for p in paths {
            out.push((p.display().to_string(), std::fs::read(&p).unwrap()));
        }
    }
    assert!(out.len() >= 13, "the examples and presets are there");
    out
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

/// Every label inside its file and on character boundaries, so reporters can slice with it.
#[track_caller]
fn assert_spans(sources: &Sources, diags: &[Diagnostic], what: &str) {
    for d in diags {
        for l in &d.labels {
            assert!(
                sources.fits(l.file, &l.span),
                "{what}: `{}` points at {:?} in {} bytes",
                d.message.en(),
                l.span,
                sources.get(l.file).text.len()
            );
        }
    }
}

/// Loads `text` the way `load` does after reading it, and checks the outcome's shape.
fn check_text(text: &str, what: &str) {
    let mut sources = Sources::default();
    let file = sources.add("business.toml", text.to_owned());
    let outcome = catch_unwind(AssertUnwindSafe(|| parse(text, file)));
    let Ok(result) = outcome else {
        panic!("{what}: parse panicked on:\n{text}");
    };
    match result {
        Err(errors) => {
            assert!(!errors.is_empty(), "{what}: refused without a reason");
            for d in &errors {
                assert!(
                    !d.labels.is_empty(),
                    "{what}: `{}` has no place",
                    d.message.en()
                );
            }
            assert_spans(&sources, &errors, what);
            let shown = catch_unwind(AssertUnwindSafe(|| {
                for lang in [Lang::En, Lang::Ru] {
                    let _ = regl::report::human::render(&sources, &errors, false, lang);
                }
            }));
            assert!(shown.is_ok(), "{what}: printing the load errors panicked");
        }
        Ok(business) => {
            let loaded = Loaded {
                business,
                file,
                path: PathBuf::from("business.toml"),
            };
            let findings = catch_unwind(AssertUnwindSafe(|| {
                let f = lint::config_findings(&loaded, &sources, today());
                let _ = regl::report::human::render(&sources, &f, false, Lang::Ru);
                f
            }));
            let Ok(findings) = findings else {
                panic!("{what}: lint panicked on a file that loads:\n{text}");
            };
            assert_spans(&sources, &findings, what);
        }
    }
}

/// Mutants of every example and preset: the collecting reader never panics and every
/// refusal points inside the file.
#[test]
fn mutated_configs_load_or_are_refused_with_places() {
    let mut rng = Rng::new(0x5EED_0001);
    let mut count = (0, 0, 0);
    for (name, original) in configs() {
        for i in 0..120 {
            let bytes = mutate(&mut rng, &original);
            let what = format!("{name} mutant {i}");
            match String::from_utf8(bytes) {
                Ok(text) => {
                    check_text(&text, &what);
                    count.0 += 1;
                }
                Err(e) => {
                    // The file-reading path: non-UTF-8 is a load error at the first bad byte.
                    check_file(e.as_bytes(), &what);
                    count.1 += 1;
                }
            }
            count.2 += 1;
        }
    }
    assert!(count.2 >= 1500, "{count:?}");
}

/// Non-UTF-8 bytes through `load`, from a real file.
fn check_file(bytes: &[u8], what: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("business.toml");
    std::fs::write(&path, bytes).unwrap();
    let mut sources = Sources::default();
    let outcome = catch_unwind(AssertUnwindSafe(|| load(&path, &mut sources)));
    match outcome {
        Err(panic) => std::panic::resume_unwind(panic),
        Ok(Ok(_)) => panic!("{what}: non-UTF-8 bytes loaded"),
        Ok(Err(errors)) => {
            assert!(errors.iter().all(|d| !d.labels.is_empty()), "{what}");
            assert_spans(&sources, &errors, what);
        }
    }
}

/// Arbitrary bytes, not derived from a valid file: refused, never a panic.
#[test]
fn arbitrary_bytes_are_refused_without_panic() {
    let mut rng = Rng::new(0x5EED_0002);
    for i in 0..300 {
        let len = rng.below(200);
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                // Mostly printable ASCII and TOML punctuation, so the parser goes deep.
                let b = b"ab=[]{}\"'.,#\n 0123456789-:+_tfe";
                if rng.below(8) == 0 {
                    u8::try_from(rng.below(256)).unwrap()
                } else {
                    *rng.pick(b)
                }
            })
            .collect();
        let what = format!("random input {i}");
        match String::from_utf8(bytes) {
            Ok(text) => check_text(&text, &what),
            Err(e) => check_file(e.as_bytes(), &what),
        }
    }
}

/// Mutants of the example bot configs, linted against their business: lint reports, it
/// never panics, and every finding points inside its file.
#[test]
fn mutated_bot_configs_are_findings_not_panics() {
    let mut rng = Rng::new(0x5EED_0003);
    for example in ["salon-ufa-omsk", "clinic-omsk"] {
        let dir = repo().join("examples").join(example);
        let config = std::fs::read_to_string(dir.join("business.toml")).unwrap();
        let mut sources = Sources::default();
        let file = sources.add("business.toml", config.clone());
        let business = parse(&config, file).expect("the example loads");
        let bot_path = business.locations[0].bot_config.as_str().to_owned();
        let original = std::fs::read(dir.join(&bot_path)).unwrap();
        for i in 0..200 {
            let what = format!("{example} bot mutant {i}");
            let Ok(text) = String::from_utf8(mutate(&mut rng, &original)) else {
                continue;
            };
            let mut sources = sources.clone();
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                let state = match lint::json::parse(&text) {
                    Ok(root) => BotState::Parsed {
                        file: sources.add(&bot_path, text.clone()),
                        root,
                    },
                    Err(e) => BotState::Syntax {
                        file: sources.add(&bot_path, text.clone()),
                        span: e.span,
                        message: e.message,
                    },
                };
                let bots = [BotInput {
                    path: PathBuf::from(&bot_path),
                    owner: Some(0),
                    state,
                    upgraded: None,
                    memo: regl::lint::bot::BotMemo::default(),
                }];
                let cx = Context {
                    business: &business,
                    file,
                    sources: &sources,
                    dir: Path::new("."),
                    today: today(),
                    bots: &bots,
                    documents: None,
                };
                let diags = lint::lint(&cx);
                for lang in [Lang::En, Lang::Ru] {
                    let _ = regl::report::human::render(&sources, &diags, false, lang);
                    let _ = regl::report::json::render(&sources, &diags, lang);
                }
                (diags, sources.clone())
            }));
            let Ok((diags, sources)) = outcome else {
                panic!("{what}: lint panicked on:\n{text}");
            };
            assert_spans(&sources, &diags, &what);
        }
    }
}
