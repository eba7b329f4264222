/// How a survey platform lays out its export: how many header rows, which row names the columns, which columns
/// are the platform's own bookkeeping rather than answers.
public enum SurveyLayout: String, Sendable, Hashable, CaseIterable {
    /// The first row is the header, every other row a respondent.
    case plain
    /// Qualtrics: three header rows (short names such as `Q1`, the question text, `{"ImportId":"QID1"}`); the
    /// question text names the column, and columns whose import id is not a `QID…` are metadata.
    case qualtrics
    /// Wenjuanxing (问卷星): leading columns 序号, 提交答卷时间, 所用时间, 来源, 来源详情, 来自IP; questions headed
    /// `N、…` or `N.…`; multi-select answers joined with `┋`, fill-ins in `〖…〗`, skipped answers `-2`/`-3`.
    case wenjuanxing

    /// The columns Wenjuanxing puts before the questions.
    public static let wenjuanxingMetadataHeaders: Set<String> = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]

    /// Header names (lowercased) that name platform bookkeeping in any layout: they are never chosen as text
    /// columns automatically, whatever their values look like.
    public static let metadataHeaders: Set<String> = Set(
        wenjuanxingMetadataHeaders.map { $0.lowercased() } + [
            "id", "ip", "ip address", "ipaddress", "email", "e-mail", "timestamp", "时间戳", "提交时间", "填写时间",
            "开始时间", "结束时间", "答题时间", "答卷时间", "用户名", "昵称", "startdate", "start date", "enddate",
            "end date", "status", "response type", "progress", "duration (in seconds)", "finished", "recordeddate",
            "recorded date", "responseid", "response id", "recipientlastname", "recipient last name",
            "recipientfirstname", "recipient first name", "recipientemail", "recipient email", "externalreference",
            "external data reference", "externaldatareference", "locationlatitude", "location latitude",
            "locationlongitude", "location longitude", "distributionchannel", "distribution channel",
            "userlanguage", "user language",
        ])

    /// How many rows of the table are header rows.
    public var headerRowCount: Int {
        self == .qualtrics ? 3 : 1
    }

    /// The layout of a table whose first rows are `rows`: Qualtrics when the third row holds import ids,
    /// Wenjuanxing when the first row has at least two of its leading column names, plain otherwise.
    public static func detect(_ rows: [SpreadsheetRow]) -> SurveyLayout {
        if rows.count >= 3, rows[2].cells.contains(where: { importID(in: $0) != nil }) {
            return .qualtrics
        }
        if let header = rows.first {
            let names = Set(header.cells.map { $0.trimmingWhitespace() })
            if names.intersection(wenjuanxingMetadataHeaders).count >= 2 { return .wenjuanxing }
        }
        return .plain
    }

    /// The import id in a Qualtrics third-row cell: `QID1` in `{"ImportId":"QID1"}` or in the older
    /// `{ImportId: QID1}`; nil when the cell holds none.
    static func importID(in cell: String) -> String? {
        guard let key = cell.range(of: "ImportId") else { return nil }
        let rest = cell[key.upperBound...].drop { $0 == "\"" || $0 == ":" || $0 == " " }
        let id = rest.prefix { $0 != "\"" && $0 != "," && $0 != "}" }
        return id.isEmpty ? nil : String(id)
    }

    /// Whether a Wenjuanxing header names a question: `3、…`, `3.…`, `3．…`, or a sub-column `3(…)`/`3（…）`.
    static func isWenjuanxingQuestion(_ header: String) -> Bool {
        let scalars = header.trimmingWhitespace().unicodeScalars
        let digits = scalars.prefix { ("0"..."9").contains($0) }
        guard !digits.isEmpty, let mark = scalars.dropFirst(digits.count).first else { return false }
        return ["、", ".", "．", "(", "（"].contains(mark)
    }
}
