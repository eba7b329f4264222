/// How often each word occurs in each case, under integer word ids, for the `cases` column of `words.csv`.
///
/// A run with thousands of cases meets thousands of distinct words in each, so a dictionary of strings per case
/// (about 40 bytes an entry) made memory grow with the corpus; here each distinct word's text is kept once and
/// each case holds 8-byte entries (`CaseCountTable`). Ids depend on the order words were met, so equality and
/// hashing go by words and counts, never by ids: tallies merged in any order are equal.
public struct CaseWordTable: Sendable {
    private var ids: [String: Int] = [:]
    private var texts: [String] = []
    private var counts = CaseCountTable()

    public init() {}

    public var isEmpty: Bool { counts.isEmpty }

    /// Adds the word counts of one document of `caseID`.
    public mutating func add(case caseID: String, words: [String: Int]) {
        guard !words.isEmpty else { return }
        let keyed = words.map { (key: id(of: $0.key), count: $0.value) }
        counts.add(case: caseID, keyed)
    }

    /// Adds another table into this one.
    public mutating func merge(_ other: CaseWordTable) {
        counts.merge(other.counts, keys: other.texts.map { id(of: $0) })
    }

    /// About the bytes that the cases' counts take, their words' texts aside.
    var heldCaseBytes: Int { counts.heldCaseBytes }

    /// Sets the cases' counts aside in `writer`'s file (`CaseCountTable.setAsideCases(to:)`); the words' texts stay,
    /// as the vocabulary grows much more slowly than the cases.
    mutating func setAsideCases(to writer: inout SetAsideWriter) throws(TextError) {
        try counts.setAsideCases(to: &writer)
    }

    /// The number of cases in which each word occurs at least `minimum` times.
    public func caseCounts(minimum: Int = 1) -> [String: Int] {
        var result: [String: Int] = [:]
        for (id, count) in counts.caseCounts(minimum: minimum, width: texts.count).enumerated() where count > 0 {
            result[texts[id]] = count
        }
        return result
    }

    /// Every case's word counts by word text, for comparing tables.
    public var byCase: [String: [String: Int]] {
        counts.byCase.mapValues { entries in Dictionary(uniqueKeysWithValues: entries.map { (texts[$0.key], $0.value) }) }
    }

    private mutating func id(of word: String) -> Int {
        if let id = ids[word] { return id }
        let id = texts.count
        ids[word] = id
        texts.append(word)
        return id
    }
}

extension CaseWordTable: Hashable {
    public static func == (lhs: CaseWordTable, rhs: CaseWordTable) -> Bool { lhs.byCase == rhs.byCase }

    public func hash(into hasher: inout Hasher) { hasher.combine(byCase) }
}
