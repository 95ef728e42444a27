//! Risk arithmetic: score = likelihood × impact, the level of a score, the residual level,
//! and whether a level is above the acceptance threshold.

use super::kinds::{Authority, Level, Methodology, Risk, Treatment};
use super::values::{Ref, TreatmentKind};
use super::{overdue, Kind, Model, Referent};

impl Methodology {
    /// Whether both scales run 1..N with a label for every value: only then are scores
    /// and levels meaningful.
    pub fn scales_are_valid(&self) -> bool {
        [&self.likelihood, &self.impact].iter().all(|s| {
            s.as_ref().is_some_and(|s| {
                !s.entries.is_empty()
                    && s.entries.iter().all(|e| e.label.is_some())
                    // The count first: it bounds the walk from 1 to the largest value.
                    && s.entries.len() as i64 == s.max()
                    && (1..=s.max()).all(|v| s.entries.iter().filter(|e| e.value == v).count() == 1)
            })
        })
    }

    /// Every score a risk can have: the products of a likelihood and an impact value.
    pub fn achievable_scores(&self) -> Vec<i64> {
        let (Some(l), Some(i)) = (&self.likelihood, &self.impact) else {
            return Vec::new();
        };
        let mut scores: Vec<i64> = l
            .entries
            .iter()
            .flat_map(|a| {
                i.entries
                    .iter()
                    .map(move |b| a.value.saturating_mul(b.value))
            })
            .collect();
        scores.sort_unstable();
        scores.dedup();
        scores
    }

    /// Whether the levels are ascending, non-overlapping ranges with distinct names: only
    /// then is "above the acceptance level" meaningful (`methodology/levels` reports the
    /// rest).
    pub fn levels_are_ordered(&self) -> bool {
        self.levels.iter().all(|l| l.low <= l.high)
            && self.levels.windows(2).all(|w| w[0].high < w[1].low)
            && self
                .levels
                .iter()
                .enumerate()
                .all(|(i, l)| self.levels[..i].iter().all(|p| p.name.text != l.name.text))
    }

    /// Index into `levels` of the level holding `score`; none while the levels are not
    /// ordered.
    pub fn level_index(&self, score: i64) -> Option<usize> {
        if !self.levels_are_ordered() {
            return None;
        }
        self.levels
            .iter()
            .position(|l| (l.low..=l.high).contains(&score))
    }

    pub fn level(&self, score: i64) -> Option<&Level> {
        self.level_index(score).and_then(|i| self.levels.get(i))
    }

    /// Index of the `accept` level: the highest level an owner may accept alone.
    pub fn accept_index(&self) -> Option<usize> {
        let accept = self.accept.as_ref()?;
        self.levels.iter().position(|l| l.name.text == accept.name)
    }

    /// The level an `accept LEVEL by PARTY` line covers (with every lower level).
    pub fn authority_index(&self, a: &Authority) -> Option<usize> {
        self.levels.iter().position(|l| l.name.text == a.level.name)
    }

    /// The highest level anyone may accept: the `accept` level or the highest level an
    /// `accept LEVEL by PARTY` line gives.
    pub fn highest_acceptable(&self) -> Option<usize> {
        let owner = self.accept_index();
        let authorities = self
            .authorities
            .iter()
            .filter_map(|a| self.authority_index(a));
        owner.into_iter().chain(authorities).max()
    }

    /// The parties whose authority covers `level`.
    pub fn authorities_for(&self, level: usize) -> impl Iterator<Item = &Authority> + '_ {
        self.authorities
            .iter()
            .filter(move |a| self.authority_index(a).is_some_and(|i| i >= level))
    }

    /// Whether `value` is on the scale (`likelihood` or `impact`).
    pub fn in_scale(&self, impact: bool, value: i64) -> bool {
        let scale = if impact {
            &self.impact
        } else {
            &self.likelihood
        };
        scale
            .as_ref()
            .is_some_and(|s| s.entries.iter().any(|e| e.value == value))
    }
}

/// A risk's position under the methodology.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assessment {
    pub score: i64,
    pub level: Option<usize>,
    /// `None` when the treatment leaves no residual risk (`avoid`) or there is no treatment.
    pub residual_score: Option<i64>,
    pub residual_level: Option<usize>,
    /// The level reached today: the target (`residual_*`) once the treatment's action is
    /// complete (`overdue::treatment_complete`), the inherent level until then. `None`
    /// for a completed `avoid`, and whenever the target is unknown.
    pub current_score: Option<i64>,
    pub current_level: Option<usize>,
}

/// A risk's assessment with its current level, which depends on the controls' records.
pub fn assess_in(model: &Model, risk: &Risk, m: &Methodology) -> Option<Assessment> {
    let mut a = assess(risk, m)?;
    let complete = risk
        .treatment
        .as_ref()
        .is_some_and(|t| overdue::treatment_complete(model, t));
    // While the target is unknown (an unreadable residual) so is the current level.
    let known = a.residual_score.is_some()
        || risk
            .treatment
            .as_ref()
            .is_some_and(|t| t.kind == TreatmentKind::Avoid);
    (a.current_score, a.current_level) = match (complete, known) {
        (_, false) => (None, None),
        (true, true) => (a.residual_score, a.residual_level),
        (false, true) => (Some(a.score), a.level),
    };
    Some(a)
}

