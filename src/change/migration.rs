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

/// Every migration, oldest first. Schema 1 is the first layout; none is needed yet.
pub const MIGRATIONS: &[Migration] = &[];

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
