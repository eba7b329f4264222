extension TermDiscoverer {
    /// The candidates of a tally, best first: multi-word ones by C-value, then single words by TF-IDF, or, with a
    /// reference corpus, all by keyness against it. At most `settings.limit` of each kind.
    public func candidates(from tally: NgramTally, reference: ReferenceCorpus? = nil) -> [Candidate] {
        var multiWord: [Candidate] = []
        var singleWords: [Candidate] = []
        for (stats, score) in multiWordScores(in: tally) {
            if let candidate = candidate(stats, score: score) { multiWord.append(candidate) }
        }
        let caseCount = tally.cases
        for stats in tally.entries.values where stats.length == 1 && isSingleWordCandidate(stats) {
            let idf = TFIDF.inverseDocumentFrequency(units: caseCount, containing: stats.cases)
            let best = stats.caseOccurrences.map { entry in
                TFIDF.score(count: entry.value, tokens: tally.caseTokens[entry.key] ?? 0, inverseDocumentFrequency: idf)
            }.max() ?? 0
            if let candidate = candidate(stats, score: best * 10_000) { singleWords.append(candidate) }
        }
        guard let reference else {
            return Array(Self.ranked(multiWord).prefix(settings.limit))
                + Array(Self.ranked(singleWords).prefix(settings.limit))
        }
        func keyed(_ list: [Candidate]) -> [Candidate] {
            list.map { candidate in
                var keyed = candidate
                let count = reference.occurrences[candidate.text] ?? 0
                keyed.referenceOccurrences = count
                keyed.score = LogLikelihood.keyness(
                    targetCount: candidate.occurrences, targetTotal: tally.tokens, referenceCount: count,
                    referenceTotal: reference.tokens)
                keyed.logRatio = LogRatio.value(
                    targetCount: candidate.occurrences, targetTotal: tally.tokens, referenceCount: count,
                    referenceTotal: reference.tokens)
                return keyed
            }
        }
        let kept =
            Self.ranked(keyed(multiWord)).prefix(settings.limit) + Self.ranked(keyed(singleWords)).prefix(settings.limit)
        return Self.ranked(Array(kept))
    }

    /// Best first: higher score, then more occurrences, then more words (a fragment that always goes with its longer
    /// term ties with it on keyness), then the text in code point order, so ties never depend on dictionary order.
    static func ranked(_ candidates: [Candidate]) -> [Candidate] {
        candidates.sorted { left, right in
            if left.score != right.score { return left.score > right.score }
            if left.occurrences != right.occurrences { return left.occurrences > right.occurrences }
            if left.length != right.length { return left.length > right.length }
            return left.text.unicodeScalars.lexicographicallyPrecedes(right.text.unicodeScalars)
        }
    }

    /// Whether an n-gram is seen often and widely enough to be proposed.
    private func isFrequent(_ stats: NgramStats) -> Bool {
        stats.occurrences >= settings.minimumOccurrences && stats.documents >= settings.minimumDocuments
    }

    /// Multi-word n-grams that pass the floor, are not bounded by stopwords and hold together, with their C-value;
    /// those with a C-value of zero or less (never seen outside longer candidates) are left out.
    func multiWordScores(in tally: NgramTally) -> [(stats: NgramStats, score: Double)] {
        let positions = max(tally.tokens, 1)
        var kept: [String: NgramStats] = [:]
        for (text, stats) in tally.entries where stats.length >= 2 && isFrequent(stats) {
            guard !stopwords.contains(stats.tokens[0]), !stopwords.contains(stats.tokens[stats.length - 1]),
                !stopwords.contains(text),
                stats.script != .han || !stats.tokens.contains(where: settings.hanPhraseParticles.contains)
            else { continue }
            // The weakest link: a sequence holds together only if no split of it is a chance meeting.
            let association = (1..<stats.length).map { split in
                LogLikelihood.association(
                    joint: stats.occurrences, left: tally.occurrences(of: stats.text(of: 0..<split)),
                    right: tally.occurrences(of: stats.text(of: split..<stats.length)), positions: positions)
            }.min() ?? 0
            if association >= settings.minimumAssociation { kept[text] = stats }
        }
        // Frantzi et al.'s order: longest first, each string passing on to its substrings the occurrences it has
        // of its own (f − t), so an occurrence nested two levels deep is not subtracted twice.
        let longestFirst = kept.sorted { left, right in
            if left.value.length != right.value.length { return left.value.length > right.value.length }
            return left.key.unicodeScalars.lexicographicallyPrecedes(right.key.unicodeScalars)
        }
        var nesting: [String: (count: Int, frequency: Int)] = [:]
        var scored: [(stats: NgramStats, score: Double)] = []
        for (text, stats) in longestFirst {
            let nested = nesting[text] ?? (0, 0)
            let score = CValue.score(
                length: stats.length, frequency: stats.occurrences, nestingCount: nested.count,
                nestingFrequency: nested.frequency)
            if score > 0 { scored.append((stats, score)) }
            // A longer candidate never seen on its own (f − t = 0) is no separate context of its substrings: it
            // would only lower the average subtracted from them, so it is not counted among their containers.
            let own = stats.occurrences - nested.frequency
            guard stats.length > 2, own > 0 else { continue }
            var inside: Set<String> = []
            for start in 0..<(stats.length - 1) {
                for end in (start + 2)...stats.length where end - start < stats.length {
                    let part = stats.text(of: start..<end)
                    guard kept[part] != nil, inside.insert(part).inserted else { continue }
                    nesting[part, default: (0, 0)].count += 1
                    nesting[part, default: (0, 0)].frequency += own
                }
            }
        }
        return scored
    }

    /// Whether a single word is long enough, frequent enough and no stopword.
    private func isSingleWordCandidate(_ stats: NgramStats) -> Bool {
        guard isFrequent(stats), !stopwords.contains(stats.tokens[0]) else { return false }
        let characters = stats.tokens[0].unicodeScalars.count
        switch stats.script {
        case .han: return characters >= settings.minimumHanWordLength
        case .alphabetic: return characters >= settings.minimumAlphabeticWordLength
        }
    }

    /// A candidate for an n-gram, or nil when a codebook term matches it whole.
    private func candidate(_ stats: NgramStats, score: Double) -> Candidate? {
        let text = stats.text
        var coveredBy: [String] = []
        if let matcher {
            let units = Array(text.utf16)
            let normalized = NormalizedText(
                units: units, originalStarts: (0..<units.count).map(Int32.init),
                originalEnds: (0..<units.count).map { Int32($0 + 1) })
            let spans = matcher.spans(in: normalized)
            if spans.contains(where: { $0.range == 0..<units.count }) { return nil }
            let codes = Set(spans.flatMap { $0.credits.map(\.code) })
            coveredBy = codes.sorted().map { matcher.codes[$0].code.id }
        }
        return Candidate(
            text: text, script: stats.script, length: stats.length, score: score, occurrences: stats.occurrences,
            documents: stats.documents, cases: stats.cases, example: stats.example?.excerpt() ?? "",
            coveredBy: coveredBy)
    }
}
