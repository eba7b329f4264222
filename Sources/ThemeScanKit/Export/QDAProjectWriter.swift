/// Builds a REFI-QDA project (`.qdpx`, namespace `urn:QDA-XML:project:1.0`) from a run's documents and matches.
///
/// The archive holds `project.qde` and, under `sources/`, each document's extracted text as UTF-8
/// (`sources/GUID.txt`, referred to as `internal://GUID.txt`). The project has one user (the automatic coder),
/// the codebook (as `QDACodebookWriter` writes it), the metadata as variables, one case per case id, and per
/// document a `TextSource` whose `PlainTextSelection`s (one per match, sentence or turn: see `QDACodingUnit`)
/// carry one `Coding` per credited code. Positions are Unicode scalar offsets from 0, end exclusive, exactly as
/// in `matches.csv`.
///
/// A metadata column becomes a case variable when every case has one value for it (`organization`), and a
/// document variable on the `TextSource` otherwise (`year`, when a program was interviewed in two years). It is an
/// `Integer` variable when every value is a plain integer, else `Text`.
///
/// The output is deterministic: no dates, GUIDs derived from ids (see `QDAGUID`), everything in input order, so
/// exporting the same run twice gives the same bytes.
public struct QDAProjectWriter: Sendable {
    public static let namespace = "urn:QDA-XML:project:1.0"
    /// The name of the one user, who made every coding.
    public static let userName = "ThemeScan automatic coding"
    public static let projectFileName = "project.qde"

    public var codebook: Codebook
    public var unit: QDACodingUnit
    /// The project's name in the QDA program.
    public var name: String
    public var labelLanguages: [String]
    /// The `origin` attribute: the program that wrote the project.
    public var origin: String

    public init(
        codebook: Codebook, unit: QDACodingUnit = .match, name: String, labelLanguages: [String] = ["zh", "en"],
        origin: String = "ThemeScan"
    ) {
        self.codebook = codebook
        self.unit = unit
        self.name = name
        self.labelLanguages = labelLanguages
        self.origin = origin
    }

    /// The GUID of the automatic coder.
    public static let userGUID = QDAGUID(named: "user:themescan")

    /// The archive's files, in the order they are zipped: `project.qde`, then the sources by path.
    ///
    /// `matches` refer to `documents` by index (`Match.document`) and to the codebook's codes in order
    /// (`Credit.code`), as the analysis reports them.
    public func entries(documents: [Document], matches: [Match]) throws(ExportError) -> [QDAArchiveEntry] {
        guard !codebook.themes.isEmpty else { throw .emptyCodebook }
        let codes = codebook.codes
        let keys = Self.documentKeys(documents)
        let selections = try selections(documents: documents, matches: matches, codeCount: codes.count)
        let variables = QDAVariables(documents: documents)

        let xml: [UInt8]
        do throws(MarkupError) {
            let writer = try XMLWriter()
            writer.startElement("Project")
            writer.attribute("xmlns", Self.namespace)
            writer.attribute("name", name)
            writer.attribute("origin", origin)
            writer.attribute("creatingUserGUID", Self.userGUID.description)

            writer.startElement("Users")
            writer.startElement("User")
            writer.attribute("guid", Self.userGUID.description)
            writer.attribute("name", Self.userName)
            writer.attribute("id", "themescan")
            writer.endElement()
            writer.endElement()

            writer.startElement("CodeBook")
            QDACodebookWriter(labelLanguages: labelLanguages, origin: origin).writeCodes(of: codebook, into: writer)
            writer.endElement()

            variables.writeDeclarations(into: writer)
            writeCases(documents: documents, keys: keys, variables: variables, into: writer)

            writer.startElement("Sources")
            for (index, document) in documents.enumerated() {
                writeSource(
                    document, key: keys[index], selections: selections[index], variables: variables,
                    codes: codes, into: writer)
            }
            writer.endElement()

            writer.element(
                "Description",
                text: "Automatic coding by ThemeScan with the codebook \(codebook.name): one selection per \(unit.rawValue), coded with each code its terms credit.")
            writer.endElement()
            xml = try writer.finish()
        } catch {
            throw .xml(error)
        }

        var entries = [QDAArchiveEntry(path: Self.projectFileName, bytes: xml)]
        let sources = documents.indices.map { index in
            QDAArchiveEntry(path: "sources/\(Self.guid(ofDocument: keys[index])).txt", bytes: Array(documents[index].text.utf8))
        }
        entries += sources.sorted { $0.path < $1.path }
        return entries
    }

