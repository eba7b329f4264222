/// The rows of an `.xlsx` workbook's sheet, read as its XML is inflated and handed on a block at a time: neither the
/// sheet's XML nor its rows are ever held whole.
///
/// A sheet's XML is about nine times the workbook's size (a 11.4 MB export of 276,000 rows holds 101 MB of it), and
/// its rows as much again. The sheet is read twice, as a streamed CSV export is: once through, making no text, to
/// check that it inflates, matches its checksum and reads node by node to its end (a part with a DTD or an entity
/// reference, or broken, is left to `SheetRows`, which reads it whole and says what is wrong, as before); then again,
/// a block of rows at a time. The shared strings are read once, before either (`XLSXSharedStrings`, set aside in a
/// file when large), as any cell may point at any of them.
struct XLSXSheetStream: SurveyRowSource {
    private let path: String
    private let sheetName: String
    private var sheet: XLSXSheetRowReader
    let warnings: [Diagnostic]
    let encoding = "UTF-8"

    /// The chosen sheet of the workbook `bytes` read as it goes; nil when the file is no zip workbook or the sheet
    /// must be read whole. Throws what reading it whole throws for a workbook that cannot be opened or has no such
    /// sheet.
    init?(_ bytes: borrowing [UInt8], format: DocumentFormat, path: String, options: IngestionOptions) throws(IngestionError) {
        guard format == .xlsx || format == .xls && ZipArchiveReader.looksLikeZip(bytes) else { return nil }
        let workbook = try XLSXWorkbook(bytes: copy bytes, path: path, maximumEntryBytes: options.maximumEntryBytes)
        let (index, part) = try workbook.sheetPart(options.sheet)
        let sharedStrings = try workbook.loadSharedStrings()
        guard let (checking, entry) = Self.reader(of: part, in: workbook.archive, sharedStrings: sharedStrings) else {
            return nil
        }
        var check = checking
        do {
            try check.checkToEnd()
        } catch {
            return nil
        }
        guard entry.isFinished, let (reading, _) = Self.reader(of: part, in: workbook.archive, sharedStrings: sharedStrings)
        else { return nil }
        self.path = path
        sheetName = workbook.sheetNames[index]
        sheet = reading
        warnings = workbook.badIndexWarning(check.badIndexes, sheet: index, sharedStringCount: sharedStrings.count)
            .map { [$0] } ?? []
    }

    /// A row reader over the sheet `part` as it inflates, and the entry it reads; nil when the entry cannot be
    /// inflated as it goes or no reader could be made.
    private static func reader(
        of part: String, in archive: ZipArchiveReader, sharedStrings: XLSXSharedStrings
    ) -> (XLSXSheetRowReader, ZipEntryStream)? {
        guard let entry = ZipEntryStream(archive, entry: part),
            let reader = XMLPullReader(pulling: { entry.read(into: $0) })
        else { return nil }
        return (XLSXSheetRowReader(reader, sharedStrings: sharedStrings), entry)
    }

    mutating func nextRows() throws(IngestionError) -> [SpreadsheetRow]? {
        var block: [SpreadsheetRow] = []
        do {
            while block.count < SheetRows.blockRows, let row = try sheet.nextRow() { block.append(row) }
        } catch {
            // The same bytes read through moments before: only a failing disk or memory gets here.
            throw .malformed(
                at: SourceLocation(path: path),
                reason: "sheet \"\(sheetName)\" could not be read again after it was checked; read the file again")
        }
        return block.isEmpty ? nil : block
    }
}
