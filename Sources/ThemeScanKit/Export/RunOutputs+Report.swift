extension RunOutputs {
    /// The two clouds as SVG documents.
    struct Clouds {
        var codes: String
        var words: String
    }

    /// The group words outside the codebook are drawn in.
    static let otherGroup = "other"

    /// The code cloud (codes sized by the cloud weight, coloured by theme) and the word cloud (the most frequent
    /// words, a codebook term coloured by its code's theme, any other word grey).
    func clouds() throws -> Clouds {
        let options = tables.options
        let codebook = tables.codebook
        let languages = [tables.cloudLanguage] + options.labelLanguages
        let themeLabels = Dictionary(
            uniqueKeysWithValues: codebook.themes.map { ($0.id, codebook.label(ofTheme: $0.id, languages: languages)) })
        let themeOrder = codebook.themes.map { themeLabels[$0.id]! }
        let codeWords = tables.cloudEntries().map { entry in
            WordCloudWord(
                label: entry.label, weight: Double(entry.weight), group: themeLabels[codebook.codes[entry.code].theme]!)
        }
        let codes = try WordCloudSVG(
            title: "Codes by \(options.cloudWeight.rawValue)", groupOrder: themeOrder,
            weightUnit: options.cloudWeight.rawValue
        ).render(WordCloudLayout().layout(codeWords))
        let words = tables.wordEntries().prefix(options.cloudSize).map { entry in
            WordCloudWord(
                label: entry.word, weight: Double(entry.occurrences),
                group: entry.codes.first.map { themeLabels[codebook.codes[$0].theme]! } ?? Self.otherGroup)
        }
        let wordCloud = try WordCloudSVG(
            title: "The \(words.count) most frequent words", groupOrder: themeOrder + [Self.otherGroup],
            neutralGroup: Self.otherGroup, weightUnit: "occurrences"
        ).render(WordCloudLayout().layout(Array(words)))
        return Clouds(codes: codes, words: wordCloud)
    }

    /// The first passages of each code in `matches.csv`, in document and text order, up to the report's number
    /// per code; reading stops once every code that occurs has its passages.
    static func samplePassages(matchesPath: String, tables: RunTables) throws -> [String: [ReportPassage]] {
        let wanted = tables.options.passagesPerCode
        var missing = Dictionary(
            uniqueKeysWithValues: tables.codebook.codes.indices.compactMap { index -> (String, Int)? in
                let count = min(wanted, tables.tally.codeOccurrences[index])
                return count > 0 ? (tables.codebook.codes[index].code, count) : nil
            })
        var passages: [String: [ReportPassage]] = [:]
        var reader = try CSVRecordReader(path: matchesPath)
        var record: [UInt8] = []
        var isHeader = true
        let parser = CSVParser()
        while !missing.isEmpty {
            record.removeAll(keepingCapacity: true)
            guard try reader.copyRecords(1, to: &record) else { break }
            if isHeader {
                isHeader = false
                continue
            }
            guard let fields = try parser.records(in: String(decoding: record, as: UTF8.self)).first?.fields,
                fields.count >= 13
            else { continue }
            let code = fields[6]
            guard let left = missing[code] else { continue }
            passages[code, default: []].append(
                ReportPassage(
                    documentID: fields[0], caseID: fields[1], speaker: fields[2].isEmpty ? nil : fields[2],
                    left: fields[11], surface: fields[8], right: fields[12]))
            missing[code] = left > 1 ? left - 1 : nil
        }
        return passages
    }

    /// Report passages from matches kept while analyzing: the first of each code, as `samplePassages` finds them.
    func passages(from samples: [Int: [Match]]) -> [String: [ReportPassage]] {
        var passages: [String: [ReportPassage]] = [:]
        for (code, matches) in samples {
            passages[tables.codebook.codes[code].code] = matches.prefix(tables.options.passagesPerCode).map { match in
                let document = tables.documents[match.document]
                return ReportPassage(
                    documentID: document.id, caseID: document.caseID,
                    speaker: (match.speaker ?? "").isEmpty ? nil : match.speaker, left: match.left,
                    surface: match.surface, right: match.right)
            }
        }
        return passages
    }

    /// Everything the report shows; `cases` are the run's (`RunTables.cases`).
    func reportModel(clouds: Clouds, passages: [String: [ReportPassage]], cases: CaseList) -> ReportModel {
        let options = tables.options
        let codebook = tables.codebook
        let tally = tables.tally
        let languages = options.labelLanguages
        func themeLabel(_ code: Int) -> String { codebook.label(ofTheme: codebook.codes[code].theme, languages: languages) }
        // Documents and tokens by format and by encoding, in one pass: a survey's summaries are read back from disk.
        var byFormat: [String: (documents: Int, tokens: Int)] = [:]
        var byEncoding: [String: (documents: Int, tokens: Int)] = [:]
        for document in tables.documents {
            byFormat[document.format.rawValue, default: (0, 0)].documents += 1
            byFormat[document.format.rawValue, default: (0, 0)].tokens += document.tokens
            byEncoding[document.encoding, default: (0, 0)].documents += 1
            byEncoding[document.encoding, default: (0, 0)].tokens += document.tokens
        }
        func counts(_ byLabel: [String: (documents: Int, tokens: Int)]) -> [ReportCount] {
            byLabel.keys.sorted().map { ReportCount(label: $0, count: byLabel[$0]!.documents, tokens: byLabel[$0]!.tokens) }
        }
        let corpus = ReportCorpusSummary(
            documents: tables.documents.count, cases: cases.count, tokens: tally.tokens,
            characters: tally.characters, formats: counts(byFormat), encodings: counts(byEncoding),
            speakerRoles: tally.roleSegments.keys.sorted().map {
                ReportCount(label: $0, count: tally.roleSegments[$0]!, tokens: tally.roleTokens[$0])
            })
        let topCodes = tables.cloudEntries().prefix(Self.barChartCodes).map { entry in
            ReportCodeBar(label: entry.label, theme: themeLabel(entry.code), occurrences: entry.occurrences, cases: entry.cases)
        }
        let mapped = Self.heatMapRows(cases: cases)
        let heatMap = ReportHeatMap(
            caseIDs: mapped.map { cases[$0] },
            codeLabels: codebook.codes.indices.map { codebook.label(ofCode: $0, languages: languages) },
            counts: mapped.map { cases.codeCounts(at: $0, width: codebook.codes.count) },
            hiddenCases: cases.count - mapped.count)
        let samples = codebook.codes.indices.filter { tally.codeOccurrences[$0] > 0 }.map { index in
            ReportCodeSample(
                label: codebook.label(ofCode: index, languages: languages), theme: themeLabel(index),
                totalMatches: tally.codeOccurrences[index], passages: passages[codebook.codes[index].code] ?? [])
        }
        return ReportModel(
            title: "ThemeScan report", run: facts, corpus: corpus, topCodes: Array(topCodes),
            barMeasure: options.cloudWeight == .cases ? .cases : .occurrences, codeCloudSVG: clouds.codes,
            wordCloudSVG: clouds.words, heatMap: heatMap, samples: samples,
            unmatchedCodes: codebook.codes.indices.filter { tally.codeOccurrences[$0] == 0 }.map {
                codebook.label(ofCode: $0, languages: languages)
            },
            warnings: warnings,
            footer: "\(facts.toolVersion), ICU \(ICU.version). The command line, input hashes and times are in run.json.")
    }

    /// How many codes the bar chart shows.
    static let barChartCodes = 20

    /// How many cases the report's heat map shows at most. A survey export with a case per row has tens of
    /// thousands: a row each made a report of hundreds of megabytes that no browser opens, while `case_codes.csv`
    /// holds every case anyway.
    static let heatMapCases = 200

    /// The positions in `cases` of the cases the heat map shows, in their order there: all of them, or, when there
    /// are more than `heatMapCases`, those with the most code occurrences (the earlier one on a tie).
    static func heatMapRows(cases: CaseList, limit: Int = heatMapCases) -> [Int] {
        guard cases.count > limit else { return Array(cases.indices) }
        // The chosen so far, most occurrences first, then earliest: as long as the heat map, not the list.
        var chosen: [(total: Int, position: Int)] = []
        for position in cases.indices {
            let total = cases.totalCodeCount(at: position)
            if chosen.count == limit {
                guard total > chosen[limit - 1].total else { continue }
                chosen.removeLast()
            }
            var low = 0
            var high = chosen.count
            while low < high {
                let middle = (low + high) / 2
                if chosen[middle].total >= total { low = middle + 1 } else { high = middle }
            }
            chosen.insert((total, position), at: low)
        }
        return chosen.map(\.position).sorted()
    }
}
