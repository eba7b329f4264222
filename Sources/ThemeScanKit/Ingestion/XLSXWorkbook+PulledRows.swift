extension XLSXWorkbook {
    /// What the tree must judge: a document type or an entity reference met, or bytes that are not well-formed.
    struct LeftToTree: Error {}

    /// The rows of a worksheet's bytes as `rows(of:sharedStrings:)` reads them from its tree, read node by node
    /// without one; nil when the part must be read as a tree after all (see `LeftToTree`).
    ///
    /// A worksheet's tree cost about ten times its bytes (a 20 MB sheet of 55,000 survey rows peaked at 300 MB);
    /// the reader holds one node at a time. It walks the same elements the tree reading looks at: the root's first
    /// `sheetData`, its `row` children, their `c` children, and in each cell the first `v` or, for an inline
    /// string, the first `is`; everything else is skipped whole.
    static func pulledRows(
        of bytes: [UInt8], sharedStrings: XLSXSharedStrings
    ) -> (rows: [SpreadsheetRow], badIndexes: [String])? {
        try? XMLPullReader.read(bytes) { reader in
            var sheet = XLSXSheetRowReader(reader, sharedStrings: sharedStrings)
            var rows: [SpreadsheetRow] = []
            while let row = try sheet.nextRow() { rows.append(row) }
            return (rows, sheet.badIndexes)
        }
    }

    /// The string items of a shared-strings part as `sharedStrings(of:)` gives them from its tree, read node by
    /// node; nil when the part must be read as a tree.
    static func pulledSharedStrings(of bytes: [UInt8]) -> [String]? {
        try? XMLPullReader.read(bytes) { reader in
            var strings: [String] = []
            try pulledSharedStrings(from: reader) { strings.append($0) }
            return strings
        }
    }

    /// Calls `each` with the string items of the shared-strings part `reader` reads, in order, then reads to the
    /// part's end. Throws `LeftToTree` when the part must be read as a tree, or what `each` throws.
    static func pulledSharedStrings(from reader: XMLPullReader, _ each: (String) throws -> Void) throws {
        try forEachChild(ofRootIn: reader) {
            guard reader.isNamed("si") else { return try skip(reader) }
            try each(try richText(in: reader))
        }
    }

    /// Whether the cell element the reader is on points past the `count` shared strings, as `cellValue` would find
    /// it does, walked as `cellValue` walks it but without making its text; consumed through its end.
    static func pointsPastSharedStrings(in reader: XMLPullReader, count: Int) throws -> Bool {
        let isShared = reader.attribute("t") == "s"
        var raw: String?
        try forEachChild(of: reader) {
            if isShared, raw == nil, reader.isNamed("v") { raw = try textContent(in: reader) } else { try skip(reader) }
        }
        guard let raw else { return false }
        return sharedStringIndex(raw, count: count) == nil
    }

    /// The text of the cell element the reader is on, consumed through its end.
    static func cellValue(
        in reader: XMLPullReader, sharedStrings: XLSXSharedStrings, badIndex: () -> Void
    ) throws -> String {
        let type = reader.attribute("t")
        var raw: String?
        var inline: String?
        try forEachChild(of: reader) {
            if raw == nil, reader.isNamed("v") {
                raw = try textContent(in: reader)
            } else if inline == nil, reader.isNamed("is") {
                inline = try richText(in: reader)
            } else {
                try skip(reader)
            }
        }
        if type == "inlineStr" { return inline ?? "" }
        return value(type: type, raw: raw, sharedStrings: sharedStrings, badIndex: badIndex)
    }

    /// `richText(of:)` of the element the reader is on: its `t` children's text and its runs' (`r`) `t` children's
    /// text, in order; consumed through its end.
    private static func richText(in reader: XMLPullReader) throws -> String {
        var text = ""
        try forEachChild(of: reader) {
            if reader.isNamed("t") {
                text += try textContent(in: reader)
            } else if reader.isNamed("r") {
                try forEachChild(of: reader) {
                    if reader.isNamed("t") { text += try textContent(in: reader) } else { try skip(reader) }
                }
            } else {
                try skip(reader)
            }
        }
        return text
    }

    /// All the text inside the element the reader is on, as a tree node's text content; consumed through its end.
    private static func textContent(in reader: XMLPullReader) throws -> String {
        var text = ""
        try forEachDescendant(of: reader) {
            if reader.kind == .text { text += reader.value }
        }
        return text
    }

    /// Skips the element the reader is on, through its end.
    static func skip(_ reader: XMLPullReader) throws {
        try forEachDescendant(of: reader) { }
    }

    /// Calls `body` on each element child of the element the reader is on, which must consume the child through
    /// its end; returns at the element's end.
    static func forEachChild(of reader: XMLPullReader, _ body: () throws -> Void) throws {
        let depth = reader.depth
        try forEachDescendant(of: reader) {
            if reader.kind == .element, reader.depth == depth + 1 { try body() }
        }
    }

    /// Calls `body` on every node inside the element the reader is on; returns at the element's end.
    private static func forEachDescendant(
        of reader: XMLPullReader, _ body: () throws -> Void
    ) throws {
        guard !reader.isEmptyElement else { return }
        let depth = reader.depth
        while try advance(reader) {
            if reader.kind == .endElement, reader.depth == depth { return }
            try body()
        }
        throw LeftToTree()
    }

    /// Calls `body` on each element child of the root, then reads to the end of the document, which must be
    /// well-formed.
    private static func forEachChild(
        ofRootIn reader: XMLPullReader, _ body: () throws -> Void
    ) throws {
        var rootSeen = false
        while try advance(reader) {
            guard !rootSeen, reader.kind == .element, reader.depth == 0 else { continue }
            rootSeen = true
            try forEachChild(of: reader, body)
        }
    }

    /// Moves the reader on; false at the end of the document. Whatever the tree must judge ends the reading.
    static func advance(_ reader: XMLPullReader) throws -> Bool {
        do {
            guard try reader.next() else { return false }
        } catch {
            throw LeftToTree()
        }
        switch reader.kind {
        case .entityReference, .documentType: throw LeftToTree()
        default: return true
        }
    }
}
