import Foundation

/// Words left out of word lists and term discovery (`lexicons/stopwords-zh.txt`, `lexicons/stopwords-en.txt`).
///
/// Entries are kept in matching form (NFKC, case-folded, Simplified), so 這個 in Traditional text meets 这个. An
/// entry of one word bounds candidates (no candidate starts or ends with it); an entry of several words (you know,
/// 怎么说呢) is never a candidate itself.
public struct StopwordList: Sendable, Equatable {
    /// Entries in matching form; English phrases with single spaces.
    public private(set) var entries: Set<String>

    public init(entries: Set<String> = []) {
        self.entries = entries
    }

    /// The entries of a list's text: one per line, `#` starts a comment, blank lines ignored.
    public init(text: String, normalizer: TextNormalizer) throws(TextError) {
        entries = []
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            let entry = (line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .trimmingCharacters(in: .whitespaces)
            guard !entry.isEmpty else { continue }
            let words = try normalizer.normalize(entry).string.split(whereSeparator: \.isWhitespace)
            entries.insert(words.joined(separator: " "))
        }
    }

    /// Reads a list file; throws `IngestionError.unreadable` when it cannot be read as UTF-8.
    public static func load(path: String, normalizer: TextNormalizer) throws -> StopwordList {
        let bytes: [UInt8]
        do throws(RegularFile.Failure) {
            // A pipe or device named as the list is refused rather than read forever.
            bytes = try RegularFile.read(path, limit: IngestionOptions.defaultMaximumFileBytes)
        } catch {
            throw IngestionError.unreadable(path: path, reason: error.reason)
        }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            throw IngestionError.unreadable(path: path, reason: "a stopword list must be UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return try StopwordList(text: text, normalizer: normalizer)
    }

    /// Whether a word or phrase, in matching form, is a stopword.
    public func contains(_ normalized: String) -> Bool {
        entries.contains(normalized)
    }

    /// This list with another's entries added.
    public func merging(_ other: StopwordList) -> StopwordList {
        StopwordList(entries: entries.union(other.entries))
    }
}
