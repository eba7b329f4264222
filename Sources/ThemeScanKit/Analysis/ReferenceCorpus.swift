import Foundation

/// The n-gram counts of another corpus, read from the `ngrams.csv` of an earlier discovery run, to rank candidates
/// by keyness against.
public struct ReferenceCorpus: Sendable, Equatable {
    /// Word tokens of the reference corpus.
    public var tokens: Int
    public var documents: Int
    /// Occurrences of every n-gram counted there, by text.
    public var occurrences: [String: Int]

    public init(tokens: Int, documents: Int, occurrences: [String: Int]) {
        self.tokens = tokens
        self.documents = documents
        self.occurrences = occurrences
    }

    /// The counts of a tally, as a later run would read them back.
    public init(_ tally: NgramTally) {
        tokens = tally.tokens
        documents = tally.documents
        occurrences = tally.entries.mapValues(\.occurrences)
    }

    /// Reads `ngrams.csv` from a discovery run's output folder.
    public static func load(directory: String) throws(DiscoveryError) -> ReferenceCorpus {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(DiscoveryResult.ngramsFileName).path
        // Only a regular file is read: a pipe in its place would block.
        guard let bytes = try? RegularFile.read(path, limit: IngestionOptions.defaultMaximumFileBytes),
            let text = String(validating: bytes, as: UTF8.self)
        else { throw .missingReferenceTable(directory: directory) }
        return try ReferenceCorpus(ngramsCSV: text, path: path)
    }

    /// Parses the text of an `ngrams.csv`: the header, a totals row with an empty n-gram, then one row per n-gram.
    public init(ngramsCSV text: String, path: String) throws(DiscoveryError) {
        let records: [CSVRecord]
        do throws(CSVParser.Failure) {
            records = try CSVParser().records(in: text)
        } catch {
            throw .malformedReferenceTable(path: path, reason: error.description)
        }
        guard let header = records.first, header.fields == DiscoveryResult.ngramsHeader else {
            throw .malformedReferenceTable(
                path: path, reason: "the header must be \(DiscoveryResult.ngramsHeader.joined(separator: ","))")
        }
        guard records.count >= 2, records[1].fields.first == "", records[1].fields.count == 5,
            let tokens = Int(records[1].fields[2]), let documents = Int(records[1].fields[3])
        else {
            throw .malformedReferenceTable(path: path, reason: "line 2 must hold the corpus totals")
        }
        var occurrences: [String: Int] = [:]
        for record in records.dropFirst(2) {
            guard record.fields.count == 5, let count = Int(record.fields[2]) else {
                throw .malformedReferenceTable(
                    path: path, reason: "line \(record.line) is not ngram,words,occurrences,documents,cases")
            }
            occurrences[record.fields[0], default: 0] += count
        }
        self.init(tokens: tokens, documents: documents, occurrences: occurrences)
    }
}
