//! What one run of `regl push` covers: the parts (`--only`) and the locations whose Open Lines
//! it plans (`--location`). Fields, stages and sources serve every location, so they are
//! always planned whole; a line of a location left out is neither planned nor listed as the
//! portal's own.

use super::plan::Part;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    /// In the order of [`Part::ALL`], each once.
    pub parts: Vec<Part>,
    /// Location ids; empty for every location.
    pub locations: Vec<String>,
}

impl Scope {
    pub fn new(parts: &[Part], locations: &[String]) -> Self {
        let parts = if parts.is_empty() {
            Part::ALL.to_vec()
        } else {
            Part::ALL
                .into_iter()
                .filter(|p| parts.contains(p))
                .collect()
        };
        Self {
            parts,
            locations: locations.to_vec(),
        }
    }

    /// Every part of every location.
    pub fn all() -> Self {
        Self::new(&[], &[])
    }

    pub fn has(&self, part: Part) -> bool {
        self.parts.contains(&part)
    }

    /// Whether the line of location `id` is planned.
    pub fn covers(&self, id: &str) -> bool {
        self.locations.is_empty() || self.locations.iter().any(|l| l == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_choice_means_everything_and_parts_keep_their_order() {
        let all = Scope::all();
        assert_eq!(all.parts, Part::ALL);
        assert!(all.covers("ufa"));
        let some = Scope::new(
            &[Part::Openlines, Part::Fields, Part::Openlines],
            &["omsk".into()],
        );
        assert_eq!(some.parts, [Part::Fields, Part::Openlines]);
        assert!(some.covers("omsk") && !some.covers("ufa"));
        assert!(!some.has(Part::Stages));
    }
}
