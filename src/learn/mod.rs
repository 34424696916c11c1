//! Learning the clause model (native builds only; the extension only scores).
//!
//! - [`corpus`] reads the CLAUDETTE sentence files;
//! - [`svm`] is the linear learner;
//! - [`fit`] is the one recipe that turns labelled sentences into shipped weights, used both by
//!   `termwatch train` and, fold by fold, by `termwatch eval`.

pub mod corpus;
pub mod fit;
pub mod svm;