/// Whether `signer` is `party`: the same person or role, or a person who holds the role
/// `party`.
pub fn signer_is(model: &Model, party: &Ref, signer: &Ref) -> bool {
    let res = &model.resolution;
    match (res.target(party), res.target(signer)) {
        (Some(p @ Referent::Decl(Kind::Person | Kind::Role, _)), Some(s)) if p == s => true,
        (Some(Referent::Decl(Kind::Role, role)), Some(Referent::Decl(Kind::Person, person))) => {
            model.persons.get(person).is_some_and(|p| {
                p.roles
                    .iter()
                    .any(|r| res.decl(r, Kind::Role) == Some(role))
            })
        }
        _ => false,
    }
}

/// Score and levels of a risk, when its likelihood and impact are on the scales.
pub fn assess(risk: &Risk, m: &Methodology) -> Option<Assessment> {
    let (l, i) = (risk.likelihood?.value, risk.impact?.value);
    if !m.in_scale(false, l) || !m.in_scale(true, i) {
        return None;
    }
    let score = l * i;
    let residual_score = match &risk.treatment {
        None => None,
        Some(t) if t.kind == TreatmentKind::Avoid => None,
        Some(t) => match &t.residual {
            // A residual off the scale is reported by its own rule and gives no level. One
            // above the inherent rating is reported too, but still rated as written: the
            // risk then also needs an acceptance (the contract's conformance case).
            Some(r)
                if m.in_scale(false, r.likelihood.value) && m.in_scale(true, r.impact.value) =>
            {
                Some(r.likelihood.value * r.impact.value)
            }
            Some(_) => None,
            // A residual written but unreadable (misspelt, or on a line that did not
            // parse) is unknown, not the inherent risk: rules built on it would report a
            // consequence of the error already reported.
            None if t.common.incomplete || t.common.has(&Treatment::RESIDUAL) => None,
            None => Some(score),
        },
    };
    let level = m.level_index(score);
    Some(Assessment {
        score,
        level,
        residual_score,
        residual_level: residual_score.and_then(|s| m.level_index(s)),
        // Without the controls' records, nothing is assumed done: `assess_in` knows.
        current_score: Some(score),
        current_level: level,
    })
}

#[cfg(test)]
mod tests {
    use crate::{compile, Input, Options};
    use chrono::NaiveDate;

    const METHOD: &str = r#"
methodology {
  likelihood {
    1 "Rare"
    2 "Possible"
    3 "Likely"
  }
  impact {
    1 "Minor"
    2 "Moderate"
    3 "Severe"
  }
  levels {
    low 1..2
    medium 3..4
    high 5..9
  }
  accept medium
}
"#;

    fn model_with(risk: &str) -> crate::Compilation {
        let text = format!("{METHOD}\n{risk}");
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        compile(vec![Input::new("t.isms", text)], &Options { today })
    }

    fn assessment(risk: &str) -> Option<super::Assessment> {
        let c = model_with(risk);
        let m = c.model.methodology()?;
        super::assess(c.model.risks.first()?, m)
    }

    #[test]
    fn score_level_and_residual() {
        let a = assessment(
            "risk R \"t\" {\n likelihood 2\n impact 3\n treatment mitigate {\n controls x\n residual likelihood 1 impact 3\n }\n}",
        );
        let a = a.unwrap();
        assert_eq!(a.score, 6);
        assert_eq!(a.level, Some(2));
        assert_eq!(a.residual_score, Some(3));
        assert_eq!(a.residual_level, Some(1));
    }

    #[test]
    fn mitigation_without_residual_keeps_the_inherent_level() {
        let a = assessment(
            "risk R \"t\" {\n likelihood 3\n impact 3\n treatment mitigate {\n controls x\n }\n}",
        );
        let a = a.unwrap();
        assert_eq!(
            (a.score, a.residual_score, a.residual_level),
            (9, Some(9), Some(2))
        );
    }

    #[test]
    fn residual_above_inherent_is_still_rated() {
        let a = assessment("risk R \"t\" {\n likelihood 2\n impact 3\n treatment mitigate {\n controls x\n residual likelihood 3 impact 3\n }\n}");
        assert_eq!(a.unwrap().residual_score, Some(9));
    }

    #[test]
    fn avoid_leaves_no_residual() {
        let a = assessment("risk R \"t\" {\n likelihood 3\n impact 3\n treatment avoid {\n rationale \"stop\"\n }\n}");
        assert_eq!(a.unwrap().residual_score, None);
    }

    #[test]
    fn off_scale_risks_have_no_assessment() {
        assert!(assessment("risk R \"t\" {\n likelihood 4\n impact 3\n}").is_none());
    }

