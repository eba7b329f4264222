extension RunTables {
    /// The language of the code cloud's labels: the chosen one, else zh when the codebook has zh labels, else the
    /// first preferred label language.
    public var cloudLanguage: String {
        if let chosen = options.cloudLanguage { return chosen }
        return codebook.hasLabels(in: "zh") ? "zh" : (options.labelLanguages.first ?? "en")
    }

    /// One code of the word cloud.
    public struct CloudEntry: Sendable, Equatable {
        public var code: Int
        public var label: String
        public var weight: Int
        public var occurrences: Int
        public var cases: Int
    }

    /// The codes with at least one occurrence, heaviest first, then by label.
    public func cloudEntries() -> [CloudEntry] {
        let cases = codeCases
        let languages = [cloudLanguage] + options.labelLanguages
        var entries: [CloudEntry] = []
        for index in codebook.codes.indices where tally.codeOccurrences[index] > 0 {
            let occurrences = tally.codeOccurrences[index]
            entries.append(
                CloudEntry(
                    code: index, label: codebook.label(ofCode: index, languages: languages),
                    weight: options.cloudWeight == .cases ? cases[index] : occurrences, occurrences: occurrences,
                    cases: cases[index]))
        }
        return entries.sorted { ($1.weight, $0.label, $0.code) < ($0.weight, $1.label, $1.code) }
    }

    /// `wordcloud.csv`: `label,weight,occurrences,cases,theme,code`, one row per code that occurs.
    public func wordcloudTable() -> CSVTable {
        var table = CSVTable(header: ["label", "weight", "occurrences", "cases", "theme", "code"])
        for entry in cloudEntries() {
            let code = codebook.codes[entry.code]
            table.rows.append([
                entry.label, String(entry.weight), String(entry.occurrences), String(entry.cases), code.theme, code.code,
            ])
        }
        return table
    }

    /// One word of the open-vocabulary list.
    public struct WordEntry: Sendable, Equatable {
        public var word: String
        public var occurrences: Int
        public var documents: Int
        public var cases: Int
        /// The codes the word credits when it is a codebook match, in codebook order; empty otherwise.
        public var codes: [Int]
    }

    /// Every counted word, most frequent first, then by word.
    public func wordEntries() -> [WordEntry] {
        let cases = tally.wordCases(minimum: options.minimumOccurrences)
        return tally.words.map { word, count in
            WordEntry(
                word: word, occurrences: count.occurrences, documents: count.documents, cases: cases[word] ?? 0,
                codes: (tally.wordCodes[word] ?? []).sorted())
        }.sorted { ($1.occurrences, $0.word) < ($0.occurrences, $1.word) }
    }

    /// `words.csv`: `word,occurrences,documents,cases,code`, `code` naming the codes of a codebook match.
    public func wordsTable() -> CSVTable {
        var table = CSVTable(header: ["word", "occurrences", "documents", "cases", "code"])
        for entry in wordEntries() {
            table.rows.append([
                entry.word, String(entry.occurrences), String(entry.documents), String(entry.cases),
                entry.codes.map { codebook.codes[$0].code }.joined(separator: ";"),
            ])
        }
        return table
    }
}
