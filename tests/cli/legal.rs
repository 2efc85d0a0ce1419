//! What a lawyer and a salon manager found in the rendered documents (the legal and
//! operations review, 37 defects), each held fixed by meaning: the text of every business
//! where the defect applied — the three examples and a fresh business of each of the five
//! segments in both languages — is read back from the .docx files and the bot scripts and
//! checked for the fixed behaviour, with a pattern the old text failed.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::common::{regl, repo};

const SEGMENTS: [&str; 5] = ["salon", "clinic", "fitness", "education", "other"];

/// One business, rendered and exported once for every test.
pub struct Rendered {
    /// `example:clinic-omsk`, `preset:salon.en`.
    pub name: String,
    pub segment: String,
    pub lang: String,
    pub dir: PathBuf,
    pub out: PathBuf,
    /// Location ids, in the config's order.
    pub locations: Vec<String>,
    /// The business processes health data (a clinic here).
    pub special: bool,
}

struct Corpus {
    // Kept alive for the whole run: the folders live as long as the tests.
    _dirs: Vec<tempfile::TempDir>,
    businesses: Vec<Rendered>,
}

fn render_and_export(dir: &Path) -> PathBuf {
    let out = dir.join("out");
    let out_s = out.to_str().unwrap();
    regl(dir, &["render", "-o", out_s, "--format", "docx,xlsx,md"]).expect_code(0);
    regl(dir, &["export", "-o", out_s]).expect_code(0);
    out
}

fn locations_of(dir: &Path) -> Vec<String> {
    let text = fs::read_to_string(dir.join("business.toml")).unwrap();
    let value: toml::Table = toml::from_str(&text).unwrap();
    value["locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_owned())
        .collect()
}

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let mut dirs = Vec::new();
        let mut businesses = Vec::new();
        for (example, segment) in [
            ("salon-ufa-omsk", "salon"),
            ("clinic-omsk", "clinic"),
            ("fitness-novosibirsk", "fitness"),
        ] {
            let dir = tempfile::tempdir().unwrap();
            fs::copy(
                repo().join("examples").join(example).join("business.toml"),
                dir.path().join("business.toml"),
            )
            .unwrap();
            let out = render_and_export(dir.path());
            businesses.push(Rendered {
                name: format!("example:{example}"),
                segment: segment.to_owned(),
                lang: "ru".to_owned(),
                dir: dir.path().to_owned(),
                out,
                locations: locations_of(dir.path()),
                special: segment == "clinic",
            });
            dirs.push(dir);
        }
        for segment in SEGMENTS {
            for lang in ["ru", "en"] {
                let dir = tempfile::tempdir().unwrap();
                let (name, city) = match lang {
                    "ru" => ("Студия «Заря»", "Казань"),
                    _ => ("Lada Beauty", "Kazan"),
                };
                regl(
                    dir.path(),
                    &[
                        "init",
                        "--name",
                        name,
                        "--city",
                        city,
                        "--segment",
                        segment,
                        "--lang",
                        lang,
                    ],
                )
                .expect_code(0);
                let out = render_and_export(dir.path());
                businesses.push(Rendered {
                    name: format!("preset:{segment}.{lang}"),
                    segment: segment.to_owned(),
                    lang: lang.to_owned(),
                    dir: dir.path().to_owned(),
                    out,
                    locations: locations_of(dir.path()),
                    special: segment == "clinic",
                });
                dirs.push(dir);
            }
        }
        Corpus {
            _dirs: dirs,
            businesses,
        }
    })
}

/// Every business of the corpus.
pub fn all() -> &'static [Rendered] {
    &corpus().businesses
}

