//! A deterministic synthetic ISMS of N risks, written both as `.isms` files and as the
//! equivalent JSON model (for the serde_json and jq baselines of the benchmarks).
//!
//! Proportions follow a real register: half as many assets as risks, a third as many
//! custom controls, one person per 50 risks, the Annex A catalog with the controls in use
//! recorded and the rest excluded. About 1% of the risks carry a seeded defect, spread over
//! several codes, so a checker has real work to report.
//!
//! This file is also compiled into `benches/` with `#[path]`, so it uses std and
//! serde_json only.

use std::fmt::Write as _;

/// The Annex A IDs, in catalog order (IDs only: the titles come from the stdlib).
pub fn annex_a() -> Vec<String> {
    let themes = [(5, 37), (6, 8), (7, 14), (8, 34)];
    themes
        .iter()
        .flat_map(|&(t, n)| (1..=n).map(move |i| format!("A.{t}.{i}")))
        .collect()
}

/// A small linear congruential generator: the same N gives the same project, everywhere.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
}

/// The seeded defects, one kind per slot of a 100-risk cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Defect {
    MissingOwner,
    MissingTreatment,
    UnknownOwner,
    OutOfScale,
}

impl Defect {
    pub fn code(self) -> &'static str {
        match self {
            Defect::MissingOwner => "risk/missing-owner",
            Defect::MissingTreatment => "risk/missing-treatment",
            Defect::UnknownOwner => "ref/unknown",
            Defect::OutOfScale => "value/out-of-scale",
        }
    }
}

/// Which defect (if any) risk number `i` carries: one per 100 risks, rotating through the
/// kinds, so N risks hold about N/100 defects.
pub fn defect_of(i: usize) -> Option<Defect> {
    if i % 100 != 37 {
        return None;
    }
    Some(match (i / 100) % 4 {
        0 => Defect::MissingOwner,
        1 => Defect::MissingTreatment,
        2 => Defect::UnknownOwner,
        _ => Defect::OutOfScale,
    })
}

/// A generated project: files (name, text) and the same model as JSON.
pub struct Project {
    pub files: Vec<(String, String)>,
    pub json: String,
}

