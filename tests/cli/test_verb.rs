//! `regl test`: every example and a fresh business pass their generated scenarios; each
//! planted break in a copy of an exported bot config fails with the scenario and what the
//! client saw; the hand-written boundaries of docs/bot-runtime.md pass; `JUnit` reads back.

use std::path::{Path, PathBuf};

use crate::common::{regl, repo};

fn copy_example(name: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join(name);
    copy_dir(&repo().join("examples").join(name), &dir);
    (tmp, dir)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn every_example_passes_its_generated_scenarios_with_coverage_printed() {
    for name in ["salon-ufa-omsk", "clinic-omsk", "fitness-novosibirsk"] {
        let dir = repo().join("examples").join(name);
        let list = regl(&dir, &["test", "--list"]).expect_code(0);
        let mut per_loc = std::collections::BTreeMap::<String, usize>::new();
        for line in list.stdout.lines() {
            let loc = line.split('\t').nth(1).unwrap().to_owned();
            *per_loc.entry(loc).or_default() += 1;
        }
        for (loc, n) in &per_loc {
            assert!((50..=300).contains(n), "{name} {loc}: {n} scenarios");
        }
        let run = regl(&dir, &["test"]).expect_code(0);
        assert!(run.stdout.contains("coverage of"), "{}", run.stdout);
        for what in [
            "branches",
            "steps",
            "when",
            "escalation reasons",
            "reminder offsets",
            "CRM writes",
        ] {
            assert!(run.stdout.contains(what), "{what}\n{}", run.stdout);
        }
        let closing = run.stdout.lines().last().unwrap();
        assert!(closing.ends_with("passed, 0 failed"), "{name}: {closing}");
        full_coverage(&dir, name);
    }
}

/// Every branch, step, `when`, hand-off reason, reminder offset and CRM write of every
/// location is exercised, or stated unreachable with its reason; `--min-coverage 100` holds.
fn full_coverage(dir: &Path, name: &str) {
    let run = regl(dir, &["test", "--format", "json", "--min-coverage", "100"]).expect_code(0);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    for loc in v["locations"].as_array().unwrap() {
        assert_eq!(loc["coverage_percent"], 100.0, "{name}: {loc}");
        for line in loc["coverage"].as_array().unwrap() {
            assert_eq!(line["missing"], serde_json::json!([]), "{name}: {line}");
            assert!(line["total"].as_u64().unwrap() > 0, "{name}: {line}");
            for u in line["unreachable"].as_array().unwrap() {
                assert!(u["why"].is_string() && u["item"].is_string(), "{name}: {u}");
            }
        }
    }
}

#[test]
fn an_amount_no_order_reaches_is_stated_unreachable_and_lowered_below_the_dearest_it_is_covered() {
    let (_tmp, dir) = copy_example("salon-ufa-omsk");
    let reasons = |dir: &Path| {
        let run = regl(dir, &["test", "--format", "json"]).expect_code(0);
        let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        v["locations"][0]["coverage"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["what"] == "escalation reasons")
            .unwrap()
            .clone()
    };
    // The dearest order: colouring (7 500 ₽) with its care upsell (1 800 ₽), under 20 000 ₽.
    let line = reasons(&dir);
    assert_eq!(line["unreachable"][0]["item"], "amount_over", "{line}");
    assert_eq!(line["unreachable"][0]["service"], "coloring", "{line}");
    assert_eq!(line["unreachable"][0]["amount"], 9300, "{line}");
    assert_eq!(line["unreachable"][0]["threshold"], 20000, "{line}");
    assert_eq!(line["covered"], line["total"], "{line}");
    let human = regl(&dir, &["test"]).expect_code(0);
    assert!(
        human
            .stdout
            .contains("cannot arise: amount_over (the dearest order — «"),
        "{}",
        human.stdout
    );
    // At 9 299 ₽ the same order goes to a person, and the generated scenarios show it.
    let toml = dir.join("business.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    assert!(text.contains("amount_over = 20000"));
    std::fs::write(
        &toml,
        text.replace("amount_over = 20000", "amount_over = 9299"),
    )
    .unwrap();
    regl(&dir, &["export", "--bot-configs"]).expect_code(0);
    let line = reasons(&dir);
    assert_eq!(line["unreachable"], serde_json::json!([]), "{line}");
    assert_eq!(line["missing"], serde_json::json!([]), "{line}");
    assert_eq!(line["covered"], line["total"], "{line}");
}

#[test]
fn a_fresh_business_with_a_second_city_passes() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    regl(d, &["init", "--name", "Тест", "--city", "Омск"]).expect_code(0);
    regl(d, &["init", "--city", "Томск"]).expect_code(0);
    regl(d, &["export", "--bot-configs"]).expect_code(0);
    let run = regl(d, &["test"]).expect_code(0);
    assert!(
        run.stdout
            .lines()
            .last()
            .unwrap()
            .ends_with("passed, 0 failed")
    );
    assert_eq!(
        run.stdout.matches("coverage of").count(),
        2,
        "{}",
        run.stdout
    );
    full_coverage(d, "a fresh business");
}

/// Runs `regl test` on the Ufa bot of the salon after `plant` changed its JSON.
fn planted(plant: impl Fn(&mut serde_json::Value)) -> crate::common::Run {
    let (_tmp, dir) = copy_example("salon-ufa-omsk");
    let path = dir.join("bot/ufa.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    plant(&mut v);
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    regl(&dir, &["test", "--location", "ufa"]).expect_code(1)
}

fn branch<'a>(v: &'a mut serde_json::Value, id: &str) -> &'a mut serde_json::Value {
    v["branches"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|b| b["id"] == id)
        .unwrap()
}

