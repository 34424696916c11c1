//! The compact weights file: what `termwatch train` writes and the crate ships.
//!
//! Layout, little-endian:
//!
//! ```text
//! "TWLM"  format version u32  feature version u32  hash bits u32  label count u8
//! per label:  bias f32  threshold f32  quantisation step f32
//! entry count u32
//! per entry, in increasing bucket order:
//!     bucket - previous bucket   (LEB128 varint)
//!     label mask                 (u8: which labels have a non-zero weight)
//!     one i8 per set bit         (weight / step, rounded)
//! ```
//!
//! Only buckets with a weight that survives quantisation are stored, so an entry costs about
//! three to five bytes. Decoding is one pass; a damaged file is an error, never a panic.

use thiserror::Error;

use super::LABEL_COUNT;

const MAGIC: &[u8; 4] = b"TWLM";
const FORMAT_VERSION: u32 = 1;

/// A weights file that cannot be read.
#[derive(Debug, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum WeightsError {
    /// The file does not start with the magic bytes, or ends early: it is not a weights file or
    /// it was cut. Run `termwatch train` again.
    #[error("not a complete Termwatch weights file")]
    Truncated,
    /// The file was written by another version of the format or of the feature extractor;
    /// `termwatch train` writes a current one.
    #[error("weights written for {found}, this build reads {expected}")]
    Version { found: String, expected: String },
    /// An entry points outside the hash space or repeats a bucket: the file is damaged.
    #[error("damaged weights entry {0}")]
    BadEntry(usize),
}

/// Per-label parameters besides the feature weights.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct LabelParams {
    pub bias: f32,
    /// Margin at and above which the label is tagged.
    pub threshold: f32,
}

/// Weights as the file holds them, before the lookup table is built.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Weights {
    pub feature_version: u32,
    pub hash_bits: u32,
    pub labels: [LabelParams; LABEL_COUNT],
    /// Quantisation step of each label: a stored `q` means `q * step`.
    pub steps: [f32; LABEL_COUNT],
    /// `(bucket, quantised weight per label)`, buckets strictly increasing.
    pub entries: Vec<(u32, [i8; LABEL_COUNT])>,
}

impl Weights {
    /// Quantises float weights to one byte each, the largest weight of a label to ±127. A
    /// weight that quantises to `prune` or less in size is dropped, and a bucket left with none
    /// is not stored: most hashed n-grams carry almost nothing, and pruning them keeps the file
    /// small at no cost in accuracy (measured by cross-validation).
    pub fn quantise(
        feature_version: u32,
        hash_bits: u32,
        labels: [LabelParams; LABEL_COUNT],
        dense: &[(u32, [f32; LABEL_COUNT])],
        prune: i8,
    ) -> Weights {
        let mut steps = [0f32; LABEL_COUNT];
        for (label, step) in steps.iter_mut().enumerate() {
            let largest = dense.iter().map(|(_, w)| w[label].abs()).fold(0f32, f32::max);
            *step = if largest > 0.0 { largest / 127.0 } else { 1.0 };
        }

        let mut entries: Vec<(u32, [i8; LABEL_COUNT])> = dense
            .iter()
            .map(|(bucket, w)| {
                let quantised = std::array::from_fn(|l| {
                    let q = (w[l] / steps[l]).round().clamp(-127.0, 127.0) as i8;
                    if q.abs() <= prune {
                        0
                    } else {
                        q
                    }
                });
                (*bucket, quantised)
            })
            .filter(|(_, q)| q.iter().any(|&v| v != 0))
            .collect();
        entries.sort_by_key(|(bucket, _)| *bucket);
        entries.dedup_by_key(|(bucket, _)| *bucket);

        Weights { feature_version, hash_bits, labels, steps, entries }
    }

    /// The weight of one entry for one label.
    pub fn weight(&self, quantised: i8, label: usize) -> f32 {
        quantised as f32 * self.steps[label]
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(32 + self.entries.len() * 4);
        out.extend_from_slice(MAGIC);
        for value in [FORMAT_VERSION, self.feature_version, self.hash_bits] {
            out.extend_from_slice(&value.to_le_bytes());
        }
        out.push(LABEL_COUNT as u8);
        for (params, step) in self.labels.iter().zip(self.steps) {
            for value in [params.bias, params.threshold, step] {
                out.extend_from_slice(&value.to_le_bytes());
            }
        }

        out.extend_from_slice(&(self.entries.len() as u32).to_le_bytes());
        let mut previous = 0;
        for (bucket, weights) in &self.entries {
            write_varint(&mut out, bucket - previous);
            previous = *bucket;
            let mask =
                weights.iter().enumerate().fold(0u8, |m, (l, &w)| m | (((w != 0) as u8) << l));
            out.push(mask);
            out.extend(weights.iter().filter(|&&w| w != 0).map(|&w| w as u8));
        }

        out
    }