    /// Builds the project and writes it as a zip archive at `path`, replacing any file there only once the new
    /// archive is complete.
    public func write(documents: [Document], matches: [Match], to path: String) throws(ExportError) {
        let entries = try entries(documents: documents, matches: matches)
        do throws(OutputError) {
            try ZipArchiveWriter.write(entries, to: path)
        } catch {
            throw .output(error)
        }
    }

    // MARK: - Identity

    /// The GUID of a document, from its key (see `documentKeys`).
    public static func guid(ofDocument key: String) -> QDAGUID { QDAGUID(named: "document:" + key) }

    /// The GUID of a case.
    public static func guid(ofCase id: String) -> QDAGUID { QDAGUID(named: "case:" + id) }

    /// The GUID of a metadata variable.
    public static func guid(ofVariable name: String) -> QDAGUID { QDAGUID(named: "variable:" + name) }

    /// Each document's key for its GUIDs: its id, with `#2`, `#3`… added to a repeated id so that no two
    /// documents, and no two source files, share a GUID.
    static func documentKeys(_ documents: [Document]) -> [String] {
        var seen: [String: Int] = [:]
        var used = Set(documents.map(\.id))
        return documents.map { document in
            let count = seen[document.id, default: 0] + 1
            seen[document.id] = count
            guard count > 1 else { return document.id }
            var suffix = count
            while used.contains("\(document.id)#\(suffix)") { suffix += 1 }
            let key = "\(document.id)#\(suffix)"
            used.insert(key)
            return key
        }
    }

    // MARK: - Selections

    /// A stretch of a document coded with some codes.
    struct Selection {
        var start: Int
        var end: Int
        /// Indices into the codebook's codes, each once, in codebook order.
        var codes: [Int]
        var name: String?
    }

    /// Per document, its selections in text order.
    func selections(documents: [Document], matches: [Match], codeCount: Int) throws(ExportError) -> [[Selection]] {
        var perDocument = [[Selection]](repeating: [], count: documents.count)
        var lengths: [Int?] = Array(repeating: nil, count: documents.count)
        // Turns and sentences gather the codes of all their matches, by document and range.
        var grouped: [Int: [Range<Int>: Selection]] = [:]
        var sentences: [SegmentKey: [Range<Int>]] = [:]
        let sentenceSegmenter: SentenceSegmenter?
        do throws(TextError) {
            sentenceSegmenter = unit == .sentence ? try SentenceSegmenter() : nil
        } catch {
            throw .text(error)
        }
        for match in matches {
            guard documents.indices.contains(match.document) else {
                throw .unknownReference("document number \(match.document)")
            }
            let document = documents[match.document]
            let length = lengths[match.document] ?? document.text.unicodeScalars.count
            lengths[match.document] = length
            guard 0 <= match.start, match.start <= match.end, match.end <= length else {
                throw .matchOutsideText(document: document.id, start: match.start, end: match.end, length: length)
            }
            var codes: [Int] = []
            for credit in match.credits where !codes.contains(credit.code) {
                guard credit.code >= 0, credit.code < codeCount else {
                    throw .unknownReference("code number \(credit.code)")
                }
                codes.append(credit.code)
            }
            if unit == .match {
                perDocument[match.document].append(
                    Selection(start: match.start, end: match.end, codes: codes.sorted(), name: match.surface))
                continue
            }
            guard document.segments.indices.contains(match.segment) else {
                throw .unknownReference("segment \(match.segment) of \(document.id)")
            }
            let segment = document.segments[match.segment]
            let segmentEnd = segment.start + segment.text.unicodeScalars.count
            guard 0 <= segment.start, segmentEnd <= length else {
                throw .matchOutsideText(document: document.id, start: segment.start, end: segmentEnd, length: length)
            }
            var range = segment.start..<segmentEnd
            if let sentenceSegmenter {
                let key = SegmentKey(document: match.document, segment: match.segment)
                if sentences[key] == nil {
                    do throws(TextError) {
                        sentences[key] = Self.trimmed(try sentenceSegmenter.sentences(in: segment.text), in: segment.text)
                    } catch {
                        throw .text(error)
                    }
                }
                let local = (match.start - segment.start)..<(match.end - segment.start)
                let covering = sentences[key]!.filter { $0.overlaps(local) }
                let lower = min(covering.map(\.lowerBound).min() ?? local.lowerBound, local.lowerBound)
                let upper = max(covering.map(\.upperBound).max() ?? local.upperBound, local.upperBound)
                range = (segment.start + lower)..<(segment.start + upper)
            }
            var selection = grouped[match.document, default: [:]][range]
                ?? Selection(start: range.lowerBound, end: range.upperBound, codes: [], name: segment.speaker)
            selection.codes = Array(Set(selection.codes + codes)).sorted()
            grouped[match.document, default: [:]][range] = selection
        }
        for (document, byRange) in grouped {
            perDocument[document] = Array(byRange.values)
        }
        return perDocument.map { selections in
            selections.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        }
    }

