/// The shared strings of an `.xlsx` workbook, by index: held as strings while their text is small, and set aside in
/// a file once it passes `heldBytes`.
///
/// Excel keeps every text cell of a workbook in one shared-strings part, so that part holds all the answers of a
/// survey export: 276,000 answers made a 68 MB part whose strings took more memory than the rest of the run. Read
/// node by node as the part inflates, past `heldBytes` the strings' UTF-8 bytes go to a `SetAsideFile` (in the
/// system's temporary folder, removed from it at once), with where each starts; a cell's text is read back from the
/// file's cached pieces, which a sheet's rows, pointing at strings mostly in the order they were first met, find in
/// order.
struct XLSXSharedStrings: ExpressibleByArrayLiteral {
    private enum Storage {
        case memory([String])
        /// The strings' bytes, one after another, and where each starts, then where the last ends.
        case file(SetAsideFile, starts: [Int])
    }

    private let storage: Storage
    /// Text held as strings before the rest is set aside.
    static let heldBytes = 16 << 20

    init(_ strings: [String]) {
        storage = .memory(strings)
    }

    init(arrayLiteral strings: String...) {
        self.init(strings)
    }

    private init(file: SetAsideFile, starts: [Int]) {
        storage = .file(file, starts: starts)
    }

    /// Whether the strings were set aside in a file.
    var isSetAside: Bool {
        if case .file = storage { return true }
        return false
    }

    var count: Int {
        switch storage {
        case .memory(let strings): strings.count
        case .file(_, let starts): starts.count - 1
        }
    }

    /// The string at `index`; nil when there is none.
    subscript(index: Int) -> String? {
        switch storage {
        case .memory(let strings):
            return strings.indices.contains(index) ? strings[index] : nil
        case .file(let file, let starts):
            guard index >= 0, index < starts.count - 1 else { return nil }
            return file.withBytes(in: starts[index]..<starts[index + 1], readingUpTo: starts.last!) {
                String(decoding: $0, as: UTF8.self)
            }
        }
    }

    /// The strings of the part `part` of `archive`, read node by node as it inflates, as
    /// `XLSXWorkbook.sharedStrings(of:)` reads them from its tree; nil when the part must be read whole (it does not
    /// inflate as it should, or the tree must judge it) or its strings cannot be set aside.
    static func streamed(_ part: String, in archive: ZipArchiveReader, heldBytes: Int = heldBytes) -> XLSXSharedStrings? {
        guard let entry = ZipEntryStream(archive, entry: part),
            let reader = XMLPullReader(pulling: { entry.read(into: $0) })
        else { return nil }
        var held: [String] = []
        var heldCount = 0
        var writer: SetAsideWriter?
        var starts: [Int] = []
        func append(_ text: String) throws {
            starts.append(writer!.count)
            try writer!.append { $0.append(contentsOf: text.utf8) }
        }
        do {
            try XLSXWorkbook.pulledSharedStrings(from: reader) { text in
                if writer == nil {
                    held.append(text)
                    heldCount += text.utf8.count
                    guard heldCount > heldBytes else { return }
                    writer = SetAsideWriter(folder: nil, prefix: ".themescan-shared-strings")
                    for string in held { try append(string) }
                    held = []
                } else {
                    try append(text)
                }
            }
            guard entry.isFinished else { return nil }
            guard var writer else { return XLSXSharedStrings(held) }
            starts.append(writer.count)
            return XLSXSharedStrings(file: try writer.flush(), starts: starts)
        } catch {
            return nil
        }
    }
}
