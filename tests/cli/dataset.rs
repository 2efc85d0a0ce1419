//! `regl export --dataset`: each provider's file parsed back and checked against the
//! provider's documented structure, the configured system prompt, and the bot's own texts
//! in the exported bot config; counts, determinism, `--location`, `--check`, a bad name.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{regl, repo};

/// A copy of an example's business.toml in a temporary folder.
fn example(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("business.toml");
    fs::copy(
        repo().join("examples").join(name).join("business.toml"),
        &toml,
    )
    .unwrap();
    (dir, toml)
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn lines(path: &Path) -> Vec<Value> {
    read(path)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort_unstable();
    k
}

/// Every string of the bot config, as templates: the texts the bot can say.
fn bot_texts(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| bot_texts(x, out)),
        Value::Object(m) => m.values().for_each(|x| bot_texts(x, out)),
        _ => {}
    }
}

/// Whether `answer` is made of the bot's texts, one after another, each a paragraph (the
/// `{placeholder}`s of a text match what the runtime filled in).
fn made_of_texts(answer: &str, texts: &[regex::Regex]) -> bool {
    let mut rest = answer;
    while !rest.is_empty() {
        let Some(len) = texts
            .iter()
            .filter_map(|re| re.find(rest).map(|m| m.end()))
            .filter(|&end| end == rest.len() || rest[end..].starts_with("\n\n"))
            .max()
        else {
            return false;
        };
        rest = rest[len..].trim_start_matches("\n\n");
    }
    true
}

fn text_patterns(bot: &Value) -> Vec<regex::Regex> {
    let mut texts = Vec::new();
    bot_texts(bot, &mut texts);
    let placeholder = regex::Regex::new(r"\\\{[a-z_]+\\\}").unwrap();
    texts
        .iter()
        .filter(|t| t.chars().count() > 1)
        .map(|t| {
            let escaped = regex::escape(t.trim());
            let pattern = placeholder.replace_all(&escaped, ".+?");
            regex::Regex::new(&format!("^(?s:{pattern})")).unwrap()
        })
        // A re-ask names what the bot accepts, as the reference runtime adds it
        // (docs/bot-runtime.md): the runtime's words around the config's question.
        .chain([
            regex::Regex::new(r"^(Например|For example|Мы работаем|Our hours): [^\n]+\.").unwrap(),
        ])
        .collect()
}