    pub fn decode(bytes: &[u8]) -> Result<Weights, WeightsError> {
        let mut reader = Reader { bytes, at: 0 };
        if reader.take(4)? != MAGIC {
            return Err(WeightsError::Truncated);
        }
        let format = reader.u32()?;
        let feature_version = reader.u32()?;
        let hash_bits = reader.u32()?;
        let label_count = reader.take(1)?[0] as usize;
        if format != FORMAT_VERSION || label_count != LABEL_COUNT || hash_bits > 32 {
            return Err(WeightsError::Version {
                found: format!("format {format}, {label_count} labels, {hash_bits} bits"),
                expected: format!("format {FORMAT_VERSION}, {LABEL_COUNT} labels"),
            });
        }

        let mut labels = [LabelParams::default(); LABEL_COUNT];
        let mut steps = [0f32; LABEL_COUNT];
        for (params, step) in labels.iter_mut().zip(steps.iter_mut()) {
            params.bias = reader.f32()?;
            params.threshold = reader.f32()?;
            *step = reader.f32()?;
        }

        let count = reader.u32()? as usize;
        let mut entries = Vec::with_capacity(count.min(bytes.len()));
        let mut bucket = 0u32;
        for index in 0..count {
            let delta = reader.varint()?;
            if index > 0 && delta == 0 {
                return Err(WeightsError::BadEntry(index));
            }
            bucket = bucket.checked_add(delta).ok_or(WeightsError::BadEntry(index))?;
            if hash_bits < 32 && bucket >> hash_bits != 0 {
                return Err(WeightsError::BadEntry(index));
            }
            let mask = reader.take(1)?[0];
            let mut weights = [0i8; LABEL_COUNT];
            for (label, weight) in weights.iter_mut().enumerate() {
                if mask & (1 << label) != 0 {
                    *weight = reader.take(1)?[0] as i8;
                }
            }
            entries.push((bucket, weights));
        }

        if reader.at != bytes.len() {
            return Err(WeightsError::BadEntry(count));
        }
        Ok(Weights { feature_version, hash_bits, labels, steps, entries })
    }
}

fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, count: usize) -> Result<&'a [u8], WeightsError> {
        let end = self.at.checked_add(count).ok_or(WeightsError::Truncated)?;
        let slice = self.bytes.get(self.at..end).ok_or(WeightsError::Truncated)?;
        self.at = end;
        Ok(slice)
    }

    fn u32(&mut self) -> Result<u32, WeightsError> {
        let bytes = self.take(4)?;
        Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }

    fn f32(&mut self) -> Result<f32, WeightsError> {
        Ok(f32::from_bits(self.u32()?))
    }

    fn varint(&mut self) -> Result<u32, WeightsError> {
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = self.take(1)?[0];
            value |= ((byte & 0x7f) as u32).checked_shl(shift).ok_or(WeightsError::Truncated)?;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(WeightsError::Truncated)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Weights {
        let mut labels = [LabelParams::default(); LABEL_COUNT];
        labels[2] = LabelParams { bias: -0.75, threshold: 0.125 };
        let dense = vec![
            (7, [0.5, -1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0]),
            (3, [0.0, 0.0, 0.0, 0.0, 0.001, 0.0, 0.0, 0.0]),
            (900_000, [1.0; LABEL_COUNT]),
        ];
        Weights::quantise(1, 20, labels, &dense, 0)
    }

    #[test]
    fn encoding_round_trips() {
        let weights = sample();
        assert_eq!(Weights::decode(&weights.encode()).unwrap(), weights);
    }

    #[test]
    fn pruning_drops_small_quantised_weights() {
        let dense = vec![(1, [1.0; LABEL_COUNT]), (2, [0.01; LABEL_COUNT])];
        let labels = [LabelParams::default(); LABEL_COUNT];
        assert_eq!(Weights::quantise(1, 20, labels, &dense, 0).entries.len(), 2);
        assert_eq!(Weights::quantise(1, 20, labels, &dense, 1).entries.len(), 1);
    }

    #[test]
    fn quantisation_keeps_the_largest_weight_exact_and_drops_tiny_ones() {
        let weights = sample();
        assert_eq!(weights.entries.len(), 2, "the all-but-zero bucket is dropped");
        let (bucket, quantised) = weights.entries[0];
        assert_eq!(bucket, 7);
        assert!((weights.weight(quantised[7], 7) - 2.0).abs() < 1e-6);
        assert!((weights.weight(quantised[0], 0) - 0.5).abs() < 0.01);
    }

    #[test]
    fn damaged_files_are_errors() {
        let bytes = sample().encode();
        for cut in [0, 3, 10, bytes.len() - 1] {
            assert!(Weights::decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Weights::decode(&longer).is_err(), "trailing bytes");
        let mut other = bytes.clone();
        other[4] = 9;
        assert!(matches!(Weights::decode(&other), Err(WeightsError::Version { .. })));
    }
}
