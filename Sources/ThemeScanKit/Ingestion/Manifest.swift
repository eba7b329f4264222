import Foundation

/// A CSV file describing the inputs: a `file` column (paths relative to the manifest) and any other columns as
/// metadata. `case` groups documents into cases (programs) and `interviewer` lists a file's interviewer labels
/// separated by `;`; `case_column`, `text_columns`, `sheet` and `encoding` set how that one file is read; every
/// other column, such as `year`, is carried through to the outputs.
public struct Manifest: Sendable {
    /// The manifest file itself, which is never analyzed as an input.
    public var path: String
    /// Entries by standardized absolute path.
    public var entries: [String: ManifestEntry]
    /// The manifest's folder as the user named it.
    public var folder: String

    public init(path: String, entries: [String: ManifestEntry], folder: String = "") {
        self.path = path
        self.entries = entries
        self.folder = folder
    }

    /// Reads a manifest; problems in single rows come back as warnings, a manifest that cannot be used throws.
    public static func load(path: String) throws(IngestionError) -> (manifest: Manifest, warnings: [Diagnostic]) {
        let bytes: [UInt8]
        do {
            // A pipe or device named as the manifest is refused rather than read forever.
            bytes = try RegularFile.read(path, limit: IngestionOptions.defaultMaximumFileBytes)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        // Read like any text input: a manifest saved by Excel on Chinese Windows is GBK.
        let decoded = try TextDecoder().decode(bytes, path: path)
        return try parse(decoded.text, path: path, warnings: decoded.warnings)
    }

    /// Reads a manifest from its text; `path` locates the files it names.
    public static func parse(
        _ text: String, path: String, warnings initialWarnings: [Diagnostic] = []
    ) throws(IngestionError) -> (manifest: Manifest, warnings: [Diagnostic]) {
        var warnings = initialWarnings
        let records: [CSVRecord]
        do {
            records = try CSVParser().records(in: text)
        } catch {
            if case .unclosedQuote(let line) = error {
                throw .malformed(at: SourceLocation(path: path, line: line), reason: error.description)
            }
            throw .malformed(at: SourceLocation(path: path), reason: error.description)
        }
        guard let header = records.first else { throw .empty(path: path) }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let fileColumn = names.firstIndex(of: "file") else {
            throw .malformed(
                at: SourceLocation(path: path, line: header.line),
                reason: "the manifest has no `file` column (found: \(names.joined(separator: ", "))); "
                    + "name the column of input paths `file`")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var entries: [String: ManifestEntry] = [:]
        for record in records.dropFirst() {
            func value(_ column: Int) -> String? {
                guard column < record.fields.count else { return nil }
                let value = record.fields[column].trimmingCharacters(in: .whitespacesAndNewlines)
                return value.isEmpty ? nil : value
            }
            guard let file = value(fileColumn) else {
                warnings.append(
                    Diagnostic(.warning, at: SourceLocation(path: path, line: record.line), "row without a file; ignored"))
                continue
            }
            if record.fields.count > names.count {
                warnings.append(
                    Diagnostic(
                        .warning, at: SourceLocation(path: path, line: record.line),
                        "row has \(record.fields.count) fields, the header \(names.count); extra fields ignored"))
            }
            let resolved = Self.standardized(URL(fileURLWithPath: file, relativeTo: folder).path)
            var metadata: [String: String] = [:]
            var caseID: String?
            var interviewers: [String]?
            var settings = SourceSettings()
            for (column, name) in names.enumerated() where column != fileColumn && !name.isEmpty {
                guard let cell = value(column) else { continue }
                if settings.set(column: name, value: cell) { continue }
                switch name {
                case "case": caseID = cell
                case "interviewer":
                    interviewers = cell.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                        .filter { !$0.isEmpty }
                default: metadata[name] = cell
                }
            }
            if let earlier = entries[resolved] {
                warnings.append(
                    Diagnostic(
                        .warning, at: SourceLocation(path: path, line: record.line),
                        "\(file) is already described on line \(earlier.line); this row is ignored"))
                continue
            }
            entries[resolved] = ManifestEntry(
                path: resolved, id: file.hasPrefix("./") ? String(file.dropFirst(2)) : file, line: record.line, caseID: caseID, interviewerLabels: interviewers,
                settings: settings, metadata: metadata)
        }
        let manifest = Manifest(
            path: Self.standardized(URL(fileURLWithPath: path).path), entries: entries,
            folder: (path as NSString).deletingLastPathComponent)
        return (manifest, warnings)
    }

    /// The files the manifest describes, in its order, for a run given no other inputs: each path joined to the
    /// manifest's folder as it was given, so relative stays relative and outputs do not depend on where the
    /// project lives.
    public var files: [String] {
        entries.values.sorted { $0.line < $1.line }.map { (folder as NSString).appendingPathComponent($0.id) }
    }

    /// Whether `path` is the manifest file itself.
    public func isManifest(_ path: String) -> Bool {
        Self.standardized(URL(fileURLWithPath: path).path) == self.path
    }

    /// The sources with what the manifest says of them. A described file's id becomes its path relative to the
    /// manifest's folder, as the manifest names it, so ids stay the same whichever folders are given on the
    /// command line. Files it does not describe are kept, each its own case, with a warning; files it
    /// describes that are not among the inputs are warned about too.
    public func apply(to sources: [DocumentSource]) -> (sources: [DocumentSource], warnings: [Diagnostic]) {
        var warnings: [Diagnostic] = []
        var used: Set<String> = []
        let described = sources.map { source -> DocumentSource in
            let key = Self.standardized(URL(fileURLWithPath: source.path).path)
            guard let entry = entries[key] else {
                warnings.append(
                    Diagnostic(
                        .warning, at: SourceLocation(path: source.path),
                        "not in the manifest \(path); analyzed as a case of its own, without metadata"))
                return source
            }
            used.insert(key)
            var source = source
            source.id = entry.id
            source.caseID = entry.caseID
            source.metadata = entry.metadata
            source.interviewerLabels = entry.interviewerLabels
            source.settings = entry.settings
            return source
        }
        for entry in entries.values.sorted(by: { $0.line < $1.line }) where !used.contains(entry.path) {
            let exists = FileManager.default.fileExists(atPath: entry.path)
            warnings.append(
                Diagnostic(
                    .warning, at: SourceLocation(path: path, line: entry.line),
                    exists ? "\(entry.path) is not among the inputs; not analyzed" : "\(entry.path) does not exist"))
        }
        return (described, warnings)
    }

    /// The absolute path with `.` and `..` resolved and symbolic links followed, so that a file named two
    /// ways is found once.
    static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