pub fn generate(risks: usize) -> Project {
    let mut rng = Lcg(0x15_u64 ^ risks as u64);
    let assets = (risks / 2).max(5);
    let customs = (risks / 3).max(3);
    let people = (risks / 50).max(3);
    let roles = ["ciso", "cto", "sre-lead", "eng-manager", "dpo"];
    let catalog = annex_a();

    let mut head = String::new();
    let _ = writeln!(
        head,
        "use iso27001:2022\n\norganization synth \"Synthetic Corp\"\n"
    );
    let _ = writeln!(
        head,
        "scope \"Synthetic ISMS of {risks} risks\" {{\n  includes \"Everything\"\n}}\n"
    );
    for (i, r) in roles.iter().enumerate() {
        let _ = writeln!(head, "role {r} \"Role {i}\"");
    }
    for p in 0..people {
        let _ = writeln!(
            head,
            "person p{p} \"Person {p}\" {{ roles {} }}",
            roles[p % roles.len()]
        );
    }
    head.push_str(concat!(
        "\nmethodology {\n  likelihood {\n    1 \"Rare\"\n    2 \"Unlikely\"\n    3 \"Possible\"\n",
        "    4 \"Likely\"\n    5 \"Almost certain\"\n  }\n  impact {\n    1 \"Negligible\"\n",
        "    2 \"Minor\"\n    3 \"Moderate\"\n    4 \"Major\"\n    5 \"Severe\"\n  }\n",
        "  levels {\n    low      1..4\n    medium   5..9\n    high     10..16\n",
        "    critical 17..25\n  }\n  accept high\n}\n"
    ));

    let mut asset_text = String::new();
    let mut json_assets = Vec::new();
    for a in 0..assets {
        let owner = format!("p{}", a % people);
        let _ = writeln!(
            asset_text,
            "asset a{a} \"Asset {a}\" {{\n  kind software\n  owner {owner}\n  classification internal\n}}\n"
        );
        json_assets.push(serde_json::json!({"id": format!("a{a}"), "name": format!("Asset {a}"), "kind": "software", "owner": owner}));
    }

    // Catalog controls in use: the first two thirds of Annex A; the rest is excluded.
    let used_catalog = catalog.len() * 2 / 3;
    let mut risk_text = String::new();
    let mut json_risks = Vec::new();
    let mut named = vec![false; customs];
    let mut named_catalog = vec![false; used_catalog];
    for i in 0..risks {
        let defect = defect_of(i);
        let asset = format!("a{}", i % assets);
        let likelihood = if defect == Some(Defect::OutOfScale) {
            7
        } else {
            1 + rng.below(5)
        };
        let impact = 1 + rng.below(5);
        let owner = match defect {
            Some(Defect::MissingOwner) => None,
            Some(Defect::UnknownOwner) => Some("nobody-here".to_string()),
            _ => Some(roles[i % roles.len()].to_string()),
        };
        let custom = i % customs;
        let cat = i % used_catalog;
        named[custom] = true;
        named_catalog[cat] = true;
        let controls = vec![format!("c{custom}"), catalog[cat].clone()];
        let residual = (1, impact.min(2));
        let _ = writeln!(risk_text, "risk R-{i} \"Risk {i}\" {{");
        let _ = writeln!(risk_text, "  assets {asset}");
        let _ = writeln!(risk_text, "  threat \"Threat {i}\"");
        let _ = writeln!(risk_text, "  vulnerability \"Vulnerability {i}\"");
        let _ = writeln!(risk_text, "  likelihood {likelihood}\n  impact {impact}");
        if let Some(o) = &owner {
            let _ = writeln!(risk_text, "  owner {o}");
        }
        let treatment = if defect == Some(Defect::MissingTreatment) {
            serde_json::Value::Null
        } else {
            // The intended owner role accepts what remains (6.1.3 f), even where the
            // owner line is the risk's defect: then who signed is not checked.
            let _ = writeln!(
                risk_text,
                "  treatment mitigate {{\n    controls {}\n    residual likelihood {} impact {}\n    accepted_by {} on 2026-06-01\n  }}",
                controls.join(", "),
                residual.0,
                residual.1,
                roles[i % roles.len()]
            );
            serde_json::json!({"kind": "mitigate", "controls": controls, "residual": {"likelihood": residual.0, "impact": residual.1}})
        };
        risk_text.push_str("}\n\n");
        json_risks.push(serde_json::json!({
            "id": format!("R-{i}"), "title": format!("Risk {i}"), "assets": [asset],
            "threat": format!("Threat {i}"), "vulnerability": format!("Vulnerability {i}"),
            "likelihood": likelihood, "impact": impact, "owner": owner, "treatment": treatment,
        }));
    }

    let mut control_text = String::new();
    let mut json_controls = Vec::new();
    for (k, id) in catalog.iter().take(used_catalog).enumerate() {
        if !named_catalog[k] {
            continue;
        }
        let owner = roles[k % roles.len()];
        let _ = writeln!(control_text, "control {id} {{\n  status implemented\n  owner {owner}\n  evidence \"Evidence for {id}\"\n}}\n");
        json_controls.push(serde_json::json!({"id": id, "title": null, "status": "implemented", "owner": owner, "evidence": [format!("Evidence for {id}")]}));
    }
    for c in 0..customs {
        let owner = roles[c % roles.len()];
        let _ = writeln!(control_text, "control c{c} \"Custom control {c}\" {{\n  status implemented\n  owner {owner}\n  evidence \"Evidence for c{c}\"\n}}\n");
        json_controls.push(serde_json::json!({"id": format!("c{c}"), "title": format!("Custom control {c}"), "status": "implemented", "owner": owner, "evidence": [format!("Evidence for c{c}")]}));
    }
    let excluded: Vec<String> = catalog
        .iter()
        .enumerate()
        .filter(|(k, _)| *k >= used_catalog || !named_catalog[*k])
        .map(|(_, id)| id.clone())
        .collect();
    for chunk in excluded.chunks(10) {
        let _ = writeln!(
            control_text,
            "exclude {} because \"Not applicable to the synthetic scope\"",
            chunk.join(", ")
        );
    }

    let mut policy_text = String::new();
    let policies = (risks / 100).max(3);
    let mut json_policies = Vec::new();
    for p in 0..policies {
        let parent = if p == 0 {
            String::new()
        } else {
            "  parent pol0\n".to_string()
        };
        // Approved by `p1`, who holds `cto`: not the owner (`policy/self-approved`).
        let _ = writeln!(
            policy_text,
            "policy pol{p} \"Policy {p}\" {{\n{parent}  owner ciso\n  version \"1.0\"\n  approved_by p1 on 2026-06-01\n  review every 12 months\n  statement P{p}-1 \"Statement {p}.\"\n}}\n"
        );
        json_policies.push(serde_json::json!({"id": format!("pol{p}"), "title": format!("Policy {p}"), "owner": "ciso", "version": "1.0", "parent": if p == 0 { serde_json::Value::Null } else { "pol0".into() }}));
    }

    let json = serde_json::json!({
        "organization": {"id": "synth", "name": "Synthetic Corp"},
        "roles": roles.iter().map(|r| serde_json::json!({"id": r})).collect::<Vec<_>>(),
        "persons": (0..people).map(|p| serde_json::json!({"id": format!("p{p}"), "name": format!("Person {p}"), "roles": [roles[p % roles.len()]]})).collect::<Vec<_>>(),
        "methodology": {"likelihood": 5, "impact": 5, "levels": [["low",1,4],["medium",5,9],["high",10,16],["critical",17,25]], "accept": "high"},
        "assets": json_assets,
        "risks": json_risks,
        "controls": json_controls,
        "exclusions": excluded,
        "policies": json_policies,
    });
    Project {
        files: vec![
            ("isms.isms".to_string(), head),
            ("assets.isms".to_string(), asset_text),
            ("risks.isms".to_string(), risk_text),
            ("controls.isms".to_string(), control_text),
            ("policies.isms".to_string(), policy_text),
        ],
        json: json.to_string(),
    }
}
