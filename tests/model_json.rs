//! `errspec model`: the validated model as JSON, for renderers of other languages. Every valid
//! spec's model passes the model's own schema (`errspec schema --model`) under a real
//! validator, says what the spec says, and is the same bytes on every run.

use serde_json::Value;

use crate::support::{errspec, problem_specs, repo, spec_name, v2_specs, valid_specs};

fn validator() -> jsonschema::Validator {
    let schema = errspec(repo(), &["schema", "--model"]);
    assert_eq!(schema.code, Some(0), "{}", schema.stderr);
    let schema: Value = serde_json::from_str(&schema.stdout).expect("the schema is JSON");
    jsonschema::draft202012::meta::validate(&schema).expect("a valid draft 2020-12 schema");
    jsonschema::draft202012::new(&schema).unwrap()
}

fn model_of(spec: &std::path::Path) -> (String, Value) {
    let run = errspec(repo(), &["model", "--spec", spec.to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{}: {}", spec.display(), run.stderr);
    let value = serde_json::from_str(&run.stdout).expect("the model is JSON");
    (run.stdout, value)
}

#[test]
fn every_model_passes_its_schema_and_says_what_the_spec_says() {
    let validator = validator();
    let mut specs = valid_specs();
    specs.extend(v2_specs());
    specs.extend(problem_specs());
    for spec in specs {
        let (text, model) = model_of(&spec);
        let errors: Vec<String> = validator
            .iter_errors(&model)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", spec_name(&spec));
        // The spec as serde_yaml reads it, to compare the texts with.
        let source: serde_yaml::Value =
            serde_yaml::from_str(&std::fs::read_to_string(&spec).unwrap()).unwrap();
        let codes = source["codes"].as_sequence().unwrap();
        assert_eq!(model["codes"].as_array().unwrap().len(), codes.len());
        for (code, written) in model["codes"].as_array().unwrap().iter().zip(codes) {
            for key in ["title", "description"] {
                assert_eq!(code[key].as_str(), written[key].as_str(), "{key}");
            }
            assert_eq!(code["status"].as_u64(), written["status"].as_u64());
            assert_eq!(code["code"].as_str(), written["code"].as_str());
            let params = written["params"].as_mapping();
            let names: Vec<&str> = params
                .map(|p| p.keys().filter_map(|k| k.as_str()).collect())
                .unwrap_or_default();
            let drawn: Vec<&str> = code["params"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["name"].as_str().unwrap())
                .collect();
            assert_eq!(drawn, names, "{}: params in spec order", spec_name(&spec));
            assert_eq!(
                code["message_template"].as_str(),
                written["message"].as_str()
            );
            assert_eq!(code["deprecated"].as_str(), written["deprecated"].as_str());
        }
        let envelope = source["api"]["envelope"].as_str().unwrap_or("errspec");
        assert_eq!(model["api"]["envelope"].as_str(), Some(envelope));
        // The seed spec and `hostile_text` have an example, the other specs none.
        let (example, written) = (&model["api"]["example"], &source["api"]["example"]);
        assert_eq!(example["status"].as_u64(), written["status"].as_u64());
        assert_eq!(example["message"].as_str(), written["message"].as_str());
        let expected_format = source["version"].as_u64().unwrap();
        assert_eq!(model["format"].as_u64(), Some(expected_format));
        let library = errspec::model_json(
            &std::fs::read_to_string(&spec).unwrap(),
            &errspec::Options::new(spec_name(&spec)),
        )
        .unwrap();
        assert_eq!(text, library, "the command prints what the library returns");
        assert_eq!(model_of(&spec).0, text, "the same bytes on every run");
    }
}

#[test]
fn the_model_schema_is_closed() {
    let validator = validator();
    let (_, mut model) = model_of(&repo().join("tests/fixtures/specs_v2/catalog.yaml"));
    assert!(validator.is_valid(&model));
    model["codes"][0]["extra"] = Value::Bool(true);
    assert!(!validator.is_valid(&model), "an unknown key is refused");
    model["codes"][0].as_object_mut().unwrap().remove("extra");
    model["codes"][0]["params"][0]["type"] = Value::String("date".into());
    assert!(
        !validator.is_valid(&model),
        "an unknown parameter type is refused"
    );
}

#[test]
fn an_invalid_spec_prints_no_model() {
    let spec = repo().join("tests/fixtures/invalid/v2_catalog.yaml");
    let run = errspec(repo(), &["model", "--spec", spec.to_str().unwrap()]);
    assert_eq!(run.code, Some(1));
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr.contains("error[INVALID_TEMPLATE]"),
        "{}",
        run.stderr
    );
}
