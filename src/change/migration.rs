//! Named, idempotent upgrades of stored snapshots from older layouts to the current one.
//!
//! Each [`Migration`] lifts a snapshot from one schema to the next, works on the JSON value
//! before it is typed, and can run twice without harm (it checks what it would change first),
//! so a write interrupted after an upgrade never leaves a record that a second upgrade breaks.
//! Every layout that was ever written keeps its migration forever.
//!
//! Cost: one pass over the top-level fields per migration; the clause and block arrays are
//! moved, not copied.

use serde_json::{Map, Value};

use super::snapshot::{SnapshotError, SCHEMA_VERSION};

/// One upgrade step.
pub struct Migration {
    /// A name that says what it does, for logs and for people reading stored data.
    pub name: &'static str,
    /// The schema it reads; it writes `from + 1`.
    pub from: u32,
    pub apply: fn(&mut Map<String, Value>),
}

/// Every migration, oldest first.
pub const MIGRATIONS: &[Migration] =
    &[Migration { name: "split_seen_time", from: 1, apply: split_seen_time }];

/// Schema 1 had one `seen_at_ms`; schema 2 tells when a version was first and last seen, so
/// that a page flipping between two variants updates the variant it returned to.
fn split_seen_time(fields: &mut Map<String, Value>) {
    if fields.contains_key("first_seen_ms") {
        fields.remove("seen_at_ms");
        return;
    }
    let seen = fields.remove("seen_at_ms").unwrap_or(Value::from(0));
    fields.insert("first_seen_ms".into(), seen.clone());
    fields.insert("last_seen_ms".into(), seen);
}

/// Brings a snapshot value to [`SCHEMA_VERSION`]; refuses newer schemas and values that are
/// not snapshot objects.
pub fn upgrade(value: Value) -> Result<Value, SnapshotError> {
    let Value::Object(mut fields) = value else {
        return Err(SnapshotError::Corrupt("the record is not a JSON object".into()));
    };
    let schema = match fields.get("schema") {
        Some(Value::Number(number)) => number.as_u64(),
        _ => None,
    };
    let Some(mut schema) = schema else {
        return Err(SnapshotError::Corrupt("the record has no numeric `schema` field".into()));
    };
    if schema > u64::from(SCHEMA_VERSION) {
        return Err(SnapshotError::FutureSchema { found: schema, supported: SCHEMA_VERSION });
    }
    if schema == 0 {
        return Err(SnapshotError::Corrupt("schema 0 was never written".into()));
    }

    while schema < u64::from(SCHEMA_VERSION) {
        let Some(migration) = MIGRATIONS.iter().find(|m| u64::from(m.from) == schema) else {
            return Err(SnapshotError::Corrupt(format!("no migration reads schema {schema}")));
        };
        (migration.apply)(&mut fields);
        schema += 1;
        fields.insert("schema".into(), Value::from(schema));
    }
    Ok(Value::Object(fields))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema_1() -> Value {
        json!({"schema": 1, "key": "example.com/terms", "seen_at_ms": 1_700_000_000_000u64,
               "engine_version": "0.1.0", "normaliser_version": 1,
               "text_sha256": "0".repeat(64), "words": 0, "blocks": []})
    }

    #[test]
    fn schema_1_gains_first_and_last_seen() {
        let upgraded = upgrade(schema_1()).unwrap();
        assert_eq!(upgraded["schema"], 2);
        assert_eq!(upgraded["first_seen_ms"], 1_700_000_000_000u64);
        assert_eq!(upgraded["last_seen_ms"], 1_700_000_000_000u64);
        assert!(upgraded.get("seen_at_ms").is_none());
    }

    #[test]
    fn migrations_are_idempotent() {
        for migration in MIGRATIONS {
            let Value::Object(mut once) = schema_1() else { unreachable!() };
            (migration.apply)(&mut once);
            let mut twice = once.clone();
            (migration.apply)(&mut twice);
            assert_eq!(once, twice, "{} is not idempotent", migration.name);
        }
    }

    #[test]
    fn every_old_schema_has_a_migration() {
        for schema in 1..SCHEMA_VERSION {
            assert!(MIGRATIONS.iter().any(|m| m.from == schema), "nothing reads schema {schema}");
        }
    }

    #[test]
    fn future_and_missing_schemas_are_refused() {
        let future = json!({"schema": SCHEMA_VERSION + 1});
        assert_eq!(
            upgrade(future),
            Err(SnapshotError::FutureSchema {
                found: u64::from(SCHEMA_VERSION) + 1,
                supported: SCHEMA_VERSION
            })
        );
        assert!(matches!(upgrade(json!({"key": "x"})), Err(SnapshotError::Corrupt(_))));
        assert!(matches!(upgrade(json!([1, 2])), Err(SnapshotError::Corrupt(_))));
        assert!(matches!(upgrade(json!({"schema": "2"})), Err(SnapshotError::Corrupt(_))));
    }
}
