//! End-to-end checks of Markdown → model → .docx on a realistic Russian document:
//! determinism, readability by another reader, and schema validity.

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use regl::render::doc::{DocMeta, Document, Lang, Revision};
use regl::render::docx::write_docx;
use regl::render::markdown::{escape_inline, parse};

const SAMPLE_MD: &str = r"# 1. Общие положения

Настоящая политика определяет порядок обработки **персональных данных** клиентов
студии красоты «Лада» и меры по обеспечению их *безопасности*. Актуальная редакция
опубликована на сайте [lada.example](https://lada.example/privacy), вопросы — на `pd@lada.example`.

Оператор обрабатывает данные только для целей, перечисленных ниже.  
Срок ответа на запрос субъекта — 10 рабочих дней.

## 1.1. Категории субъектов

- клиенты, записавшиеся на услуги;
  - через WhatsApp и Telegram;
  - через сайт и по телефону;
- посетители сайта;
- работники оператора.

## 1.2. Порядок действий при запросе субъекта

1. Зарегистрировать запрос в Битрикс24 в течение 1 часа.
2. Проверить личность заявителя.
3. Подготовить ответ и направить его в течение **10 рабочих дней**.

> Согласие на обработку персональных данных оформляется отдельным документом.

<!-- pagebreak -->

# 2. Сроки хранения

| Категория данных | Срок хранения | Основание |
| --- | --- | --- |
| Имя и телефон клиента | 3 года после последнего визита | согласие субъекта |
| Переписка в мессенджерах | 1 год | договор оказания услуг (ст. 6 152-ФЗ) |
| Данные о здоровье (противопоказания) | до отзыва согласия, но не более 3 лет | письменное согласие |

## 2.1. Уничтожение данных

1. Ответственный формирует перечень данных с истёкшим сроком.
2. Данные удаляются из CRM и переписки.
   1. Из карточек лидов Битрикс24.
   2. Из истории чатов бота.
3. Составляется акт об уничтожении.

Дополнительно: данные, полученные через мессенджеры с трансграничной передачей,
удаляются у обработчика по запросу оператора.

### Ответственные лица

Ответственный за обработку: Иванова Анна Сергеевна, тел. +7 917 000-00-00.
";

fn sample() -> Document {
    let mut md = SAMPLE_MD.to_owned();
    // A hostile config value must stay text.
    md.push_str("\nПримечание: ");
    md.push_str(&escape_inline("1. *Лада* | test_"));
    md.push('\n');
    Document {
        meta: DocMeta {
            title: "Политика обработки персональных данных".into(),
            subject: "Обработка персональных данных клиентов".into(),
            business: "Студия красоты «Лада» (ООО «Лада»)".into(),
            location: "Уфа".into(),
            version: "1.0".into(),
            effective_date: "1 декабря 2026 г.".into(),
            next_review: "1 марта 2027 г.".into(),
            owner: "Иванова А. С., управляющая".into(),
            approver: "Петров И. И., генеральный директор".into(),
            lang: Lang::Ru,
            revisions: vec![
                Revision {
                    version: "0.9".into(),
                    date: "15 ноября 2026 г.".into(),
                    summary: "Проект для согласования".into(),
                    approved_by: "—".into(),
                },
                Revision {
                    version: "1.0".into(),
                    date: "1 декабря 2026 г.".into(),
                    summary: "Первая редакция".into(),
                    approved_by: "Петров И. И.".into(),
                },
            ],
            keywords: "ПДн, 152-ФЗ, Уфа".into(),
            created: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        },
        blocks: parse(&md),
    }
}

fn write_sample(dir: &Path) -> std::path::PathBuf {
    let bytes = write_docx(&sample()).unwrap();
    let path = dir.join("sample.docx");
    std::fs::write(&path, &bytes).unwrap();
    std::fs::write(dir.join("sample.md"), SAMPLE_MD).unwrap();
    path
}

#[test]
fn same_document_gives_identical_bytes() {
    let doc = sample();
    let a = write_docx(&doc).unwrap();
    let b = write_docx(&doc).unwrap();
    assert_eq!(a, b);
    // And on another thread, whose docx-rs counters start elsewhere.
    let c = std::thread::spawn(move || write_docx(&doc).unwrap())
        .join()
        .unwrap();
    assert_eq!(a, c);
}

#[test]
fn docx_rs_reads_the_texts_back() {
    let bytes = write_docx(&sample()).unwrap();
    let docx = docx_rs::read_docx(&bytes).unwrap();
    let json = docx.json();
    for text in [
        "Политика обработки персональных данных",
        "Студия красоты «Лада» (ООО «Лада»)",
        "Дата вступления в силу",
        "Дата следующего пересмотра",
        "Владелец документа",
        "Утвердил",
        "Категории субъектов",
        "через WhatsApp и Telegram;",
        "Проверить личность заявителя.",
        "Переписка в мессенджерах",
        "Лист регистрации изменений",
        "Первая редакция",
        "1. *Лада* | test_",
    ] {
        assert!(
            json.contains(text),
            "{text:?} missing from the read-back document"
        );
    }
}

#[test]
fn english_labels() {
    let mut doc = sample();
    doc.meta.lang = Lang::En;
    let bytes = write_docx(&doc).unwrap();
    let json = docx_rs::read_docx(&bytes).unwrap().json();
    for text in [
        "Effective date",
        "Next review",
        "Approved by",
        "Revision history",
    ] {
        assert!(json.contains(text), "{text:?} missing");
    }
}

fn has_lxml() -> bool {
    Command::new("python3")
        .args(["-c", "import lxml"])
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn validates_against_ecma_376_with_zero_violations() {
    let validator = Path::new("/work/shared/tools/validate-docx");
    if !validator.exists() || !has_lxml() {
        println!("skipped: validate-docx or python3 lxml not available");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = write_sample(dir.path());
    if let Ok(keep) = std::env::var("REGL_SAMPLE_DIR") {
        write_sample(Path::new(&keep));
    }
    let out = Command::new(validator)
        .arg("-v")
        .arg(&path)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && report.contains("TOTAL violations: 0"),
        "{report}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Not a check, a measurement: `cargo test --release --test docx_writer -- --ignored --nocapture`.
#[test]
#[ignore = "timing only"]
fn write_time() {
    let doc = sample();
    let runs = 200;
    let started = std::time::Instant::now();
    let mut size = 0;
    for _ in 0..runs {
        size = write_docx(&doc).unwrap().len();
    }
    let per = started.elapsed() / runs;
    println!("write_docx: {per:?} per document, {size} bytes");
    let started = std::time::Instant::now();
    for _ in 0..runs {
        let blocks = parse(SAMPLE_MD);
        assert!(!blocks.is_empty());
    }
    println!(
        "markdown::parse: {:?} per document",
        started.elapsed() / runs
    );
}