#[track_caller]
fn fails(run: &crate::common::Run, scenario: &str, saw: &str) {
    assert!(
        run.stdout.contains(&format!("✗ {scenario}")),
        "{scenario}\n{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("the client saw:") || run.stdout.contains("the client sees"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(saw), "{saw}\n{}", run.stdout);
}

#[test]
fn planted_breaks_each_fail_naming_the_scenario_and_what_the_client_saw() {
    let run = planted(|v| {
        branch(v, "booking")["steps"]
            .as_array_mut()
            .unwrap()
            .retain(|s| s["ask"] != "consent");
    });
    fails(&run, "ufa-consent-1", "asked: expected consent");

    let run = planted(|v| branch(v, "price")["triggers"] = serde_json::json!([]));
    fails(&run, "ufa-trigger-", "branch: expected price");

    let run = planted(|v| {
        branch(v, "cancel")["steps"]
            .as_array_mut()
            .unwrap()
            .retain(|s| s["when"] != "urgent_cancel");
    });
    fails(
        &run,
        "ufa-cancel-window-1",
        "reason: expected urgent_cancel",
    );

    let run = planted(|v| {
        let steps = branch(v, "booking")["steps"].as_array_mut().unwrap();
        let last = steps.last_mut().unwrap();
        let say = last["say"]
            .as_str()
            .unwrap()
            .replace("{client_name}", "{clinet_name}");
        last["say"] = say.into();
    });
    fails(&run, "ufa-happy-1", "{clinet_name}");

    let run = planted(|v| v["fallback"]["handoff"] = false.into());
    fails(&run, "ufa-no-match-", "reason: expected low_confidence");

    let run = planted(|v| {
        v["reminders"]["offsets_s"][2] = 1800.into();
        v["reminders"]["texts"][2]["offset_s"] = 1800.into();
    });
    fails(&run, "ufa-reminders-1", "reminders: expected");

    let run = planted(|v| {
        v["escalation"]["keywords"]
            .as_array_mut()
            .unwrap()
            .retain(|k| k != "жалоба");
    });
    fails(&run, "ufa-keyword-1", "reason: expected keyword");
}

#[test]
fn the_boundaries_of_the_runtime_semantics_pass_one_by_one() {
    let dir = repo().join("examples/salon-ufa-omsk");
    let file = repo().join("tests/scenarios/boundaries.toml");
    let run = regl(
        &dir,
        &[
            "test",
            "--location",
            "ufa",
            "--scenarios",
            file.to_str().unwrap(),
            "--only",
            "hand-*",
        ],
    )
    .expect_code(0);
    assert!(
        run.stdout.ends_with("9 passed, 0 failed\n"),
        "{}",
        run.stdout
    );
}

/// docs/bot-runtime.md's full example: a version-2 file with per-purpose consent.
fn v2_example(edit: impl Fn(&mut serde_json::Value)) -> String {
    let doc = std::fs::read_to_string(repo().join("docs/bot-runtime.md")).unwrap();
    let body = &doc[doc.find("<!-- bot-v2-example -->").unwrap()..];
    let body = &body[body.find('{').unwrap()..];
    let body = &body[..body.find("\n```").unwrap()];
    let mut v: serde_json::Value = serde_json::from_str(body).unwrap();
    edit(&mut v);
    serde_json::to_string(&v).unwrap()
}

#[test]
fn a_refused_consent_writes_nothing_it_covers_and_the_booking_goes_through() {
    let tmp = tempfile::tempdir().unwrap();
    let bot = tmp.path().join("v2.json");
    std::fs::write(&bot, v2_example(|_| {})).unwrap();
    let dir = repo().join("examples/salon-ufa-omsk");
    let file = repo().join("tests/scenarios/v2/refused-consent.toml");
    let run = regl(
        &dir,
        &[
            "test",
            "--location",
            "ufa",
            "--bot",
            bot.to_str().unwrap(),
            "--scenarios",
            file.to_str().unwrap(),
            "--only",
            "hand-*",
        ],
    )
    .expect_code(0);
    assert!(
        run.stdout.ends_with("1 passed, 0 failed\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_amount_at_the_threshold_stays_with_the_bot_and_one_rouble_above_goes_to_a_person() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = repo().join("examples/salon-ufa-omsk");
    let scenario = std::fs::read_to_string(repo().join("tests/scenarios/v2/amount.toml")).unwrap();
    for (styling, expect) in [
        (2000, "handoff = false"),
        (2001, "reason = \"amount_over\""),
    ] {
        let bot = tmp.path().join(format!("v2-{styling}.json"));
        std::fs::write(
            &bot,
            v2_example(|v| {
                v["services"][0]["price_from"] = 18000.into();
                v["services"][1]["price_from"] = styling.into();
            }),
        )
        .unwrap();
        let file = tmp.path().join(format!("amount-{styling}.toml"));
        let text = scenario.replace(
            "expect = { action = \"book\" }",
            &format!("expect = {{ action = \"book\", {expect} }}"),
        );
        std::fs::write(&file, text).unwrap();
        let run = regl(
            &dir,
            &[
                "test",
                "--location",
                "ufa",
                "--bot",
                bot.to_str().unwrap(),
                "--scenarios",
                file.to_str().unwrap(),
                "--only",
                "hand-*",
            ],
        )
        .expect_code(0);
        assert!(
            run.stdout.ends_with("1 passed, 0 failed\n"),
            "{}",
            run.stdout
        );
    }
}

#[test]
fn junit_reads_back_with_the_right_counts() {
    let (_tmp, dir) = copy_example("salon-ufa-omsk");
    let path = dir.join("bot/ufa.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    v["escalation"]["keywords"]
        .as_array_mut()
        .unwrap()
        .retain(|k| k != "жалоба");
    std::fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();
    let run = regl(&dir, &["test", "--location", "ufa", "--format", "junit"]).expect_code(1);
    let xml = dir.join("report.xml");
    std::fs::write(&xml, &run.stdout).unwrap();
    let listed = regl(&dir, &["test", "--location", "ufa", "--list"]).expect_code(0);
    let total = listed.stdout.lines().count();
    let script = "import sys\nfrom junitparser import JUnitXml\nx = JUnitXml.fromfile(sys.argv[1])\nt = f = 0\nnames = set()\nfor s in x:\n    for c in s:\n        t += 1\n        names.add(c.name)\n        if not c.is_passed: f += 1\nprint(t, f, len(names))\n";
    let out = std::process::Command::new("python3")
        .args(["-c", script, xml.to_str().unwrap()])
        .output()
        .unwrap();
    let got = String::from_utf8_lossy(&out.stdout);
    let nums: Vec<usize> = got.split_whitespace().map(|n| n.parse().unwrap()).collect();
    assert_eq!(
        nums.len(),
        3,
        "{got} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(nums[0], total);
    assert!(nums[1] >= 1);
    assert_eq!(nums[2], total, "names are unique");
    let failed = run.stdout.matches("<failure").count();
    assert_eq!(nums[1], failed);
}

#[test]
fn a_bad_scenario_file_is_exit_2_with_its_line_and_a_did_you_mean() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("bad.toml");
    std::fs::write(
        &file,
        "[[scenario]]\nid = \"x\"\n[[scenario.step]]\nuser = \"привет\"\nexpect = { brach = \"booking\" }\n",
    )
    .unwrap();
    let dir = repo().join("examples/salon-ufa-omsk");
    let run = regl(&dir, &["test", "--scenarios", file.to_str().unwrap()]).expect_code(2);
    assert!(run.stderr.contains("bad.toml:5:12"), "{}", run.stderr);
    assert!(
        run.stderr.contains("did you mean `branch`?"),
        "{}",
        run.stderr
    );
    let run = regl(&dir, &["test", "--only", "nothing-like-this"]).expect_code(2);
    assert!(run.stderr.contains("no scenario"), "{}", run.stderr);
}

#[test]
fn the_pilot_plan_has_a_hundred_rows_and_a_re_render_keeps_what_testers_entered() {
    let (_tmp, dir) = copy_example("salon-ufa-omsk");
    regl(&dir, &["render"]).expect_code(0);
    let plan = dir.join("out/ufa/test-plan-ufa.xlsx");
    // A tester's entries, saved by another spreadsheet program (openpyxl writes inline
    // strings with character references, as Excel may not).
    let fill = "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb.worksheets[0]\nrows = [r for r in ws.iter_rows(min_row=4, values_only=True)]\nassert len(rows) == 100, len(rows)\nassert wb.sheetnames == ['План', 'Итоги'], wb.sheetnames\nassert all(r[8] == '+7 913 000-00-11' for r in rows)\nassert {r[3] for r in rows} == {'позитивный', 'негативный', 'граничный'}\nassert len({r[0] for r in rows}) == 100\nv = ws.data_validations.dataValidation[0]\nassert 'не пройдено' in v.formula1 and str(v.sqref) == 'O4:O103', (v.formula1, v.sqref)\nws['N5'] = 'бот спросил телефон дважды & <ещё>'\nws['O5'] = 'не пройдено'\nws['P5'] = 'Т-1'\nwb.save(sys.argv[1])\n";
    let out = std::process::Command::new("python3")
        .args(["-c", fill, plan.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A change to regl's columns: the phone.
    let toml = dir.join("business.toml");
    let text = std::fs::read_to_string(&toml).unwrap().replace(
        "phones = [\"+7 913 000-00-11\"]",
        "phones = [\"+7 913 000-00-12\"]",
    );
    std::fs::write(&toml, text).unwrap();
    regl(&dir, &["render"]).expect_code(0);
    let read = "import sys, openpyxl\nws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\nprint(ws['I5'].value, '|', ws['N5'].value, '|', ws['O5'].value, '|', ws['P5'].value, '|', ws['O6'].value)\n";
    let out = std::process::Command::new("python3")
        .args(["-c", read, plan.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "+7 913 000-00-12 | бот спросил телефон дважды & <ещё> | не пройдено | Т-1 | не проверено"
    );
}

#[test]
fn without_pilot_phones_the_plan_asks_for_them_and_never_invents_one() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    regl(d, &["init", "--name", "Тест", "--city", "Омск"]).expect_code(0);
    regl(d, &["render"]).expect_code(0);
    let plan = d.join("out/omsk/test-plan-omsk.xlsx");
    let read = "import sys, openpyxl\nws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\nprint(sorted({r[8] for r in ws.iter_rows(min_row=4, values_only=True)}))\n";
    let out = std::process::Command::new("python3")
        .args(["-c", read, plan.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "['T129: укажите [pilot].phones']"
    );
}

/// A business of `n` locations: the first city repeated under new ids, each with its own
/// bot config, as `bench/test.sh` makes its 1,000.
fn many_locations(d: &Path, n: usize) {
    regl(d, &["init", "--name", "Тест", "--city", "Омск"]).expect_code(0);
    regl(d, &["init", "--city", "Томск"]).expect_code(0);
    let path = d.join("business.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let first = text.find("[[locations]]").unwrap();
    let end = first + 1 + text[first + 1..].find("\n[[locations]]").unwrap();
    let block = &text[first..end];
    let id_line = block.lines().find(|l| l.starts_with("id = ")).unwrap();
    let id = id_line.split('"').nth(1).unwrap();
    let bot_line = block
        .lines()
        .find(|l| l.starts_with("bot_config = "))
        .unwrap();
    let mut out = text.trim_end().to_owned();
    for i in 2..n {
        let b = block
            .replacen(id_line, &format!("id = \"{id}-{i}\""), 1)
            .replacen(bot_line, &format!("bot_config = \"bot/{id}-{i}.json\""), 1);
        out.push_str("\n\n");
        out.push_str(b.trim_end());
    }
    out.push('\n');
    std::fs::write(&path, out).unwrap();
    regl(d, &["export", "--bot-configs"]).expect_code(0);
}

#[test]
fn locations_run_side_by_side_report_byte_for_byte_as_on_one_thread() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    many_locations(d, 9);
    // One location's bot broken, so the failures' part of each report is compared too.
    let broken = d.join("bot/omsk-4.json");
    let text = std::fs::read_to_string(&broken).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["fallback"]["handoff"] = false.into();
    std::fs::write(&broken, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    for format in ["human", "json", "junit", "github"] {
        let args = ["test", "--format", format, "--min-coverage", "50"];
        let one = crate::common::regl_env(d, &args, &[("REGL_THREADS", "1")]).expect_code(1);
        let many = crate::common::regl_env(d, &args, &[("REGL_THREADS", "4")]).expect_code(1);
        assert!(one.stdout.contains("omsk-4"), "{format}: {}", one.stdout);
        assert_eq!(one.stdout, many.stdout, "{format}");
        assert_eq!(one.stderr, many.stderr, "{format}");
    }
    let list = ["test", "--list"];
    let one = crate::common::regl_env(d, &list, &[("REGL_THREADS", "1")]).expect_code(0);
    let many = crate::common::regl_env(d, &list, &[("REGL_THREADS", "4")]).expect_code(0);
    assert_eq!(one.stdout, many.stdout);
}
