import Foundation

/// Reads `.txt` and `.md` files as UTF-8 text, one segment per document.
public struct PlainTextReader: DocumentReader {
    public var decoder = UTF8TextDecoder()
    /// The largest file read as one document. ICU addresses text with 32-bit indices, and a document is held in
    /// memory whole, so larger files are refused with a clear message rather than read halfway.
    public var maximumBytes: Int

    public static let defaultMaximumBytes = 1 << 30

    public init(maximumBytes: Int = PlainTextReader.defaultMaximumBytes) {
        self.maximumBytes = maximumBytes
    }

    public func read(_ source: DocumentSource) throws(IngestionError) -> (document: Document, warnings: [Diagnostic]) {
        let format = DocumentFormat(pathExtension: (source.path as NSString).pathExtension) ?? .text
        let size = (try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? Int) ?? 0
        guard size <= maximumBytes else { throw .tooLarge(path: source.path, bytes: size, limit: maximumBytes) }
        let bytes: [UInt8]
        do {
            bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: source.path)))
        } catch {
            throw .unreadable(path: source.path, reason: fileErrorReason(error))
        }
        guard !bytes.isEmpty else { throw .empty(path: source.path) }
        let (text, warnings) = decoder.decode(bytes, path: source.path)
        let document = Document(
            id: source.id, caseID: source.caseID, source: source.path, format: format, encoding: "UTF-8",
            text: text, segments: [Segment(text: text, start: 0)])
        return (document, warnings)
    }
}
