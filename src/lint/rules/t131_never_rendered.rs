//! T131 (to-do): nothing was ever rendered into the output folder, so no document was
//! checked.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "T131",
    name: "never-rendered",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "to-do: the documents were never rendered into the output folder, so lint checked none",
        ru: "сделать: документы в папку вывода ещё не формировались, и lint не проверил ни одного",
    },
    explanation: StaticText {
        en: r#"**What it checks.** The output folder (`out` next to `business.toml`, or `-o`) has a
`regl-manifest.json`, the record `regl render` writes.

**Why it matters.** The D-rules judge the rendered documents against `business.toml`. With
nothing rendered there is nothing to judge, and a silent lint reads as "the documents are
fine" — in CI where `out/` is not committed, or after `rm -rf out`.

**Example.** `regl init salon --name … --city Уфа && regl lint`.

**How to fix.** Run `regl render` (and commit the documents), or point lint at the folder
they are in with `-o`."#,
        ru: r"**Что проверяет.** В папке вывода (`out` рядом с `business.toml` или `-o`) есть
`regl-manifest.json` — запись, которую делает `regl render`.

**Почему это важно.** Правила D сверяют сформированные документы с `business.toml`. Если
ничего не сформировано, сверять нечего, а молчание lint читается как «с документами всё в
порядке» — в CI, где `out/` не хранится в git, или после `rm -rf out`.

**Пример.** `regl init salon --name … --city Уфа && regl lint`.

**Как исправить.** Запустите `regl render` (и закоммитьте документы) или укажите lint
папку с ними через `-o`.",
    },
    scope: Scope::Documents,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(docs) = cx.documents else { return };
    let rendered = docs
        .manifest
        .as_ref()
        .is_some_and(|r| r.manifest.rendered());
    if rendered || docs.unreadable.is_some() {
        return;
    }
    // Named as the user reaches it from `business.toml`: `out`, not a temporary path.
    let folder = docs
        .out_dir
        .strip_prefix(cx.dir)
        .unwrap_or(&docs.out_dir)
        .display();
    out.push(
        Diagnostic::finding(
            "T131",
            Severity::Warning,
            t!(
                "to-do: no documents were rendered into `{folder}`: none was checked",
                "сделать: в `{folder}` документы не формировались — ни один не проверен"
            ),
        )
        .at(
            cx.file,
            cx.business.document.version.span.clone(),
            t!("not rendered yet", "ещё не сформированы"),
        )
        .hint(t!(
            "run `regl render`, or give the folder of the documents with `-o`",
            "запустите `regl render` или укажите папку с документами через `-o`"
        )),
    );
}