/// Exports the three providers' datasets of `toml` into `out` and returns how many examples
/// each file of `loc` holds, after checking its structure and its texts.
fn export_and_check(toml: &Path, out: &Path, loc: &str) -> [usize; 3] {
    let dir = toml.parent().unwrap();
    for p in ["yandexgpt", "gigachat", "openai"] {
        let o = out.to_str().unwrap();
        regl(dir, &["export", "--dataset", p, "-o", o]).expect_code(0);
    }
    regl(dir, &["export", "-o", out.to_str().unwrap()]).expect_code(0);
    let bot: Value = serde_json::from_str(&read(
        &out.join(loc).join(format!("bot-scripts-{loc}.json")),
    ))
    .unwrap();
    let prompt = bot["assistant"]["system_prompt"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(!prompt.is_empty());
    let patterns = text_patterns(&bot);
    let check_answer = |a: &str| {
        assert!(
            made_of_texts(a, &patterns),
            "not the bot's texts from its config:\n{a}"
        );
    };

    let yandex = lines(&out.join(loc).join(format!("dataset-yandexgpt-{loc}.jsonl")));
    for ex in &yandex {
        assert_eq!(keys(ex), ["request", "response"]);
        let request = ex["request"].as_array().unwrap();
        assert_eq!(request[0]["role"], "system");
        assert_eq!(request[0]["text"], prompt.as_str());
        assert_eq!(request.last().unwrap()["role"], "user");
        for m in request {
            assert_eq!(keys(m), ["role", "text"]);
            let role = m["role"].as_str().unwrap();
            assert!(["system", "user", "assistant"].contains(&role));
            assert!(!m["text"].as_str().unwrap().is_empty());
        }
        check_answer(ex["response"].as_str().unwrap());
        let total: usize = request
            .iter()
            .map(|m| m["text"].as_str().unwrap().len())
            .sum::<usize>()
            + ex["response"].as_str().unwrap().len();
        assert!(total <= 8_000, "over Yandex's 8,000 tokens");
    }

    let giga: Value = serde_json::from_str(&read(
        &out.join(loc).join(format!("dataset-gigachat-{loc}.json")),
    ))
    .unwrap();
    let giga = giga.as_array().expect("GigaChat's file is one JSON array");
    for dialogue in giga {
        let msgs = dialogue.as_array().unwrap();
        assert_eq!(msgs[0]["role"], "system");
        assert_eq!(msgs[0]["content"], prompt.as_str());
        for (i, m) in msgs.iter().enumerate() {
            assert_eq!(keys(m), ["content", "message_index", "role", "trainable"]);
            assert_eq!(m["message_index"], i);
            assert_eq!(
                m["trainable"],
                i == msgs.len() - 1,
                "only the answer trains"
            );
        }
        let last = msgs.last().unwrap();
        assert_eq!(last["role"], "assistant");
        check_answer(last["content"].as_str().unwrap());
    }

    let openai = lines(&out.join(loc).join(format!("dataset-openai-{loc}.jsonl")));
    for ex in &openai {
        assert_eq!(keys(ex), ["messages"]);
        let msgs = ex["messages"].as_array().unwrap();
        assert_eq!(msgs[0]["role"], "system");
        assert_eq!(msgs[0]["content"], prompt.as_str());
        for (i, m) in msgs.iter().enumerate() {
            if m["role"] == "assistant" {
                let w = i32::from(i == msgs.len() - 1);
                assert_eq!(m["weight"], w, "context replies weigh 0, the answer 1");
                check_answer(m["content"].as_str().unwrap());
            } else {
                assert!(m.get("weight").is_none(), "weight is for assistant turns");
            }
        }
        assert_eq!(msgs.last().unwrap()["role"], "assistant");
    }

    // The same exchanges in every provider's file, the same answer in the same place.
    for ((y, g), o) in yandex.iter().zip(giga).zip(&openai) {
        let answer = &y["response"];
        assert_eq!(&g.as_array().unwrap().last().unwrap()["content"], answer);
        assert_eq!(
            &o["messages"].as_array().unwrap().last().unwrap()["content"],
            answer
        );
    }
    [yandex.len(), giga.len(), openai.len()]
}

#[test]
fn every_provider_reads_back_in_its_format_with_the_bots_texts() {
    for (name, loc) in [
        ("salon-ufa-omsk", "ufa"),
        ("clinic-omsk", "omsk"),
        ("fitness-novosibirsk", "novosibirsk"),
    ] {
        let (dir, toml) = example(name);
        let out = dir.path().join("out");
        let [y, g, o] = export_and_check(&toml, &out, loc);
        assert_eq!((y, g), (o, o), "{name}: one master, three files");
        assert!(
            y >= 50,
            "{name}: {y} examples, fewer than tuning starts with"
        );
        assert!(y <= 300 * 20, "{name}: {y}");
    }
}

#[test]
fn the_configured_system_prompt_is_in_every_example_and_the_bot_config() {
    let (dir, toml) = example("clinic-omsk");
    let text = read(&toml).replacen(
        "[bot]\n",
        "[bot]\nsystem_prompt = \"Ты — Дина, ассистент клиники. О здоровье не спрашивай.\"\n",
        1,
    );
    fs::write(&toml, text).unwrap();
    let out = dir.path().join("out");
    export_and_check(&toml, &out, "omsk");
    let bot: Value = serde_json::from_str(&read(&out.join("omsk/bot-scripts-omsk.json"))).unwrap();
    assert_eq!(
        bot["assistant"]["system_prompt"],
        "Ты — Дина, ассистент клиники. О здоровье не спрашивай."
    );
}

#[test]
fn the_built_in_prompt_says_who_what_and_when_a_person_takes_over() {
    let (dir, toml) = example("clinic-omsk");
    let out = dir.path().join("out");
    regl(dir.path(), &["export"]).expect_code(0);
    let _ = toml;
    let bot: Value = serde_json::from_str(&read(&out.join("omsk/bot-scripts-omsk.json"))).unwrap();
    let prompt = bot["assistant"]["system_prompt"].as_str().unwrap();
    for needle in [
        "Ты — Дина",
        "записываешь на приём",
        "передай диалог администратору",
        "Никогда не спрашивай о симптомах",
        "103 или 112",
    ] {
        assert!(prompt.contains(needle), "{needle} not in {prompt}");
    }
    let (dir, _) = example("salon-ufa-omsk");
    regl(dir.path(), &["export"]).expect_code(0);
    let bot: Value =
        serde_json::from_str(&read(&dir.path().join("out/ufa/bot-scripts-ufa.json"))).unwrap();
    let prompt = bot["assistant"]["system_prompt"].as_str().unwrap();
    assert!(prompt.contains("передай диалог администратору"));
    assert!(
        !prompt.contains("симптом"),
        "a salon is not special-category"
    );
}

#[test]
fn no_phone_but_the_test_clients_and_the_locations_own() {
    let (dir, _) = example("salon-ufa-omsk");
    regl(dir.path(), &["export", "--dataset", "openai"]).expect_code(0);
    let text = read(&dir.path().join("out/ufa/dataset-openai-ufa.jsonl"));
    let phone = regex::Regex::new(r"\+7[\d\s()\-]{9,}\d").unwrap();
    let mut seen: Vec<&str> = phone.find_iter(&text).map(|m| m.as_str()).collect();
    seen.sort_unstable();
    seen.dedup();
    assert!(!seen.is_empty());
    for p in seen {
        assert!(
            p == "+7 913 000-00-01" || p == "+7 347 200-45-10",
            "a phone that is neither the test client's nor Ufa's own: {p}"
        );
    }
}

#[test]
fn deterministic_per_location_checkable_and_a_bad_provider_is_named() {
    let (dir, _) = example("salon-ufa-omsk");
    let d = dir.path();
    let first = regl(
        d,
        &["export", "--dataset", "gigachat", "--location", "omsk"],
    )
    .expect_code(0);
    assert!(first.stdout.contains("wrote "), "{}", first.stdout);
    assert!(d.join("out/omsk/dataset-gigachat-omsk.json").is_file());
    assert!(!d.join("out/ufa").exists(), "--location omsk wrote Ufa's");
    let bytes = fs::read(d.join("out/omsk/dataset-gigachat-omsk.json")).unwrap();
    let again = regl(
        d,
        &["export", "--dataset", "gigachat", "--location", "omsk"],
    )
    .expect_code(0);
    assert!(!again.stdout.contains("wrote "), "{}", again.stdout);
    assert_eq!(
        fs::read(d.join("out/omsk/dataset-gigachat-omsk.json")).unwrap(),
        bytes
    );
    regl(
        d,
        &[
            "export",
            "--dataset",
            "gigachat",
            "--check",
            "--location",
            "omsk",
        ],
    )
    .expect_code(0);
    let stale = regl(d, &["export", "--dataset", "gigachat", "--check"]).expect_code(1);
    assert!(stale.stderr.contains("would change: "), "{}", stale.stderr);

    let bad = regl(d, &["export", "--dataset", "gigachad"]).expect_code(2);
    assert!(
        bad.stderr
            .contains("unknown dataset provider `gigachad` (did you mean `gigachat`?)"),
        "{}",
        bad.stderr
    );
    assert!(!d.join("out/ufa").exists());
    let ru = crate::common::regl_env(
        d,
        &["export", "--dataset", "yandex"],
        &[("REGL_LANG", "ru")],
    )
    .expect_code(2);
    assert!(
        ru.stderr
            .contains("неизвестный поставщик датасета `yandex`"),
        "{}",
        ru.stderr
    );
}
