//! `rego-check POLICY DATA.json`: evaluates `data.isms.defects` of the Rego policy over the
//! JSON model (given as `input`) with regorus and prints the resulting {code: count}
//! object as JSON, for the whole-process comparison in benches/compare.sh.

use std::process::ExitCode;

fn run(policy: &str, data: &str) -> Result<String, Box<dyn std::error::Error>> {
    let mut engine = regorus::Engine::new();
    engine.add_policy_from_file(policy)?;
    let json = std::fs::read_to_string(data)?;
    engine.set_input(regorus::Value::from_json_str(&json)?);
    let defects = engine.eval_rule("data.isms.defects".to_string())?;
    Ok(defects.to_json_str()?)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [policy, data] = args.as_slice() else {
        eprintln!("usage: rego-check POLICY DATA.json");
        return ExitCode::from(2);
    };
    match run(policy, data) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("rego-check: {e}");
            ExitCode::FAILURE
        }
    }
}
