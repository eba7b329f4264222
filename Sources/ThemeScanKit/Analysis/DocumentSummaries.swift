/// The summaries of a run's documents, in input order: held in memory, or read back from the file they were set aside
/// in while the run went on (`DocumentSummaryWriter`).
///
/// A survey export makes a document per row, and held in memory a run's summaries grew by about 500 bytes a row,
/// the largest part of what the run kept; from a file, by the 8 bytes of where each record starts.
public struct DocumentSummaries: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    private enum Storage: Sendable {
        case memory([DocumentSummary])
        case file(DocumentSummaryFile)
    }

    private let storage: Storage

    /// The summaries of `summaries`, held in memory.
    public init(_ summaries: [DocumentSummary]) {
        storage = .memory(summaries)
    }

    public init(arrayLiteral summaries: DocumentSummary...) {
        self.init(summaries)
    }

    init(file: DocumentSummaryFile) {
        storage = .file(file)
    }

    /// Whether the summaries are read from a file rather than held in memory.
    var isSetAside: Bool {
        if case .file = storage { return true }
        return false
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .memory(let summaries): return summaries.count
        case .file(let file): return file.count
        }
    }

    public subscript(position: Int) -> DocumentSummary {
        switch storage {
        case .memory(let summaries): return summaries[position]
        case .file(let file): return file.summary(at: position)
        }
    }

    public static func == (left: DocumentSummaries, right: DocumentSummaries) -> Bool {
        left.elementsEqual(right)
    }
}
