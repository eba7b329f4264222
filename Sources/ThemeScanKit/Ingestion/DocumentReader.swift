/// Turns the bytes of one input file into documents; one adapter per format.
///
/// Adapters never touch the file system: the loader reads the file (with its size limit) and hands the bytes
/// over, so every adapter can be tested and fuzzed on bytes alone.
public protocol DocumentReader: Sendable {
    /// The documents in `bytes`, read from `source`; throws when the whole file must be skipped.
    func read(_ bytes: consuming [UInt8], from source: DocumentSource) throws(IngestionError) -> ReadResult
}
