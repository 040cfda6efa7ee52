//! The hand-written TypeScript (src/api.d.ts) against the rule tables: each
//! action's params interface lists exactly its table's parameters, optional
//! exactly where the table says so, with the type's value alias; and every
//! action is in `ActionName`, `ActionParams`, `ResultByAction` and the overloads.
use smartag_request::rules::{Type, ACTIONS};

const DTS: &str = include_str!("../src/api.d.ts");

/// The `name: type;` members of `export interface <name> ... { ... }`.
fn interface(name: &str) -> Vec<(String, bool, String)> {
    let start = DTS.find(&format!("export interface {name} ")).unwrap_or_else(|| panic!("no interface {name}"));
    let body = &DTS[start..];
    let body = &body[body.find('{').unwrap() + 1..body.find("\n}").unwrap()];
    body.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("/*") && !l.starts_with('*'))
        .map(|l| {
            let (key, ty) = l.trim_end_matches(';').split_once(": ").unwrap_or_else(|| panic!("{name}: {l}"));
            (key.trim_end_matches('?').to_owned(), key.ends_with('?'), ty.to_owned())
        })
        .collect()
}

#[test]
fn each_params_interface_is_its_table() {
    let owner = interface("OwnerParams");
    for action in ACTIONS {
        let mut members = interface(&format!("{}Params", action.name));
        assert!(DTS.contains(&format!("export interface {}Params extends OwnerParams {{", action.name)), "{}", action.name);
        members.extend(owner.iter().cloned());
        let mut names: Vec<&str> = members.iter().map(|(k, ..)| k.as_str()).collect();
        let mut fields: Vec<&str> = action.fields.iter().map(|f| f.name).collect();
        names.sort_unstable();
        fields.sort_unstable();
        assert_eq!(names, fields, "{}: the interface's names are the table's", action.name);
        for field in action.fields {
            let (_, optional, ty) = members.iter().find(|(k, ..)| k == field.name).unwrap();
            assert_eq!(*optional, !field.required, "{}.{}: optional exactly when not required", action.name, field.name);
            let expected = match (field.name, field.ty) {
                ("Action", _) => format!("\"{}\" | null | undefined", action.name),
                (_, Type::String) => "StringValue".to_owned(),
                (_, Type::Integer) => "IntegerValue".to_owned(),
                (_, Type::Long) => "LongValue".to_owned(),
                (_, Type::Boolean) => "BooleanValue".to_owned(),
            };
            assert_eq!(ty, &expected, "{}.{}", action.name, field.name);
        }
    }
}

#[test]
fn every_action_is_named_in_the_types() {
    let union = &DTS[DTS.find("export type ActionName =").unwrap()..];
    let union = &union[..union.find(';').unwrap()];
    let params = interface("ActionParams");
    let results = interface("ResultByAction");
    for action in ACTIONS {
        let name = action.name;
        assert!(union.contains(&format!("\"{name}\"")), "ActionName lacks {name}");
        assert!(params.iter().any(|(k, _, ty)| k == name && *ty == format!("{name}Params")), "ActionParams lacks {name}");
        assert!(results.iter().any(|(k, ..)| k == name), "ResultByAction lacks {name}");
        for function in ["validate", "buildRequest"] {
            let overload = format!("export function {function}");
            let named =
                DTS.match_indices(&overload).any(|(at, _)| DTS[at..].split(')').next().unwrap().contains(&format!("action: \"{name}\"")));
            assert!(named, "{function} has no overload for {name}");
        }
    }
    assert_eq!(union.matches('"').count(), 2 * ACTIONS.len(), "ActionName names no action that has no table");
}