    #[test]
    fn achievable_scores_are_products() {
        let c = model_with("");
        let m = c.model.methodology().unwrap();
        assert_eq!(m.achievable_scores(), vec![1, 2, 3, 4, 6, 9]);
        assert!(m.scales_are_valid());
        assert_eq!(m.accept_index(), Some(1));
        assert_eq!(m.level(5).map(|l| l.name.text.as_str()), Some("high"));
        assert_eq!(m.level_index(0), None);
    }

    fn compiled(extra_method: &str, rest: &str) -> crate::Compilation {
        let method = METHOD.replace(
            "  accept medium\n",
            &format!("  accept medium\n{extra_method}"),
        );
        let text = format!(
            "role ciso \"CISO\"\nrole ceo \"CEO\"\nperson alice \"A\" {{ roles ciso }}\nperson bob \"B\" {{ roles ceo }}\n{method}\n{rest}"
        );
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        compile(vec![Input::new("t.isms", text)], &Options { today })
    }

    fn codes(c: &crate::Compilation) -> Vec<&'static str> {
        c.diagnostics.iter().map(|d| d.code.as_str()).collect()
    }

    #[test]
    fn authority_lines_extend_who_may_accept() {
        let c = compiled("  accept high by ceo\n", "");
        let m = c.model.methodology().unwrap();
        assert_eq!(m.authorities.len(), 1);
        assert_eq!(m.accept_index(), Some(1));
        assert_eq!(m.highest_acceptable(), Some(2));
        // Authority for `high` covers every lower level.
        assert_eq!(m.authorities_for(0).count(), 1);
        assert_eq!(m.authorities_for(2).count(), 1);
        let c = compiled("", "");
        let m = c.model.methodology().unwrap();
        assert_eq!(m.highest_acceptable(), Some(1));
        assert_eq!(m.authorities_for(2).count(), 0);
    }

    #[test]
    fn accept_lines_are_checked() {
        assert!(codes(&compiled("  accept high\n", "")).contains(&"field/duplicate"));
        assert!(codes(&compiled("  accept high to ceo\n", "")).contains(&"value/invalid"));
        assert!(codes(&compiled("  accept hihg by ceo\n", "")).contains(&"value/invalid"));
        assert!(codes(&compiled("  accept high by nobody\n", "")).contains(&"ref/unknown"));
        let only_authority = METHOD.replace("  accept medium\n", "  accept high by ceo\n");
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let c = compile(
            vec![Input::new(
                "t.isms",
                format!("role ceo \"CEO\"\n{only_authority}"),
            )],
            &Options { today },
        );
        assert!(codes(&c).contains(&"field/missing"), "{:?}", codes(&c));
    }

    #[test]
    fn a_holder_of_the_role_or_the_role_itself_signs_for_it() {
        let c = compiled("", "");
        let m = &c.model;
        let ciso = &m.persons[0].roles[0];
        let ceo = &m.persons[1].roles[0];
        // A person is named by its definition as well: `alice` holds `ciso`, not `ceo`.
        let alice = crate::model::Ref {
            name: "alice".into(),
            span: m.persons[0].id.span,
        };
        assert!(super::signer_is(m, ciso, ciso));
        assert!(super::signer_is(m, ciso, &alice));
        assert!(!super::signer_is(m, ceo, &alice));
        assert!(!super::signer_is(m, ciso, ceo));
    }

    fn current(status: &str, treatment: &str) -> (Option<i64>, Option<i64>) {
        let rest = format!(
            "control c \"C\" {{\n status {status}\n owner alice\n}}\nrisk R \"t\" {{\n likelihood 2\n impact 3\n owner ciso\n treatment {treatment}\n}}\n"
        );
        let c = compiled("", &rest);
        let m = c.model.methodology().unwrap();
        let a = super::assess_in(&c.model, &c.model.risks[0], m).unwrap();
        (a.current_score, a.residual_score)
    }

    #[test]
    fn the_current_level_is_the_target_only_once_the_action_is_complete() {
        let mitigate = "mitigate {\n controls c\n residual likelihood 1 impact 3\n }";
        assert_eq!(current("planned", mitigate), (Some(6), Some(3)));
        assert_eq!(current("partial", mitigate), (Some(6), Some(3)));
        assert_eq!(current("implemented", mitigate), (Some(3), Some(3)));
        let avoid = "avoid {\n rationale \"stop\"\n due 2027-01-01\n }";
        assert_eq!(current("planned", avoid), (Some(6), None));
        let done = "avoid {\n rationale \"stop\"\n done 2026-10-01\n }";
        assert_eq!(current("planned", done), (None, None));
        let transfer = "transfer {\n to \"insurer\"\n residual likelihood 1 impact 3\n }";
        assert_eq!(current("planned", transfer), (Some(6), Some(3)));
        let transferred =
            "transfer {\n to \"insurer\"\n residual likelihood 1 impact 3\n done 2026-10-01\n }";
        assert_eq!(current("planned", transferred), (Some(3), Some(3)));
        // A transfer with controls follows its controls, as `mitigate` does.
        let with_controls = "transfer {\n to \"insurer\"\n controls c\n residual likelihood 1 impact 3\n done 2026-10-01\n }";
        assert_eq!(current("planned", with_controls), (Some(6), Some(3)));
    }
}
