/// Picks one sheet of a workbook from `IngestionOptions.sheet`: a sheet name, else a 1-based number.
enum SheetChoice {
    /// The index in `names` of the chosen sheet (the first when `selector` is nil); throws listing the sheets.
    static func index(of selector: String?, in names: [String], path: String) throws(IngestionError) -> Int {
        guard !names.isEmpty else {
            throw .malformed(at: SourceLocation(path: path), reason: "the workbook has no sheets")
        }
        guard let selector else { return 0 }
        if let index = names.firstIndex(of: selector) { return index }
        let trimmed = selector.trimmingWhitespace()
        if let index = names.firstIndex(where: { $0.lowercased() == trimmed.lowercased() }) { return index }
        if let number = Int(trimmed), (1...names.count).contains(number) { return number - 1 }
        let listed = names.enumerated().map { "\($0.offset + 1) \"\($0.element)\"" }.joined(separator: ", ")
        throw .malformed(
            at: SourceLocation(path: path),
            reason: "the workbook has no sheet \"\(selector)\"; its sheets are \(listed); choose one with --sheet "
                + "NAME or NUMBER")
    }
}
