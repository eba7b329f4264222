/// Reads one input file into a document; one adapter per format.
public protocol DocumentReader: Sendable {
    /// The document and the warnings met on the way; throws when the file must be skipped.
    func read(_ source: DocumentSource) throws(IngestionError) -> (document: Document, warnings: [Diagnostic])
}
