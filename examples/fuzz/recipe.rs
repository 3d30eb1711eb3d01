//! Recipes: large corpus inputs stored as a few bytes. A `*.recipe.json` file is
//! `{ "parts": [ "text", { "repeat": "item {i}", "times": 1000, "separator": "," }, … ] }`;
//! the input is the parts joined, each repeat written `times` times with `{i}` replaced by
//! the repetition's number (from 0).

use serde_json::Value;

/// The text a recipe describes, or why it cannot be read.
pub fn expand(recipe: &str) -> Result<String, String> {
    let recipe: Value = serde_json::from_str(recipe).map_err(|e| e.to_string())?;
    let parts = recipe
        .get("parts")
        .and_then(Value::as_array)
        .ok_or("a recipe needs \"parts\": an array")?;
    let mut out = String::new();
    for part in parts {
        match part {
            Value::String(text) => out.push_str(text),
            Value::Object(repeat) => {
                let item = repeat
                    .get("repeat")
                    .and_then(Value::as_str)
                    .ok_or("a repeat part needs \"repeat\": a string")?;
                let times = repeat
                    .get("times")
                    .and_then(Value::as_u64)
                    .ok_or("a repeat part needs \"times\": a number")?;
                let separator = repeat
                    .get("separator")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                let numbered = item.contains("{i}");
                for i in 0..times {
                    if i > 0 {
                        out.push_str(separator);
                    }
                    if numbered {
                        out.push_str(&item.replace("{i}", &i.to_string()));
                    } else {
                        out.push_str(item);
                    }
                }
            }
            _ => return Err("a part is a string or a repeat object".to_string()),
        }
    }
    Ok(out)
}