/// The text of a Word document in body order, one paragraph or table cell per line, header
/// and footer after it; non-breaking spaces and hyphens kept as they are.
pub fn docx_raw(path: &Path) -> String {
    let file = fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut out = String::new();
    for part in ["word/document.xml", "word/header1.xml", "word/footer1.xml"] {
        let Ok(mut entry) = zip.by_name(part) else {
            continue;
        };
        let mut xml = String::new();
        entry.read_to_string(&mut xml).unwrap();
        let xml = xml.replace("</w:p>", "\n");
        let mut in_tag = false;
        for ch in xml.chars() {
            match ch {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.push('\n');
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
}

/// [`docx_raw`] with non-breaking spaces, hyphens and word joiners read as plain ones, for
/// checks of meaning rather than of typography.
pub fn plain(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
        .replace('\u{2011}', "-")
        .replace('\u{2060}', "")
}

/// A part of a package, as XML.
pub fn docx_part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

impl Rendered {
    pub fn ru(&self) -> bool {
        self.lang == "ru"
    }

    /// The plain text of an output file, by its path under `out`.
    pub fn text(&self, rel: &str) -> String {
        plain(&docx_raw(&self.out.join(rel)))
    }

    /// The plain text of a per-location document of `loc`: `("lead-handling", "omsk")`. For a
    /// business in English, a consumer document's English copy (the original is Russian).
    pub fn doc(&self, stem: &str, loc: &str) -> String {
        if !self.ru() && stem == "cancellation-policy" {
            return self.text(&format!("{loc}/{stem}-{loc}.en.docx"));
        }
        self.text(&format!("{loc}/{stem}-{loc}.docx"))
    }

    /// The plain text of an operator's document (`pd-policy.docx`): in the business's
    /// language, which for English is the copy beside the Russian original.
    pub fn operator_doc(&self, name: &str) -> String {
        if self.ru() {
            self.text(name)
        } else {
            self.text(&name.replace(".docx", ".en.docx"))
        }
    }

    /// Every location's text of a per-location document, with its location.
    pub fn docs(&self, stem: &str) -> Vec<(String, String)> {
        self.locations
            .iter()
            .map(|l| (l.clone(), self.doc(stem, l)))
            .collect()
    }

    /// The exported bot scripts of `loc`.
    pub fn bot(&self, loc: &str) -> serde_json::Value {
        let path = self.out.join(loc).join(format!("bot-scripts-{loc}.json"));
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap()
    }

    /// Every bot config of the business, with its location.
    pub fn bots(&self) -> Vec<(String, serde_json::Value)> {
        self.locations
            .iter()
            .map(|l| (l.clone(), self.bot(l)))
            .collect()
    }

    /// Whether a file exists under `out`.
    pub fn has(&self, rel: &str) -> bool {
        self.out.join(rel).is_file()
    }
}

/// Picks the text of the business's language.
pub fn by_lang<'a>(b: &Rendered, ru: &'a str, en: &'a str) -> &'a str {
    if b.ru() { ru } else { en }
}

/// Every string value under `v`.
pub fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

#[track_caller]
pub fn has(text: &str, needle: &str, what: &str) {
    assert!(text.contains(needle), "{what} lacks «{needle}»:\n{text}");
}

#[track_caller]
pub fn lacks(text: &str, needle: &str, what: &str) {
    assert!(
        !text.contains(needle),
        "{what} still says «{needle}»:\n{text}"
    );
}

// ---- A. Health data and medical secrecy --------------------------------------------------

/// Defect 1: the bot asks patients not to describe symptoms and points to the phone and
/// 103/112 before its first question, in every greeting and consent request.
#[test]
fn d01_the_bot_asks_patients_not_to_describe_symptoms() {
    for b in all().iter().filter(|b| b.special) {
        for (loc, bot) in b.bots() {
            let what = format!("{} {loc} greeting", b.name);
            let greeting = bot["greeting"]["say"].as_str().unwrap();
            has(
                greeting,
                by_lang(
                    b,
                    "не описывайте в чате симптомы",
                    "don't describe symptoms",
                ),
                &what,
            );
            has(greeting, "103", &what);
            has(greeting, "112", &what);
            let consent = bot["consent"]["text"].as_str().unwrap();
            has(
                consent,
                by_lang(
                    b,
                    "не описывайте в чате симптомы",
                    "don't describe symptoms",
                ),
                &format!("{} {loc} consent request", b.name),
            );
        }
    }
    // Elsewhere the bot does not talk of symptoms at all.
    for b in all().iter().filter(|b| !b.special) {
        for (loc, bot) in b.bots() {
            let greeting = bot["greeting"]["say"].as_str().unwrap();
            lacks(greeting, "103", &format!("{} {loc} greeting", b.name));
        }
    }
}

/// Defect 1: the policy says what happens to health data a client volunteers in a chat, and
/// the notifications carry the reason without the message (every business whose keywords
/// name a symptom, or that processes health data).
#[test]
fn d01_volunteered_health_data_stay_out_of_tasks_and_alerts() {
    for b in all() {
        let policy = policy_text(b);
        for (loc, bot) in b.bots() {
            let keywords: Vec<String> = bot["escalation"]["keywords"]
                .as_array()
                .unwrap()
                .iter()
                .map(|k| k.as_str().unwrap().to_owned())
                .collect();
            let health = b.special
                || keywords.iter().any(|k| {
                    [
                        "боль",
                        "аллерг",
                        "травм",
                        "плохо себя",
                        "pain",
                        "allerg",
                        "injur",
                        "unwell",
                    ]
                    .iter()
                    .any(|s| k.contains(s))
                });
            let reason = bot["escalation"]["reasons"]["keyword"].as_str().unwrap();
            if health {
                lacks(
                    reason,
                    "{keyword}",
                    &format!("{} {loc} keyword reason", b.name),
                );
                has(
                    &policy,
                    by_lang(b, "без текста сообщения", "not the message"),
                    &format!("{} policy", b.name),
                );
            }
            let mut texts = Vec::new();
            strings(&bot["escalation"]["messages"], &mut texts);
            for t in &texts {
                lacks(
                    t,
                    "{keyword}",
                    &format!("{} {loc} escalation message", b.name),
                );
            }
        }
    }
}

/// The policy of a business: the operator's when there is one, else the first location's.
pub fn policy_text(b: &Rendered) -> String {
    b.operator_doc("pd-policy.docx")
}

/// The chat consent of a business: the operator's when there is one, else the first
/// location's.
pub fn consent_text(b: &Rendered) -> String {
    b.operator_doc("pd-consent.docx")
}

/// Defects 1 and 8: the escalation rules put no chat text into the task and quote the
/// bot's own alerts, which carry no client words.
#[test]
fn d01_d08_escalation_tasks_do_not_copy_the_dialogue() {
    for b in all() {
        for (loc, rules) in b.docs("ai-escalation-rules") {
            let what = format!("{} {loc} escalation rules", b.name);
            lacks(
                &rules,
                by_lang(b, "последние сообщения", "last messages"),
                &what,
            );
            has(
                &rules,
                by_lang(
                    b,
                    "Текст переписки в задачу не копируется",
                    "The conversation is not copied into the task",
                ),
                &what,
            );
        }
    }
}

/// Defect 2: for a business that processes health data, no reminder and no survey names the
/// service or the business (medical secrecy); the SOP quotes the same reminders.
#[test]
fn d02_reminders_do_not_disclose_the_service() {
    for b in all().iter().filter(|b| b.special) {
        for (loc, bot) in b.bots() {
            let mut texts = Vec::new();
            strings(&bot["reminders"]["texts"], &mut texts);
            strings(&bot["nps"], &mut texts);
            let business = bot["assistant"]["business"].as_str().unwrap().to_owned();
            for t in &texts {
                let what = format!("{} {loc} reminder or survey «{t}»", b.name);
                lacks(t, "{service}", &what);
                lacks(t, &business, &what);
            }
            let sop = b.doc("lead-handling", &loc);
            lacks(
                &sop,
                by_lang(b, "услуга — {услуга}", "service: {service}"),
                &format!("{} {loc} SOP", b.name),
            );
        }
    }
}

/// Defect 9: the written consent is a form of its own, complete in itself: operator,
/// subject, representative, the health data, purpose, processors with their addresses,
/// actions, term, withdrawal, the legal basis, signatures — and no reference to other
/// sections of another document.
#[test]
fn d09_the_written_consent_is_a_self_contained_form() {
    for b in all() {
        let form = "pd-consent-written.docx";
        if !b.special {
            assert!(!b.has(form), "{}: no health data, no written form", b.name);
            continue;
        }
        assert!(b.has(form), "{}: the written form is missing", b.name);
        let text = b.operator_doc(form);
        let what = format!("{} written consent", b.name);
        let ru = b.ru();
        for needle in if ru {
            [
                "ИНН",
                "Законный представитель",
                "Документ, подтверждающий полномочия",
                "Цель обработки",
                "Действия с данными",
                "Срок действия",
                "Отзыв согласия",
                "п. 1 ч. 2 ст. 10",
                "Подпись",
                "Дата",
                "не передаются в мессенджеры",
            ]
        } else {
            [
                "INN",
                "Legal representative",
                "Document giving the authority",
                "Purpose",
                "Actions",
                "Term",
                "Withdrawal",
                "art. 10 part 2 item 1",
                "Signature",
                "Date",
                "not sent to messengers",
            ]
        } {
            has(&text, needle, &what);
        }
        lacks(
            &text,
            by_lang(b, "как указано в разделах", "as set out in sections"),
            &what,
        );
        lacks(&text, "ч. 1 ст. 10", &what);
        // The form carries no document control of the organisation's copy.
        lacks(
            &text,
            by_lang(b, "Лист регистрации изменений", "Revision history"),
            &what,
        );
        // The chat consent no longer carries a form of its own.
        let consent = consent_text(b);
        lacks(
            &consent,
            by_lang(b, "Заполняет Клиент", "Completed by the Client"),
            &format!("{} chat consent", b.name),
        );
    }
}

/// Defect 36 (the form): rows tall enough to write in, the column written in at least 40 %
/// of the width.
#[test]
fn d09_d36_the_form_can_be_filled_in_with_a_pen() {
    for b in all().iter().filter(|b| b.special) {
        let xml = docx_part(&b.out.join("pd-consent-written.docx"), "word/document.xml");
        let heights: Vec<u32> = xml
            .split("<w:trHeight w:val=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap().parse().unwrap())
            .collect();
        assert!(
            heights.len() >= 10,
            "{}: rows to fill in: {heights:?}",
            b.name
        );
        // 1 cm is 567 twips.
        assert!(heights.iter().all(|h| *h >= 567), "{}: {heights:?}", b.name);
        for grid in xml.split("<w:tblGrid>").skip(1) {
            let cols: Vec<u32> = grid
                .split("</w:tblGrid>")
                .next()
                .unwrap()
                .split("w:w=\"")
                .skip(1)
                .map(|s| s.split('"').next().unwrap().parse().unwrap())
                .collect();
            let total: u32 = cols.iter().sum();
            if cols.len() == 2 {
                assert!(cols[1] * 100 >= total * 40, "{}: grid {cols:?}", b.name);
            }
        }
    }
}

/// Defect 10: the written consent allows health data for one purpose, names the processors
/// that get them (in Russia, with an address), and rules out messengers, SMS and the AI.
#[test]
fn d10_health_data_go_to_one_purpose_and_named_processors() {
    for b in all().iter().filter(|b| b.special) {
        let text = b.operator_doc("pd-consent-written.docx");
        let what = format!("{} written consent", b.name);
        lacks(
            &text,
            by_lang(b, "в той мере, в какой", "to the extent"),
            &what,
        );
        has(
            &text,
            by_lang(
                b,
                "Для других целей эти сведения не используются",
                "not used for any other purpose",
            ),
            &what,
        );
        has(
            &text,
            by_lang(
                b,
                "SMS-рассылок и ИИ-сервис",
                "SMS services or the AI service",
            ),
            &what,
        );
        // Reminders by channel, chosen by the patient.
        has(&text, "☐", &what);
    }
    let clinic = all()
        .iter()
        .find(|b| b.name == "example:clinic-omsk")
        .unwrap();
    let text = clinic.text("pd-consent-written.docx");
    has(&text, "ООО «Яндекс.Облако»", "the clinic's written consent");
    has(&text, "ул. Льва Толстого", "the clinic's written consent");
    lacks(&text, "GigaChat", "the clinic's written consent");
    lacks(&text, "WhatsApp (Meta)", "the clinic's written consent");
}

/// Defect 21: the escalation rules say how keywords match (by stem, not by substring), and a
/// clinic's keywords include the common phrasings.
#[test]
fn d21_keywords_match_by_stem_and_cover_the_usual_wording() {
    for b in all() {
        for (loc, rules) in b.docs("ai-escalation-rules") {
            let what = format!("{} {loc} escalation rules", b.name);
            has(
                &rules,
                by_lang(b, "по основе слова", "by their stem"),
                &what,
            );
            if b.ru() {
                has(&rules, "«боль» не срабатывает на «больше»", &what);
            }
        }
        if b.special {
            for (loc, bot) in b.bots() {
                let keywords = bot["escalation"]["keywords"].to_string();
                for k in by_lang(b, "болит опух кровь", "hurts swollen blood").split(' ')
                {
                    has(&keywords, k, &format!("{} {loc} keywords", b.name));
                }
            }
        }
    }
}

/// P208: a health-data business whose bot config names the service in a reminder or quotes
/// the keyword in a notification is an error; a free-text comment is a warning.
#[test]
fn p208_health_data_in_bot_texts_is_a_finding() {
    let dir = tempfile::tempdir().unwrap();
    let src = repo().join("examples/clinic-omsk");
    let toml = fs::read_to_string(src.join("business.toml")).unwrap();
    let toml = toml.replace(
        "qualification = [\"name\", \"phone\", \"service\", \"preferred_time\"]",
        "qualification = [\"name\", \"phone\", \"service\", \"preferred_time\", \"comment\"]",
    );
    fs::write(dir.path().join("business.toml"), toml).unwrap();
    fs::create_dir_all(dir.path().join("bot")).unwrap();
    let bot = fs::read_to_string(src.join("bot/omsk.json")).unwrap();
    let planted = bot.replacen(
        "{client_name}, ждём вас через",
        "{client_name}, ждём вас на «{service}» через",
        1,
    );
    let planted = planted.replacen(
        "\"keyword\": \"",
        "\"keyword\": \"клиент написал «{keyword}»; ",
        1,
    );
    assert_ne!(planted, bot, "the plant took");
    fs::write(dir.path().join("bot/omsk.json"), planted).unwrap();
    let run = regl(dir.path(), &["lint", "--format", "json"]);
    let findings: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let p208: Vec<&serde_json::Value> = findings
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "P208")
        .collect();
    let errors = p208.iter().filter(|f| f["severity"] == "error").count();
    let warnings = p208.iter().filter(|f| f["severity"] == "warning").count();
    assert!(errors >= 2, "{p208:#?}");
    assert_eq!(warnings, 1, "{p208:#?}");
    // The examples' own bot configs are clean.
    let clean = regl(&src, &["lint", "--format", "json"]);
    assert!(!clean.stdout.contains("P208"), "{}", clean.stdout);
}

/// Every .docx of every business passes the schema validator when it is installed.
#[test]
fn every_document_of_the_corpus_passes_the_schema() {
    let tool = Path::new("/work/shared/tools/validate-docx");
    if !tool.exists() {
        return;
    }
    let mut files = Vec::new();
    for b in all() {
        let mut stack = vec![b.out.clone()];
        while let Some(d) = stack.pop() {
            for e in fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "docx") {
                    files.push(p);
                }
            }
        }
    }
    let mut failures = BTreeMap::new();
    for f in files {
        let out = std::process::Command::new(tool).arg(&f).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        if !text.contains("TOTAL violations: 0") {
            failures.insert(f.display().to_string(), text);
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

// ---- B. Processors and transfers ---------------------------------------------------------

/// The text between two markers, or to the end.
pub fn between<'t>(text: &'t str, from: &str, to: &str) -> &'t str {
    let Some(start) = text.find(from) else {
        return "";
    };
    let rest = &text[start..];
    rest.find(to).map_or(rest, |end| &rest[..end])
}

/// Defect 3: messengers are not called processors under contract; the processors are, with
/// the ч. 3 ст. 6 clause in full.
#[test]
fn d03_messengers_are_not_processors_and_the_clause_is_complete() {
    for b in all() {
        let policy = policy_text(b);
        let what = format!("{} policy", b.name);
        let (h1, h2) = if b.ru() {
            ("Лица, которым Оператор поручил обработку", "Сервисы связи")
        } else {
            ("Companies the Operator instructs", "Communication services")
        };
        let instructed = between(&policy, h1, h2);
        assert!(
            !instructed.is_empty(),
            "{what}: no processors' section:\n{policy}"
        );
        for messenger in ["WhatsApp", "Telegram", "Instagram", "ВКонтакте"] {
            lacks(
                instructed,
                messenger,
                &format!("{what}, processors under instruction"),
            );
        }
        for needle in if b.ru() {
            [
                "ч. 5 ст. 18",
                "по его запросу документы",
                "ч. 3.1 ст. 21",
                "Оператор не поручает этим компаниям",
            ]
        } else {
            [
                "art. 18 part 5",
                "on request the documents",
                "art. 21 part 3.1",
                "does not instruct these companies",
            ]
        } {
            has(&policy, needle, &what);
        }
        let consent = consent_text(b);
        has(
            &consent,
            by_lang(
                b,
                "Оператор ей обработку не поручает",
                "the Operator does not instruct it",
            ),
            &format!("{} consent", b.name),
        );
    }
}

/// Defect 3 (lint): a messenger declared as a processor under instruction is a P202 error.
#[test]
fn d03_p202_a_messenger_under_instruction_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let toml = fs::read_to_string(repo().join("examples/salon-ufa-omsk/business.toml")).unwrap();
    let toml = toml.replacen(
        "country = \"AE\", basis = \"independent\"",
        "country = \"AE\", basis = \"instruction\"",
        1,
    );
    fs::write(dir.path().join("business.toml"), toml).unwrap();
    let run = regl(dir.path(), &["lint", "--format", "json"]);
    assert!(
        run.stdout.contains("\"P202\"") && run.stdout.contains("under the operator's instruction"),
        "{}",
        run.stdout
    );
}

/// Defect 4: duty alerts that leave the CRM carry the card link and the reason, never the
/// client's name, phone or words; P210 reports a bot config that does.
#[test]
fn d04_duty_alerts_carry_no_client_data() {
    for b in all() {
        for (loc, bot) in b.bots() {
            for key in ["telegram", "sms", "email"] {
                let text = bot["escalation"]["notifications"][key].as_str().unwrap();
                for p in ["{client_name}", "{client_phone}", "{keyword}"] {
                    lacks(text, p, &format!("{} {loc} {key} alert", b.name));
                }
                assert!(
                    text.contains("{lead_url}") || text.contains("{task_url}"),
                    "{} {loc} {key} alert links no card or task: {text}",
                    b.name
                );
            }
        }
        for (loc, rules) in b.docs("ai-escalation-rules") {
            lacks(
                &rules,
                by_lang(
                    b,
                    "триггер, имя клиента, канал",
                    "the client's name, the channel",
                ),
                &format!("{} {loc} escalation rules", b.name),
            );
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let src = repo().join("examples/fitness-novosibirsk");
    fs::copy(src.join("business.toml"), dir.path().join("business.toml")).unwrap();
    fs::create_dir_all(dir.path().join("bot")).unwrap();
    let bot = fs::read_to_string(src.join("bot/novosibirsk.json")).unwrap();
    let planted = bot.replacen(
        "Карточка: {lead_url}",
        "Клиент: {client_name}, {client_phone}. Карточка: {lead_url}",
        1,
    );
    assert_ne!(planted, bot);
    fs::write(dir.path().join("bot/novosibirsk.json"), planted).unwrap();
    let run = regl(dir.path(), &["lint", "--format", "json"]);
    assert!(run.stdout.contains("\"P210\""), "{}", run.stdout);
}

/// Defect 5: the localisation sentence is true for messenger channels.
#[test]
fn d05_the_localisation_sentence_holds_for_messengers() {
    for b in all() {
        let policy = policy_text(b);
        let what = format!("{} policy", b.name);
        lacks(
            &policy,
            by_lang(
                b,
                "сначала записываются в эти базы",
                "first recorded in these databases",
            ),
            &what,
        );
        has(
            &policy,
            by_lang(
                b,
                "хранит провайдер мессенджера по своим правилам",
                "provider under its own terms",
            ),
            &what,
        );
    }
}

/// Defect 11: the policy states the register number instead of asserting a notice, says
/// that a new location means amending the notice, and a business without the number has a
/// to-do that render counts and lint lists.
#[test]
fn d11_the_roskomnadzor_notice_is_stated_not_assumed() {
    for b in all() {
        let policy = policy_text(b);
        let what = format!("{} policy", b.name);
        lacks(
            &policy,
            by_lang(
                b,
                "Оператор уведомил Роскомнадзор о намерении",
                "notified Roskomnadzor of its intention",
            ),
            &what,
        );
        has(&policy, by_lang(b, "ч. 7 ст. 22", "art. 22 part 7"), &what);
        has(
            &policy,
            by_lang(
                b,
                "реестре операторов",
                "register of personal data operators",
            ),
            &what,
        );
        if b.name.starts_with("example:") {
            assert!(
                policy.contains("-26-0"),
                "{what}: the register number is printed:\n{policy}"
            );
        }
    }
    let b = all().iter().find(|b| b.name == "preset:salon.ru").unwrap();
    let run = regl(&b.dir, &["lint", "--format", "json"]);
    for code in ["T122", "T123", "T121"] {
        assert!(
            run.stdout.contains(&format!("\"{code}\"")),
            "{code}: {}",
            run.stdout
        );
    }
    assert_eq!(run.code, 0, "to-dos never fail lint: {}", run.stdout);
    let render = regl(&b.dir, &["render", "-o", "out2"]).expect_code(0);
    assert!(
        render.stderr.contains("to-dos before publishing"),
        "{}",
        render.stderr
    );
}

/// Defect 13: the examples publish the officer with a work number; a name with a mobile is
/// a P209 reminder; a fresh business publishes the role and its contacts only.
#[test]
fn d13_the_pd_officers_personal_mobile_is_not_published() {
    for b in all() {
        let policy = policy_text(b);
        let row = between(
            &policy,
            by_lang(b, "Ответственный за организацию", "Person responsible"),
            by_lang(b, "Регистрационный номер", "Number in the register"),
        );
        assert!(!row.is_empty(), "{}: {policy}", b.name);
        // A name is published only with a work number.
        let lint = regl(&b.dir, &["lint", "--format", "json"]);
        assert!(
            !lint.stdout.contains("\"P209\""),
            "{}: {}",
            b.name,
            lint.stdout
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let toml = fs::read_to_string(repo().join("examples/clinic-omsk/business.toml")).unwrap();
    let toml = toml.replacen("+7 3812 21-48-61", "+7 913 978-14-52", 1);
    fs::write(dir.path().join("business.toml"), toml).unwrap();
    let run = regl(dir.path(), &["lint", "--format", "json"]);
    assert!(run.stdout.contains("\"P209\""), "{}", run.stdout);
    let clean = regl(
        &repo().join("examples/clinic-omsk"),
        &["lint", "--format", "json"],
    );
    assert!(!clean.stdout.contains("\"P209\""), "{}", clean.stdout);
}

// ---- C. Purposes -------------------------------------------------------------------------

/// Defect 6: each purpose has its own legal basis — the booking the contract, complaints a
/// legal duty, the survey consent — and its retention runs from the event that ends it; the
/// bot books whoever declines the optional consent.
#[test]
fn d06_purposes_rest_on_their_own_bases() {
    for b in all() {
        let policy = policy_text(b);
        let what = format!("{} policy", b.name);
        let ru = b.ru();
        for needle in if ru {
            [
                "п. 5 ч. 1 ст. 6",
                "п. 2 ч. 1 ст. 6",
                "п. 1 ч. 1 ст. 6",
                "после закрытия обращения",
                "отказ от него не влияет на запись",
            ]
        } else {
            [
                "art. 6 part 1 item 5",
                "art. 6 part 1 item 2",
                "art. 6 part 1 item 1",
                "after the request is closed",
                "refusing it does not affect booking",
            ]
        } {
            has(&policy, needle, &what);
        }
        has(
            &policy,
            if !ru {
                "after the last"
            } else if b.segment == "clinic" {
                "после последнего приёма"
            } else {
                "после последнего визита"
            },
            &what,
        );
        lacks(
            &policy,
            by_lang(
                b,
                "с момента получения согласия или до его отзыва",
                "from consent, or until it is withdrawn",
            ),
            &what,
        );
        for (loc, bot) in b.bots() {
            let what = format!("{} {loc} bot", b.name);
            let declined = bot["consent"]["declined"].as_str().unwrap();
            lacks(
                declined,
                by_lang(b, "записать онлайн не получится", "can't book you online"),
                &what,
            );
            assert_eq!(bot["consent"]["before"], serde_json::json!([]), "{what}");
            let steps = bot["branches"][0]["steps"].as_array().unwrap();
            let asks: Vec<&str> = steps.iter().filter_map(|s| s["ask"].as_str()).collect();
            assert_eq!(asks.last(), Some(&"consent"), "{what}: {asks:?}");
            assert_eq!(steps.last().unwrap()["action"], "book", "{what}");
        }
    }
}

/// Defect 7: one table per purpose with its subjects, data, basis, retention and
/// destruction; the categories the documents themselves use (chat ids, payments, legal
/// representatives) are listed; the title says whose data it covers.
#[test]
fn d07_one_table_per_purpose_with_its_own_data() {
    for b in all() {
        let policy = policy_text(b);
        let what = format!("{} policy", b.name);
        let rows = policy
            .matches(by_lang(b, "Правовое основание", "Legal ground"))
            .count();
        assert!(rows >= 4, "{what}: {rows} purposes");
        for needle in if b.ru() {
            [
                "Порядок уничтожения",
                "Категории субъектов",
                "идентификатор чата",
                "законные представители",
            ]
        } else {
            [
                "Destruction",
                "Data subjects",
                "chat id",
                "legal representatives",
            ]
        } {
            has(&policy, needle, &what);
        }
        has(
            &policy,
            by_lang(
                b,
                "Политика в отношении обработки персональных данных",
                "Policy on the Processing of",
            ),
            &what,
        );
        lacks(
            &policy,
            by_lang(
                b,
                "Для каждой из этих целей обрабатываются",
                "For each of these purposes",
            ),
            &what,
        );
    }
}

/// Defect 8: the chat retention the documents promise holds: the escalation task copies no
/// dialogue and the log without text is kept for a year (defect 22 too).
#[test]
fn d08_d22_the_log_outlives_the_review_and_keeps_no_dialogue() {
    for b in all() {
        for (loc, rules) in b.docs("ai-escalation-rules") {
            let what = format!("{} {loc} escalation rules", b.name);
            has(
                &rules,
                by_lang(b, "Журнал хранится 1 год", "The log is kept for 1 year"),
                &what,
            );
            lacks(
                &rules,
                by_lang(
                    b,
                    "Журнал и переписка хранятся",
                    "The log and the transcripts are kept",
                ),
                &what,
            );
        }
        let policy = policy_text(b);
        has(
            &policy,
            by_lang(
                b,
                "журнал эскалаций без текста переписки — 1 год",
                "the escalation log, without the conversations, for 1 year",
            ),
            &format!("{} policy", b.name),
        );
    }
}

/// Defect 12: the protection measure says what was meant: the access tokens are kept out of
/// documents and configuration, not the personal data.
#[test]
fn d12_the_protection_measure_is_about_access_tokens() {
    for b in all() {
        let policy = policy_text(b);
        let what = format!("{} policy", b.name);
        lacks(&policy, "данные не записываются в документы", &what);
        has(
            &policy,
            by_lang(b, "ключи доступа (токены)", "access keys (tokens)"),
            &what,
        );
    }
}

/// Defect 27: one operator, one policy and one consent, naming every location.
#[test]
fn d27_one_policy_and_consent_per_operator() {
    for b in all() {
        assert!(
            b.has("pd-policy.docx") && b.has("pd-consent.docx"),
            "{}",
            b.name
        );
        for loc in &b.locations {
            assert!(
                !b.has(&format!("{loc}/pd-policy-{loc}.docx")),
                "{} {loc}",
                b.name
            );
            assert!(
                !b.has(&format!("{loc}/pd-consent-{loc}.docx")),
                "{} {loc}",
                b.name
            );
        }
    }
    let salon = all()
        .iter()
        .find(|b| b.name == "example:salon-ufa-omsk")
        .unwrap();
    let policy = salon.text("pd-policy.docx");
    has(
        &policy,
        "в том числе в филиалах: г. Уфа, ул. Ленина, д. 10; г. Омск, пр. Карла Маркса, д. 24",
        "the salon's policy",
    );
}

// ---- D. The SOP and the escalation rules as staff read them -------------------------------

/// The strings of a workbook (its shared strings), one per line.
pub fn xlsx_strings(path: &Path) -> String {
    let xml = docx_part(path, "xl/sharedStrings.xml").replace("</si>", "\n");
    let mut out = String::new();
    let mut in_tag = false;
    for ch in xml.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    plain(&out.replace("&amp;", "&").replace("&quot;", "\""))
}

/// A bot text as the documents quote it: placeholders in words.
fn quoted(b: &Rendered, text: &str) -> String {
    let pairs: &[(&str, &str, &str)] = &[
        ("client_name", "имя", "name"),
        ("client_phone", "телефон", "phone"),
        ("service", "услуга", "service"),
        ("visit_date", "дата", "date"),
        ("visit_time", "время", "time"),
        ("keyword", "ключевое слово", "keyword"),
        ("reason", "причина эскалации", "reason"),
        ("lead_url", "ссылка на карточку", "card link"),
    ];
    let mut out = text.to_owned();
    for (k, ru, en) in pairs {
        out = out.replace(&format!("{{{k}}}"), &format!("{{{}}}", by_lang(b, ru, en)));
    }
    out
}

/// Normalises quotes and spaces the typograph changes, to compare a document's quote with
/// the bot's text.
fn loose(s: &str) -> String {
    plain(s)
        .replace(['«', '»', '„', '“', '”', '"', '’', '\''], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Defect 15: one answer time after a hand-off — the working-hours one by day, the
/// escalation one outside working hours — in the bot, the SOP and the rules alike.
#[test]
fn d15_one_answer_time_after_a_hand_off() {
    for b in all() {
        for (loc, bot) in b.bots() {
            let what = format!("{} {loc}", b.name);
            let handoff = bot["escalation"]["say"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            let handoff = if handoff.is_empty() {
                bot["fallback"]["say"].as_str().unwrap().to_owned()
            } else {
                handoff
            };
            has(
                &handoff,
                by_lang(b, "в рабочее время", "during working hours"),
                &format!("{what} hand-off"),
            );
            let rules = b.doc("ai-escalation-rules", &loc);
            has(
                &rules,
                by_lang(
                    b,
                    "После эскалации в рабочие часы администратор отвечает",
                    "After an escalation during working hours an administrator answers",
                ),
                &format!("{what} rules"),
            );
            lacks(
                &rules,
                by_lang(
                    b,
                    "Сотрудник отвечает клиенту после эскалации не позднее чем через",
                    "answers the client after an escalation within",
                ),
                &format!("{what} rules"),
            );
            // The rules' table lists the channels with the assistant only.
            let table = between(
                &rules,
                by_lang(
                    b,
                    "Сроки по каналам с ассистентом",
                    "By channel with the assistant",
                ),
                "## 6",
            );
            lacks(
                table,
                by_lang(b, "\nтелефон", "\nphone"),
                &format!("{what} rules' table"),
            );
            let sop = b.doc("lead-handling", &loc);
            has(
                &sop,
                by_lang(
                    b,
                    "Ответ человека после передачи диалога",
                    "reply after a hand-off",
                ),
                &format!("{what} SOP"),
            );
        }
    }
}

/// Defect 16: night mode says who answers what, without contradiction.
#[test]
fn d16_night_mode_without_contradiction() {
    for b in all() {
        for (loc, sop) in b.docs("lead-handling") {
            let what = format!("{} {loc} SOP", b.name);
            lacks(
                &sop,
                by_lang(
                    b,
                    "и все эскалации отслеживает дежурный",
                    "and all escalations are watched",
                ),
                &what,
            );
            lacks(
                &sop,
                by_lang(
                    b,
                    "Человек подключается ночью, только если",
                    "At night a person joins only when",
                ),
                &what,
            );
            has(
                &sop,
                by_lang(b, "Ночью дежурный", "At night the person on duty"),
                &what,
            );
        }
    }
}

/// Defect 17: the cancellation policy and the SOP show the reminders' real buttons and the
/// bot's own hand-off text.
#[test]
fn d17_reminder_buttons_and_templates_are_the_bots_own() {
    for b in all() {
        for (loc, bot) in b.bots() {
            let what = format!("{} {loc}", b.name);
            let policy = b.doc("cancellation-policy", &loc);
            lacks(
                &policy,
                by_lang(
                    b,
                    "Каждое напоминание позволяет ответить",
                    "Each reminder lets the client reply",
                ),
                &what,
            );
            let policy = loose(&policy);
            let sop = loose(&b.doc("lead-handling", &loc));
            for r in bot["reminders"]["texts"].as_array().unwrap() {
                for button in r["buttons"].as_array().unwrap() {
                    has(
                        &policy,
                        &loose(button["text"].as_str().unwrap()),
                        &format!("{what} cancellation policy"),
                    );
                }
                has(
                    &sop,
                    &loose(&quoted(b, r["say"].as_str().unwrap())),
                    &format!("{what} SOP reminder"),
                );
            }
            let greeting = bot["greeting"]["say"].as_str().unwrap();
            has(
                &sop,
                &loose(&quoted(b, greeting)),
                &format!("{what} SOP greeting"),
            );
            lacks(
                &sop,
                by_lang(b, "он скоро свяжется с вами", "will be in touch shortly"),
                &format!("{what} SOP"),
            );
        }
    }
}

/// Defect 18: the confirmation deadline cannot fall after the visit, and the KPI counts
/// what the client confirmed.
#[test]
fn d18_confirmation_before_the_visit_and_a_kpi_that_counts_it() {
    for b in all() {
        for loc in &b.locations {
            let sop = b.doc("lead-handling", loc);
            let what = format!("{} {loc} SOP", b.name);
            has(
                &sop,
                by_lang(b, "но не позднее чем за", "and at the latest"),
                &what,
            );
            lacks(&sop, "в течение 24 часа ", &what);
            let kpi = xlsx_strings(
                &b.out
                    .join(loc)
                    .join(format!("sla-response-times-{loc}.xlsx")),
            );
            has(
                &kpi,
                by_lang(b, "ответил «", "answered \""),
                &format!("{} {loc} KPI sheet", b.name),
            );
        }
    }
}

/// Defect 19: the no-show rate counts no-shows among bookings, not refusals among leads.
#[test]
fn d19_the_no_show_rate_counts_no_shows() {
    for b in all() {
        for loc in &b.locations {
            let kpi = xlsx_strings(
                &b.out
                    .join(loc)
                    .join(format!("sla-response-times-{loc}.xlsx")),
            );
            let what = format!("{} {loc} KPI sheet", b.name);
            lacks(
                &kpi,
                by_lang(
                    b,
                    "Лиды на стадии неявки (стадии провала",
                    "Leads at the no-show stage (failure stages",
                ),
                &what,
            );
            has(
                &kpi,
                by_lang(b, "в расчёт не входит", "are not counted"),
                &what,
            );
            has(
                &kpi,
                by_lang(b, "; стадии провала:", "; failure stages:"),
                &what,
            );
            // The monthly columns a manager fills in.
            has(&kpi, by_lang(b, "Отклонение", "Deviation"), &what);
        }
    }
}

/// Defect 20: calls and channels without the assistant get a card, a script and a path for
/// a refusal.
#[test]
fn d20_calls_get_a_card_a_script_and_a_refusal_path() {
    for b in all() {
        for (loc, sop) in b.docs("lead-handling") {
            let what = format!("{} {loc} SOP", b.name);
            has(
                &sop,
                by_lang(
                    b,
                    "Запись по телефону и в каналах без ассистента",
                    "Bookings by phone and in channels without the assistant",
                ),
                &what,
            );
            has(
                &sop,
                by_lang(
                    b,
                    "Для записи мне нужны ваше имя и телефон",
                    "To book you in I need your name and phone",
                ),
                &what,
            );
            has(
                &sop,
                by_lang(
                    b,
                    "Если не согласен — запись оформляется так же",
                    "If not, the booking is made the same way",
                ),
                &what,
            );
            has(
                &sop,
                by_lang(b, "Карточка по звонку", "Card for a call"),
                &what,
            );
        }
    }
}

/// Defect 23: the rules list the low-score trigger the bot has, with a role and a deadline,
/// and the bot names no role the documents do not define.
#[test]
fn d23_the_low_score_trigger_is_listed() {
    for b in all() {
        for (loc, bot) in b.bots() {
            let what = format!("{} {loc}", b.name);
            let rules = b.doc("ai-escalation-rules", &loc);
            has(
                &rules,
                by_lang(b, "Низкая оценка", "Low score"),
                &format!("{what} rules"),
            );
            let reason = bot["escalation"]["reasons"]["nps_detractor"]
                .as_str()
                .unwrap();
            has(&rules, reason, &format!("{what} rules"));
            let mut texts = Vec::new();
            strings(&bot["nps"], &mut texts);
            for t in texts {
                lacks(
                    &t,
                    by_lang(b, "руководитель филиала", "location manager"),
                    &what,
                );
            }
        }
    }
}

/// Defect 25: who calls, and when, after an urgent cancellation.
#[test]
fn d25_the_urgent_cancellation_phrase_is_unambiguous() {
    for b in all() {
        for (loc, policy) in b.docs("cancellation-policy") {
            lacks(
                &policy,
                "в том числе вне часов работы филиала",
                &format!("{} {loc}", b.name),
            );
        }
    }
}

/// Defect 26: user fields are called what they are, and a repeat enquiry joins its card.
#[test]
fn d26_user_fields_and_repeat_enquiries() {
    for b in all() {
        for (loc, sop) in b.docs("lead-handling") {
            let what = format!("{} {loc} SOP", b.name);
            has(&sop, "UF_CRM_…", &what);
            lacks(&sop, "Дополнительные поля", &what);
            lacks(&sop, "Каждое обращение создаёт лид", &what);
            has(
                &sop,
                by_lang(
                    b,
                    "Повторное обращение известного",
                    "A repeat enquiry from a known",
                ),
                &what,
            );
        }
    }
}

/// "What is missing": the SOP routes callbacks, complaints, data-subject requests and
/// incidents; the rules have a second level, what the duty person may promise and how a
/// task is closed.
#[test]
fn missing_routes_for_what_a_person_handles() {
    for b in all() {
        for (loc, sop) in b.docs("lead-handling") {
            let what = format!("{} {loc} SOP", b.name);
            for needle in if b.ru() {
                [
                    "не позднее чем через 1 час рабочего времени",
                    "в тот же день передаёт его ответственному",
                    "Инцидент",
                    "претензия регистрируется",
                ]
            } else {
                [
                    "within 1 working hour",
                    "passes it the same day",
                    "An incident",
                    "claim is registered",
                ]
            } {
                has(&sop, needle, &what);
            }
            let rules = b.doc("ai-escalation-rules", &loc);
            let what = format!("{} {loc} rules", b.name);
            for needle in if b.ru() {
                [
                    "она переходит к владельцу регламента",
                    "Дежурный не обещает возврат",
                    "ложное срабатывание",
                ]
            } else {
                [
                    "it passes to the owner of these rules",
                    "promises no refund",
                    "false trigger",
                ]
            } {
                has(&rules, needle, &what);
            }
        }
    }
}

// ---- E. Money ------------------------------------------------------------------------------

/// Defect 24: a prepayment is refunded minus documented costs whenever the booking is
/// cancelled, and memberships and packages pro rata.
#[test]
fn d24_refunds_keep_documented_costs_and_run_pro_rata() {
    let clinic = all()
        .iter()
        .find(|b| b.name == "example:clinic-omsk")
        .unwrap();
    let policy = clinic.doc("cancellation-policy", "omsk");
    has(
        &policy,
        "независимо от того, когда отменена запись",
        "the clinic's policy",
    );
    has(
        &policy,
        "изготовление хирургического шаблона",
        "the clinic's policy",
    );
    lacks(
        &policy,
        "При отмене записи в срок из раздела 2 предоплата возвращается полностью.",
        "the clinic's policy",
    );
    for b in all().iter().filter(|b| b.segment == "fitness") {
        let loc = &b.locations[0];
        let policy = b.doc("cancellation-policy", loc);
        let what = format!("{} policy", b.name);
        has(
            &policy,
            by_lang(b, "оставшиеся дни", "the days left"),
            &what,
        );
        has(&policy, by_lang(b, "заморозить", "frozen"), &what);
        lacks(&policy, "100 % стоимости", &what);
    }
}

/// Defect 37: the paragraph about packages and memberships appears only where they are sold.
#[test]
fn d37_packages_only_where_the_business_sells_them() {
    for b in all() {
        for (loc, policy) in b.docs("cancellation-policy") {
            let what = format!("{} {loc} policy", b.name);
            lacks(
                &policy,
                by_lang(b, "(абонемент, пакет услуг)", "(a membership or a package)"),
                &what,
            );
            let sells = matches!(b.segment.as_str(), "fitness" | "education");
            let says = policy.contains(by_lang(b, "от пакета услуг", "gives up a package"))
                || policy.contains(by_lang(b, "от абонемента", "gives up a membership"));
            assert_eq!(says, sells, "{what}:\n{policy}");
        }
    }
}

// ---- F. Language and typography -----------------------------------------------------------

/// Every per-location document and the operator's, in the business's language.
fn every_doc(b: &Rendered) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = [
        "lead-handling",
        "ai-escalation-rules",
        "cancellation-policy",
    ]
    .iter()
    .flat_map(|stem| {
        b.docs(stem)
            .into_iter()
            .map(move |(l, t)| (format!("{stem}-{l}"), t))
    })
    .collect();
    out.push(("pd-policy".into(), policy_text(b)));
    out.push(("pd-consent".into(), consent_text(b)));
    out
}

/// Defect 14: Meta is named as the organisation recognised extremist, and the ban is said
/// not to extend to WhatsApp, the same way in every document and the workbook.
#[test]
fn d14_the_meta_notice_is_accurate_and_the_same_everywhere() {
    for b in all() {
        for (name, text) in every_doc(b) {
            if !text.contains("Meta") {
                continue;
            }
            let what = format!("{} {name}", b.name);
            lacks(&text, "деятельность которой запрещена", &what);
            lacks(&text, "whose activity is banned", &what);
            has(
                &text,
                by_lang(
                    b,
                    "экстремистской организацией",
                    "an extremist organisation",
                ),
                &what,
            );
            if text.contains("WhatsApp") {
                has(
                    &text,
                    by_lang(
                        b,
                        "запрет не распространяется на мессенджер WhatsApp",
                        "the ban does not extend to the WhatsApp messenger",
                    ),
                    &what,
                );
            }
            if let Some(at) = text.find("не предлагает его первым") {
                let before: String = text[..at]
                    .chars()
                    .rev()
                    .take(60)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                has(&before, "Instagram", &what);
            }
        }
        for loc in &b.locations {
            let xlsx = xlsx_strings(
                &b.out
                    .join(loc)
                    .join(format!("sla-response-times-{loc}.xlsx")),
            );
            if xlsx.contains("Meta") {
                has(
                    &xlsx,
                    by_lang(
                        b,
                        "экстремистской организацией",
                        "an extremist organisation",
                    ),
                    &format!("{} {loc} workbook", b.name),
                );
            }
        }
    }
}

/// Defect 28: a business in English gets its consumer documents in Russian under the usual
/// names and in English beside them, marked as a translation; `init` derives the names from
/// `--name` and `--city`, and the sample requisites are a to-do that never blocks render.
#[test]
fn d28_an_english_business_gets_russian_originals_and_its_own_names() {
    for b in all().iter().filter(|b| !b.ru()) {
        let what = b.name.clone();
        let original = b.text("pd-policy.docx");
        has(
            &original,
            "Политика в отношении обработки персональных данных",
            &what,
        );
        let copy = b.text("pd-policy.en.docx");
        has(&copy, "Translation", &what);
        has(&copy, "Russian text prevails", &what);
        for loc in &b.locations {
            has(
                &b.text(&format!("{loc}/cancellation-policy-{loc}.docx")),
                "Правила отмены",
                &what,
            );
            has(
                &b.text(&format!("{loc}/cancellation-policy-{loc}.en.docx")),
                "Translation",
                &what,
            );
            assert!(
                !b.has(&format!("{loc}/lead-handling-{loc}.en.docx")),
                "{what}: staff documents stay in English only"
            );
        }
        // Nothing of the preset's sample business reaches Lada Beauty's documents.
        for (name, text) in every_doc(b) {
            for sample in [
                "aurora",
                "Aurora",
                "zdorovo",
                "puls.example",
                "globus",
                "chisty",
                "Ufa",
            ] {
                lacks(&text, sample, &format!("{what} {name}"));
            }
        }
        let bot = b.bot(&b.locations[0]);
        assert_eq!(bot["assistant"]["name"], "Lada", "{what}");
        let lint = regl(&b.dir, &["lint", "--format", "json"]);
        assert!(lint.stdout.contains("\"T124\""), "{what}: {}", lint.stdout);
    }
}

/// Defect 29: a phone keeps its owner's grouping (Омск's code has four digits).
#[test]
fn d29_phones_keep_their_grouping() {
    let clinic = all()
        .iter()
        .find(|b| b.name == "example:clinic-omsk")
        .unwrap();
    for (name, text) in every_doc(clinic) {
        lacks(&text, "+7 381 221-48-60", &format!("clinic {name}"));
    }
    has(
        &clinic.doc("cancellation-policy", "omsk"),
        "+7 3812 21-48-60",
        "the clinic's cancellation policy",
    );
    let greeting = clinic.bot("omsk")["greeting"]["say"]
        .as_str()
        .unwrap()
        .to_owned();
    has(&greeting, "+7 3812 21-48-60", "the clinic's greeting");
}

/// Defect 30: a clinic speaks of patients, its only address is not a branch, and the duty
/// role is not repeated in brackets.
#[test]
fn d30_a_clinic_speaks_of_patients() {
    for b in all().iter().filter(|b| b.segment == "clinic" && b.ru()) {
        for stem in [
            "lead-handling",
            "ai-escalation-rules",
            "cancellation-policy",
        ] {
            for (loc, text) in b.docs(stem) {
                let what = format!("{} {stem} {loc}", b.name);
                has(&text, "пациент", &what);
                if b.locations.len() == 1 {
                    lacks(&text, "в филиал", &what);
                    lacks(&text, "филиала", &what);
                }
                lacks(&text, "дежурный (Дежурный", &what);
            }
        }
    }
}

/// Defect 31: the refund term cites no article that does not set it.
#[test]
fn d31_the_refund_term_cites_nothing_wrong() {
    for b in all() {
        for (loc, text) in b.docs("cancellation-policy") {
            lacks(&text, "ст. 31 Закона", &format!("{} {loc}", b.name));
            lacks(
                &text,
                "Consumer Protection Law art. 31",
                &format!("{} {loc}", b.name),
            );
        }
    }
}

/// Defect 32: citations name the law in full; the cross-border definition follows п. 11
/// ст. 3.
#[test]
fn d32_citations_and_the_cross_border_definition() {
    for b in all().iter().filter(|b| b.ru()) {
        let policy = policy_text(b);
        lacks(&policy, "ст. 6 № 152", &b.name);
        has(&policy, "иностранному юридическому лицу", &b.name);
    }
}

/// Defect 33: non-breaking spaces after ООО, ИНН, КПП and ОГРН, between initials and a
/// surname, before a dash; a non-breaking hyphen in «152‑ФЗ»; ranges that do not break.
#[test]
fn d33_non_breaking_spaces_where_a_line_must_not_break() {
    for b in all().iter().filter(|b| b.ru()) {
        let raw = docx_raw(&b.out.join("pd-consent.docx"));
        let what = format!("{} consent", b.name);
        for glued in ["ООО\u{a0}", "ИНН\u{a0}", "ОГРН\u{a0}", "152\u{2011}ФЗ"] {
            has(&raw, glued, &what);
        }
        for broken in ["ООО «", "ИНН 0", "ОГРН 1", "152-ФЗ", " —"] {
            lacks(&raw, broken, &what);
        }
        for loc in &b.locations {
            let sop = docx_raw(&b.out.join(loc).join(format!("lead-handling-{loc}.docx")));
            let what = format!("{} {loc} SOP", b.name);
            lacks(&sop, " —", &what);
            // «Белова Н. В., главный врач»: the initials stay with the surname and together.
            assert!(
                !sop.contains(". В.,") || sop.contains(".\u{a0}В."),
                "{what}"
            );
            has(&sop, "–\u{2060}", &what);
        }
    }
}

/// Defect 34: the generic noun of a name is in lower case in running text, and the bracket
/// after the legal name holds the commercial name.
#[test]
fn d34_names_in_running_text() {
    let salon = all()
        .iter()
        .find(|b| b.name == "example:salon-ufa-omsk")
        .unwrap();
    has(
        &salon.doc("lead-handling", "omsk"),
        "как студия красоты «Лада» обрабатывает",
        "the salon's SOP",
    );
    let policy = policy_text(salon);
    has(
        &policy,
        "ООО «Лада» (коммерческое обозначение — студия красоты «Лада»; далее — Оператор)",
        "the salon's policy",
    );
    lacks(
        &policy,
        "обратившихся к нему (коммерческое обозначение",
        "the salon's policy",
    );
}

/// Defect 35: no English jargon or time-zone codes in Russian text.
#[test]
fn d35_no_jargon_in_russian_text() {
    for b in all().iter().filter(|b| b.ru()) {
        for (name, text) in every_doc(b) {
            let what = format!("{} {name}", b.name);
            for jargon in [
                "Asia/",
                "Europe/",
                "E.164",
                "+7XXXXXXXXXX",
                "NPS",
                "в CRM",
                " ходов",
                "Лид в CRM",
            ] {
                lacks(&text, jargon, &what);
            }
        }
        for loc in &b.locations {
            let book = b
                .out
                .join(loc)
                .join(format!("sla-response-times-{loc}.xlsx"));
            let workbook = docx_part(&book, "xl/workbook.xml");
            for sheet in ["Сроки", "Показатели"] {
                has(
                    &workbook,
                    &format!("name=\"{sheet}\""),
                    &format!("{} {loc} workbook", b.name),
                );
            }
            lacks(
                &xlsx_strings(&book),
                "Лид в CRM",
                &format!("{} {loc} workbook", b.name),
            );
        }
    }
}

/// Defect 36: the change log is a section like the others, and a table's lead-in stays on
/// the table's page.
#[test]
fn d36_heading_levels_and_tables_kept_with_their_lead_in() {
    for b in all() {
        let xml = docx_part(&b.out.join("pd-policy.docx"), "word/document.xml");
        let log = xml
            .split("<w:p>")
            .find(|p| p.contains("Лист регистрации изменений") || p.contains("Revision history"))
            .unwrap_or_else(|| panic!("{}: no change log", b.name));
        assert!(log.contains("Heading2"), "{}: {log}", b.name);
        let lead_in = xml
            .split("<w:p>")
            .find(|p| {
                p.contains("3.1") && p.contains("21") && p.contains("Роскомнадзор")
                    || p.contains("part 3.1") && p.contains("portal")
            })
            .unwrap_or_else(|| panic!("{}: no incident lead-in", b.name));
        assert!(lead_in.contains("<w:keepNext/>"), "{}: {lead_in}", b.name);
    }
}

/// Staff documents speak the staff's language: the SOP's Open Line section says when the line
/// is set up, not which command or API does it; and each segment's documents call a booked
/// visit what its clients call it — «приём» in a clinic, «тренировка» in a fitness club,
/// «занятие» in a school — where the documents themselves (not the bot's quoted replies)
/// name it.
#[test]
fn staff_documents_name_no_tool_and_call_a_visit_by_the_segments_word() {
    for b in all() {
        for (loc, sop) in b.docs("lead-handling") {
            let what = format!("{} {loc}: the SOP", b.name);
            for tool in ["regl push", "REST", "среда выполнения", "bot runtime"] {
                lacks(&sop, tool, &what);
            }
            if sop.contains(by_lang(b, "Открытая линия", "Open Line")) {
                has(
                    &sop,
                    by_lang(b, "при подключении Битрикс24", "when Bitrix24 is connected"),
                    &what,
                );
            }
            let (ru, en) = match b.segment.as_str() {
                "clinic" => ("о приёме", "before the appointment"),
                "fitness" => ("о тренировке", "before the session"),
                "education" => ("о занятии", "before the class"),
                _ => ("о визите", "before the visit"),
            };
            has(&sop, by_lang(b, ru, en), &what);
        }
        if b.ru() && b.segment != "salon" && b.segment != "other" {
            for (loc, policy) in b.docs("cancellation-policy") {
                let what = format!("{} {loc}: the cancellation policy", b.name);
                lacks(&policy, "до визита", &what);
                lacks(&policy, "Время визита", &what);
            }
        }
    }
}
