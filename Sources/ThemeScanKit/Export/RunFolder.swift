import Foundation

/// A finished `analyze` run read back from its folder, for `compare`: its provenance and the counts of
/// `codes.csv`, `terms.csv` and `words.csv`.
public struct RunFolder: Sendable {
    public var path: String
    public var provenance: RunProvenance
    /// `codes.csv`, `terms.csv` and `words.csv` as records, header first.
    var codes: [[String]]
    var terms: [[String]]
    var words: [[String]]

    /// Reads the folder; every missing or malformed file is an error naming it.
    public init(path: String) throws(RunFolderError) {
        self.path = path
        provenance = try RunProvenance.read(folder: path)
        codes = try Self.table("codes.csv", in: path, header: ["theme", "code", "label", "occurrences", "documents", "cases"])
        terms = try Self.table("terms.csv", in: path, header: ["theme", "code", "term"])
        words = try Self.table("words.csv", in: path, header: ["word", "occurrences"])
    }

    /// The name the run goes by in a comparison: its `--label`, else its folder's name.
    public var defaultLabel: String {
        provenance.label ?? URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
    }

    /// The run as one group of a code comparison.
    public func codeGroup(label: String) throws(RunFolderError) -> ComparisonGroup {
        var terms: [String: [String]] = [:]
        for record in self.terms.dropFirst() { terms[record[1], default: []].append(record[2]) }
        var counts: [ComparisonCodeCount] = []
        for record in codes.dropFirst() {
            guard let occurrences = Int(record[3]), let cases = Int(record[5]) else {
                throw .unreadable(folder: path, reason: "codes.csv has a count that is not a number: \(record)")
            }
            counts.append(
                ComparisonCodeCount(
                    themeID: record[0], codeID: record[1], label: record[2], occurrences: occurrences,
                    casesCoded: cases, terms: terms[record[1]] ?? []))
        }
        return ComparisonGroup(
            label: label, source: path, tokens: provenance.totals.tokens, casesTotal: provenance.totals.cases,
            codes: counts)
    }

    /// The run as one group of a word comparison.
    public func wordGroup(label: String) throws(RunFolderError) -> WordComparisonGroup {
        var counts: [String: Int] = [:]
        for record in words.dropFirst() {
            guard let occurrences = Int(record[1]) else {
                throw .unreadable(folder: path, reason: "words.csv has a count that is not a number: \(record)")
            }
            counts[record[0]] = occurrences
        }
        return WordComparisonGroup(label: label, source: path, tokens: provenance.totals.tokens, counts: counts)
    }

    /// The records of a table the run wrote, after checking its first columns.
    static func table(_ name: String, in folder: String, header: [String]) throws(RunFolderError) -> [[String]] {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(folder: folder, reason: "no \(name); run analyze with CSV output (the default)")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: CSVTable.byteOrderMark) { bytes.removeFirst(3) }
        let records: [CSVRecord]
        do {
            records = try CSVParser().records(in: String(decoding: bytes, as: UTF8.self))
        } catch {
            throw .unreadable(folder: folder, reason: "\(name) is not CSV (\(error))")
        }
        guard let first = records.first, Array(first.fields.prefix(header.count)) == header,
            records.allSatisfy({ $0.fields.count >= header.count })
        else {
            throw .unreadable(folder: folder, reason: "\(name) does not have the columns analyze writes")
        }
        return records.map(\.fields)
    }
}
