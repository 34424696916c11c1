//! Turns a clause and what surrounds it into a sparse, hashed feature vector.
//!
//! Five groups, each in its own hash namespace so that "terminate" in the clause and
//! "terminate" in its heading are different features:
//! - the clause's word 1- to 3-grams;
//! - its legal cues ([`super::cues`]);
//! - the previous clause's words, word pairs and cues (a sentence cut in two keeps its meaning);
//! - the next clause's words and cues;
//! - the section heading's words and word pairs ("Termination", "Governing law").
//!
//! Every group is scaled to a fixed length (its weight over the square root of its feature
//! count) so that long clauses do not drown short ones. Training and scoring call this same
//! function, which is what keeps the shipped weights meaningful.
//!
//! Cost: linear in the length of the clause and its neighbours; no allocation once the
//! [`Scratch`] buffers have grown. Limits: hashing into 2^[`HASH_BITS`] buckets lets unrelated
//! n-grams collide; with the few tens of thousands of features kept this costs little.

use super::cues::{self, CueScratch};
use super::text::{extend, mix, tokenize, word_hash, Token};
use crate::tagging::ClauseContext;

/// Features are hashed into `2^HASH_BITS` buckets.
pub const HASH_BITS: u32 = 20;
/// Bumped whenever a change here or in the cues moves features to other buckets; the weights
/// file records it and refuses to load under another version.
pub const FEATURE_VERSION: u32 = 1;

/// One non-zero entry of a feature vector: bucket and value.
pub type Feature = (u32, f32);

/// The groups and the length each is scaled to.
#[derive(Debug, Clone, Copy)]
struct Group {
    namespace: u64,
    scale: f32,
}

const TEXT: Group = Group { namespace: word_hash("text"), scale: 1.0 };
const CUES: Group = Group { namespace: word_hash("cues"), scale: 0.6 };
const PREVIOUS: Group = Group { namespace: word_hash("previous"), scale: 0.5 };
const NEXT: Group = Group { namespace: word_hash("next"), scale: 0.4 };
const HEADING: Group = Group { namespace: word_hash("heading"), scale: 0.5 };

/// Buffers reused from clause to clause.
#[derive(Default)]
pub struct Scratch {
    tokens: Vec<Token>,
    keys: Vec<u64>,
    cues: CueScratch,
    /// The features of the last clause extracted.
    pub features: Vec<Feature>,
}

/// Extracts the features of `text` in `context` into `scratch.features`.
pub fn extract(text: &str, context: &ClauseContext<'_>, scratch: &mut Scratch) {
    scratch.features.clear();

    tokenize(text, &mut scratch.tokens);
    ngrams(&scratch.tokens, 3, &mut scratch.keys);
    push_group(TEXT, &scratch.keys, &mut scratch.features);
    cue_keys(text, scratch);
    push_group(CUES, &scratch.keys, &mut scratch.features);

    let neighbours = [(PREVIOUS, context.previous), (NEXT, context.next)];
    for (group, neighbour) in neighbours {
        if let Some(neighbour) = neighbour {
            tokenize(neighbour, &mut scratch.tokens);
            cue_keys(neighbour, scratch);
            let cues_end = scratch.keys.len();
            append_ngrams(&scratch.tokens, 2, &mut scratch.keys);
            debug_assert!(cues_end <= scratch.keys.len());
            push_group(group, &scratch.keys, &mut scratch.features);
        }
    }

    if let Some(heading) = context.section_heading {
        tokenize(heading, &mut scratch.tokens);
        ngrams(&scratch.tokens, 2, &mut scratch.keys);
        push_group(HEADING, &scratch.keys, &mut scratch.features);
    }
}

/// The bucket of a key in a namespace.
pub fn bucket(namespace: u64, key: u64) -> u32 {
    (mix(key ^ namespace) >> (64 - HASH_BITS)) as u32
}

/// Every n-gram of 1 to `longest` words, into `keys` (cleared first).
fn ngrams(tokens: &[Token], longest: usize, keys: &mut Vec<u64>) {
    keys.clear();
    append_ngrams(tokens, longest, keys);
}

fn append_ngrams(tokens: &[Token], longest: usize, keys: &mut Vec<u64>) {
    for start in 0..tokens.len() {
        let mut hash = mix(tokens[start].hash);
        keys.push(hash);
        for token in tokens.iter().skip(start + 1).take(longest - 1) {
            hash = extend(hash, token.hash);
            keys.push(hash);
        }
    }
}

/// The cue keys of a text whose tokens are in `scratch.tokens`, into `scratch.keys`.
fn cue_keys(text: &str, scratch: &mut Scratch) {
    scratch.keys.clear();
    let keys = &mut scratch.keys;
    cues::detect(text, &scratch.tokens, &mut scratch.cues, &mut |cue| keys.push(cue));
}

fn push_group(group: Group, keys: &[u64], features: &mut Vec<Feature>) {
    if keys.is_empty() {
        return;
    }
    let value = group.scale / (keys.len() as f32).sqrt();
    features.extend(keys.iter().map(|&key| (bucket(group.namespace, key), value)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(text: &str, context: ClauseContext<'_>) -> Vec<Feature> {
        let mut scratch = Scratch::default();
        extract(text, &context, &mut scratch);
        scratch.features
    }

    #[test]
    fn each_group_has_the_length_of_its_scale() {
        let found = features("We may terminate", ClauseContext::default());
        let text_norm: f32 = found[..6].iter().map(|(_, v)| v * v).sum();
        assert!((text_norm - 1.0).abs() < 1e-5, "{text_norm}");
    }

    #[test]
    fn context_adds_features_in_other_buckets() {
        let alone = features("We may terminate", ClauseContext::default());
        let context = ClauseContext {
            section_heading: Some("Termination"),
            previous: Some("Read this."),
            next: None,
        };
        let with = features("We may terminate", context);
        assert!(with.len() > alone.len());
        assert_eq!(&with[..alone.len()], &alone[..]);
    }

    #[test]
    fn case_does_not_change_word_features() {
        let lower: Vec<u32> =
            features("we may terminate", ClauseContext::default()).iter().map(|f| f.0).collect();
        let upper: Vec<u32> =
            features("WE MAY TERMINATE", ClauseContext::default()).iter().map(|f| f.0).collect();
        assert_eq!(lower[..6], upper[..6]);
    }

    #[test]
    fn empty_text_gives_only_shape_cues() {
        let found = features("", ClauseContext::default());
        assert!(found.len() <= 2, "{found:?}");
    }
}