    /// A segment of a document.
    struct SegmentKey: Hashable {
        var document: Int
        var segment: Int
    }

    /// Sentences without the whitespace ICU leaves at their end (a sentence of only whitespace stays as it is).
    static func trimmed(_ sentences: [Range<Int>], in text: String) -> [Range<Int>] {
        let scalars = Array(text.unicodeScalars)
        return sentences.map { sentence in
            var upper = sentence.upperBound
            while upper > sentence.lowerBound + 1, scalars[upper - 1].properties.isWhitespace { upper -= 1 }
            return sentence.lowerBound..<upper
        }
    }

    // MARK: - Writing

    private func writeCases(documents: [Document], keys: [String], variables: QDAVariables, into writer: XMLWriter) {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (index, document) in documents.enumerated() {
            if members[document.caseID] == nil { order.append(document.caseID) }
            members[document.caseID, default: []].append(index)
        }
        guard !order.isEmpty else { return }
        writer.startElement("Cases")
        for caseID in order {
            writer.startElement("Case")
            writer.attribute("guid", Self.guid(ofCase: caseID).description)
            writer.attribute("name", caseID)
            let first = documents[members[caseID]![0]]
            for variable in variables.caseLevel {
                if let value = first.metadata[variable.name], !value.isEmpty {
                    variables.writeValue(value, of: variable, into: writer)
                }
            }
            for index in members[caseID]! {
                writer.startElement("SourceRef")
                writer.attribute("targetGUID", Self.guid(ofDocument: keys[index]).description)
                writer.endElement()
            }
            writer.endElement()
        }
        writer.endElement()
    }

    private func writeSource(
        _ document: Document, key: String, selections: [Selection], variables: QDAVariables,
        codes: [(theme: Theme, code: Code)], into writer: XMLWriter
    ) {
        let guid = Self.guid(ofDocument: key)
        let user = Self.userGUID.description
        writer.startElement("TextSource")
        writer.attribute("guid", guid.description)
        writer.attribute("name", document.id)
        writer.attribute("plainTextPath", "internal://\(guid).txt")
        writer.attribute("creatingUser", user)
        writer.element(
            "Description",
            text: "source: \(document.source)\nformat: \(document.format.rawValue)\ncase: \(document.caseID)")
        for selection in selections {
            let selectionName = "selection:\(key):\(selection.start):\(selection.end)"
            let selectionGUID = QDAGUID(named: selectionName)
            writer.startElement("PlainTextSelection")
            writer.attribute("guid", selectionGUID.description)
            if let name = selection.name, !name.isEmpty { writer.attribute("name", name) }
            writer.attribute("startPosition", String(selection.start))
            writer.attribute("endPosition", String(selection.end))
            writer.attribute("creatingUser", user)
            for code in selection.codes {
                let id = codes[code].code.id
                writer.startElement("Coding")
                writer.attribute("guid", QDAGUID(named: "coding:\(selectionName):\(id)").description)
                writer.attribute("creatingUser", user)
                writer.startElement("CodeRef")
                writer.attribute("targetGUID", QDACodebookWriter.guid(ofCode: id).description)
                writer.endElement()
                writer.endElement()
            }
            writer.endElement()
        }
        for variable in variables.documentLevel {
            if let value = document.metadata[variable.name], !value.isEmpty {
                variables.writeValue(value, of: variable, into: writer)
            }
        }
        writer.endElement()
    }
}
