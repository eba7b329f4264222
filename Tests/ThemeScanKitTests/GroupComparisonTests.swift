import Foundation
import Testing

@testable import ThemeScanKit

/// The comparison engine behind `compare.csv` and `compare_words.csv`, checked against tables computed
/// independently in Python (SciPy 1.17.1, statsmodels 0.15.0) as each test states.
@Suite struct GroupComparisonTests {
    private func code(
        _ theme: String, _ id: String, _ label: String, _ occurrences: Int, _ cases: Int, _ terms: [String]
    ) -> ComparisonCodeCount {
        ComparisonCodeCount(themeID: theme, codeID: id, label: label, occurrences: occurrences, casesCoded: cases, terms: terms)
    }

    /// 2021 (12,000 tokens, 40 cases) against 2024 (20,000 tokens, 62 cases); bullying gained a term in 2024.
    private var twoYears: [ComparisonGroup] {
        [
            ComparisonGroup(
                label: "2021", source: "runs/2021", tokens: 12_000, casesTotal: 40,
                codes: [
                    code("conditions", "depression", "抑郁", 10, 3, ["抑郁", "抑郁症"]),
                    code("harm", "bullying", "欺凌", 0, 0, ["霸凌"]),
                    code("services", "rehabilitation", "康复", 6, 4, ["康复"]),
                ]),
            ComparisonGroup(
                label: "2024", source: "runs/2024", tokens: 20_000, casesTotal: 62,
                codes: [
                    code("conditions", "depression", "抑郁", 45, 12, ["抑郁症", "抑郁"]),
                    code("harm", "bullying", "欺凌", 9, 5, ["霸凌", "欺凌"]),
                    code("services", "rehabilitation", "康复", 6, 4, ["康复"]),
                ]),
        ]
    }

    @Test func twoGroupTableMatchesPythonCellByCell() throws {
        let comparison = try GroupComparison(groups: twoYears)
        let table = comparison.table()
        #expect(
            table.header == [
                "theme", "code", "label",
                "occurrences_2021", "tokens_2021", "per_10k_2021", "cases_2021", "cases_total_2021", "case_pct_2021",
                "occurrences_2024", "tokens_2024", "per_10k_2024", "cases_2024", "cases_total_2024", "case_pct_2024",
                "g2", "g2_p", "g2_p_adj", "log_ratio", "pct_diff", "case_test", "case_p", "case_p_adj", "case_diff_pp",
                "status",
            ])
        // From this Python (tokens N = {2021: 12000, 2024: 20000}, cases C = {2021: 40, 2024: 62}), per code:
        //   g2, p = scipy.stats.power_divergence(O, f_exp=N*O.sum()/N.sum(), lambda_='log-likelihood')
        //   t = [[c1, C1-c1], [c2, C2-c2]]; Fisher when chi2_contingency(t, correction=False).expected_freq.min() < 5:
        //   scipy.stats.fisher_exact(t)[1], else chi2_contingency(t, correction=False).pvalue
        //   adjusted: statsmodels multipletests(p, method='fdr_bh')[1] over the three codes
        //   log_ratio = math.log2((o2/N2)/(o1/N1)), pct_diff = (o2/N2-o1/N1)*100/(o1/N1), a zero count taken as 0.5
        //   formatted '%.2f' per 10k, '%.1f' percentages, '%.3f' G² and log ratio, '%.4g' p-values.
        let expected: [[String]] = [
            [
                "conditions", "depression", "抑郁", "10", "12000", "8.33", "3", "40", "7.5", "45", "20000", "22.50", "12",
                "62", "19.4", "9.762", "0.001782", "0.005346", "1.433", "170.0", "chi2", "0.09884", "0.2304", "11.9", "ok",
            ],
            [
                "harm", "bullying", "欺凌", "0", "12000", "0.00", "0", "40", "0.0", "9", "20000", "4.50", "5", "62", "8.1",
                "8.460", "0.00363", "0.005445", "3.433", "980.0", "fisher", "0.1536", "0.2304", "8.1", "different terms",
            ],
            [
                "services", "rehabilitation", "康复", "6", "12000", "5.00", "4", "40", "10.0", "6", "20000", "3.00", "4",
                "62", "6.5", "0.774", "0.3788", "0.3788", "-0.737", "-40.0", "fisher", "0.7085", "0.7085", "-3.5", "ok",
            ],
        ]
        #expect(table.rows.count == expected.count)
        for (row, reference) in zip(table.rows, expected) {
            #expect(row.count == table.header.count)
            for (column, (value, referenceValue)) in zip(row, reference).enumerated() {
                #expect(value == referenceValue, "\(reference[1]).\(table.header[column])")
            }
        }
        // Term lists are compared as sets: depression's terms in another order are the same terms.
        #expect(comparison.rows[0].status.isOK)
        #expect(comparison.diagnostics.count == 1)
        #expect(comparison.diagnostics[0].message.hasSuffix("bullying"))
    }

    @Test func swappingTheGroupsFlipsTheEffectsAndKeepsTheTests() throws {
        let forward = try GroupComparison(groups: twoYears)
        let backward = try GroupComparison(groups: twoYears.reversed())
        for (a, b) in zip(forward.rows, backward.rows) {
            #expect(a.codeID == b.codeID)
            let g2 = try #require(a.rateTest.result?.statistic)
            #expect(abs(g2 - (try #require(b.rateTest.result?.statistic))) < 1e-9 * g2)
            #expect(abs(try #require(a.rateTest.p) - (try #require(b.rateTest.p))) < 1e-12)
            #expect(abs(try #require(a.caseTest.p) - (try #require(b.caseTest.p))) < 1e-12)
            #expect(abs(try #require(a.logRatio) + (try #require(b.logRatio))) < 1e-12)
            let difference = try #require(a.percentDifference)
            #expect(difference.sign != (try #require(b.percentDifference)).sign)
            #expect(abs(try #require(a.caseDifference) + (try #require(b.caseDifference))) < 1e-12)
        }
    }

    @Test func codesMissingFromACodebookAreNotCountedAsZero() throws {
        var groups = twoYears
        // stigma was only coded in 2021; rehabilitation was dropped from 2021's codebook.
        groups[0].codes.removeLast()
        groups[0].codes.append(code("attitudes", "stigma", "污名", 7, 5, ["污名"]))
        let comparison = try GroupComparison(groups: groups)
        #expect(comparison.rows.map(\.codeID) == ["depression", "bullying", "rehabilitation", "stigma"])
        let table = comparison.table()
        let rehabilitation = table.rows[2]
        #expect(rehabilitation.last == "missing in 2021")
        #expect(Array(rehabilitation[3...8]) == ["", "", "", "", "", ""])
        #expect(Array(rehabilitation[9...14]) == ["6", "20000", "3.00", "4", "62", "6.5"])
        #expect(Array(rehabilitation[15...23]) == ["", "", "", "", "", "", "", "", ""])
        let stigma = table.rows[3]
        #expect(Array(stigma[0...2]) == ["attitudes", "stigma", "污名"])
        #expect(stigma.last == "missing in 2024")
        #expect(Array(stigma[9...14]) == ["", "", "", "", "", ""])
        #expect(comparison.rows[2].rateTest == .untested(.missing(in: ["2021"])))
        // Only depression and bullying were tested, so BH runs over two p-values, not four:
        // multipletests([0.001781959940353973, 0.0036302881712865936], method='fdr_bh')[1] -> [0.003564, 0.00363].
        #expect(table.rows[0][17] == "0.003564")
        #expect(table.rows[1][17] == "0.00363")
    }

    @Test func rowsFollowTheNewestCodebookThenOlderOnes() throws {
        let groups = [
            ComparisonGroup(label: "2019", tokens: 100, casesTotal: 5, codes: [code("t", "a", "A", 1, 1, []), code("t", "old", "Old", 1, 1, [])]),
            ComparisonGroup(label: "2021", tokens: 100, casesTotal: 5, codes: [code("t", "b", "B", 1, 1, []), code("t", "mid", "Mid", 1, 1, []), code("t", "a", "A", 1, 1, [])]),
            ComparisonGroup(label: "2024", tokens: 100, casesTotal: 5, codes: [code("t", "c", "C", 1, 1, []), code("t", "a", "A new", 1, 1, []), code("t", "b", "B", 1, 1, [])]),
        ]
        let comparison = try GroupComparison(groups: groups)
        #expect(comparison.rows.map(\.codeID) == ["c", "a", "b", "mid", "old"])
        #expect(comparison.rows[1].label == "A new")
        #expect(comparison.rows[3].status.description == "missing in 2019, 2024")
        #expect(comparison.rows[0].status.description == "missing in 2019, 2021")
    }

    @Test func threeGroupsHaveNoTwoGroupColumns() throws {
        let groups = [
            ComparisonGroup(label: "2019", tokens: 8000, casesTotal: 62, codes: [code("t", "depression", "抑郁", 12, 12, ["抑郁"])]),
            ComparisonGroup(label: "2021", tokens: 15_000, casesTotal: 40, codes: [code("t", "depression", "抑郁", 30, 3, ["抑郁"])]),
            ComparisonGroup(label: "2024", tokens: 6000, casesTotal: 80, codes: [code("t", "depression", "抑郁", 5, 20, ["抑郁"])]),
        ]
        let table = try GroupComparison(groups: groups).table()
        #expect(table.header.count == 3 + 3 * 6 + 10)
        let tests = Array(table.rows[0].suffix(10))
        // scipy.stats.power_divergence([12,30,5], f_exp=N*47/29000, lambda_='log-likelihood') with
        // N = [8000,15000,6000] -> (4.10871131823617, 0.12817539762436955);
        // chi2_contingency([[12,50],[3,37],[20,60]], correction=False) -> (5.258709677419355, 0.07212497947641555).
        // A single code: adjusted p-values equal the raw ones.
        #expect(tests == ["4.109", "0.1282", "0.1282", "", "", "chi2", "0.07212", "0.07212", "", "ok"])
    }

    @Test func groupWithoutTokensIsReportedNotDividedBy() throws {
        var groups = twoYears
        groups.insert(ComparisonGroup(label: "2022", source: "runs/2022", tokens: 0, casesTotal: 0, codes: groups[0].codes.map {
            var empty = $0
            empty.occurrences = 0
            empty.casesCoded = 0
            return empty
        }), at: 1)
        let comparison = try GroupComparison(groups: groups)
        let warnings = comparison.diagnostics.filter { $0.location.path == "runs/2022" }
        #expect(warnings.count == 2)
        #expect(warnings.allSatisfy { $0.severity == .warning })
        let depression = comparison.table().rows[0]
        #expect(Array(depression[9...14]) == ["0", "0", "", "0", "0", ""])
        let result = try #require(comparison.rows[0].rateTest.result)
        #expect(result.excludedGroups == [1])
        #expect(result.degreesOfFreedom == 1)
        // The same G² as between 2021 and 2024 alone (9.762 above).
        #expect(depression[21] == "9.762")
        #expect(comparison.rows[0].caseTest.result?.excludedGroups == [1])
    }

    @Test func mostChangedRanksByCaseDifferenceForTwoGroups() throws {
        let comparison = try GroupComparison(groups: twoYears, adjustment: .none)
        let changed = comparison.mostChanged(limit: 2)
        // |11.9| (depression) > |8.1| (bullying) > |−3.5| (rehabilitation); no case p below 0.05.
        #expect(changed.map(\.row.codeID) == ["depression", "bullying"])
        #expect(abs(changed[0].effect - (1200.0 / 62 - 7.5)) < 1e-12)
        #expect(changed.allSatisfy { !$0.significant })
        let lenient = comparison.mostChanged(limit: 10, significanceLevel: 0.1)
        #expect(lenient.map(\.significant) == [true, false, false])
    }

    @Test func mostChangedRanksByG2ForMoreGroups() throws {
        let groups = ["2019", "2021", "2024"].enumerated().map { index, label in
            ComparisonGroup(label: label, tokens: 10_000, casesTotal: 50, codes: [
                code("t", "flat", "Flat", 10, 5, []),
                code("t", "rising", "Rising", 5 + 40 * index, 5, []),
                code("t", "never", "Never", 0, 0, []),
            ])
        }
        let changed = try GroupComparison(groups: groups).mostChanged(limit: 5)
        #expect(changed.map(\.row.codeID) == ["rising", "flat"])
        #expect(changed[0].significant)
        #expect(!changed[1].significant)
    }

    @Test func badGroupsAreRefused() {
        let group = twoYears[0]
        #expect(throws: ComparisonError.tooFewGroups(1)) { try GroupComparison(groups: [group]) }
        #expect(throws: ComparisonError.duplicateLabel("2021")) { try GroupComparison(groups: [group, group]) }
        var overcounted = twoYears[1]
        overcounted.codes[0].casesCoded = 63
        #expect(throws: ComparisonError.casesOutOfRange(group: "runs/2024", code: "depression", coded: 63, total: 62)) {
            try GroupComparison(groups: [group, overcounted])
        }
    }

    @Test func wordTableMatchesPython() throws {
        let groups = [
            WordComparisonGroup(label: "2021", tokens: 1000, counts: ["心理": 10, "欺凌": 1, "学校": 5, "x": 2, "乙": 6, "甲": 6]),
            WordComparisonGroup(label: "2024", tokens: 2000, counts: ["心理": 20, "抑郁": 15, "欺凌": 8, "学校": 3, "x": 1]),
        ]
        let comparison = try WordComparison(groups: groups, options: WordComparisonOptions(minimumFrequency: 5, top: 3))
        // x (3 in all) is below the minimum; the six other words are tested and adjusted together:
        // scipy.stats.power_divergence(O, f_exp=N*O.sum()/N.sum(), lambda_='log-likelihood') per word and
        // statsmodels multipletests(p, method='fdr_bh')[1] over the six; sorted by (-G², word).
        #expect(comparison.testedCount == 6)
        let table = comparison.table()
        #expect(table.header == [
            "word", "occurrences_2021", "per_10k_2021", "occurrences_2024", "per_10k_2024", "g2", "g2_p", "g2_p_adj",
            "log_ratio", "pct_diff",
        ])
        #expect(table.rows == [
            ["乙", "6", "60.00", "0", "0.00", "13.183", "0.0002824", "0.0008473", "-4.585", "-95.8"],
            ["甲", "6", "60.00", "0", "0.00", "13.183", "0.0002824", "0.0008473", "-4.585", "-95.8"],
            ["抑郁", "0", "0.00", "15", "75.00", "12.164", "0.0004872", "0.0009744", "3.907", "1400.0"],
        ])
        let all = try WordComparison(groups: groups, options: WordComparisonOptions(minimumFrequency: 5, top: 100))
        #expect(all.table().rows.last == ["心理", "10", "100.00", "20", "100.00", "0.000", "1", "1", "0.000", "0.0"])
    }

    @Test func numbersAreFormattedAsDocumented() {
        #expect(StatisticFormat.p(9.505397766554137e-111) == "9.505e-111")
        #expect(StatisticFormat.p(1) == "1")
        #expect(StatisticFormat.p(nil) == "")
        #expect(StatisticFormat.logRatio(-0.0001) == "0.000")
        #expect(StatisticFormat.percent(-0.04) == "0.0")
        #expect(StatisticFormat.per10k(12.5) == "12.50")
        #expect(StatisticFormat.statistic(.infinity) == "inf")
    }
}

/// Groups built from what `analyze` counts, as `--group-by` builds them.
@Suite struct ComparisonGroupTallyTests {
    @Test func groupFromTallyCountsTokensCasesAndCodes() throws {
        let matcher = try TestSupport.matcher(codes: [
            (id: "depression", terms: ["抑郁"], exclude: []), (id: "bullying", terms: ["欺凌", "霸凌"], exclude: []),
        ])
        func tally(_ text: String, caseID: String) throws -> CorpusTally {
            var document = try TestSupport.analyze(text, with: matcher).tally
            document.caseID = caseID
            return CorpusTally(document)
        }
        var group = try tally("孩子抑郁，抑郁很严重", caseID: "program-a")
        group.merge(try tally("没有问题", caseID: "program-b"))
        group.merge(try tally("学校里有霸凌", caseID: "program-a"))
        let tokens = group.tokens
        #expect(tokens > 0)
        let documents = ["program-a", "program-b"].map { caseID in
            DocumentSummary(id: caseID, caseID: caseID, source: caseID, format: .text, encoding: "UTF-8", characters: 1, tokens: 1)
        }
        let tables = RunTables(
            codebook: RunCodebook(codes: matcher.codes, terms: matcher.terms), documents: DocumentSummaries(documents),
            tally: group,
            options: TableOptions())
        let comparisonGroup = ComparisonGroup(label: "2024", tables: tables)
        #expect(comparisonGroup.tokens == tokens)
        #expect(comparisonGroup.casesTotal == 2)
        #expect(comparisonGroup.codes.map(\.codeID) == ["depression", "bullying"])
        #expect(comparisonGroup.codes.map(\.occurrences) == [2, 1])
        #expect(comparisonGroup.codes.map(\.casesCoded) == [1, 1])
        #expect(comparisonGroup.codes[1].terms == ["欺凌", "霸凌"])
        #expect(comparisonGroup.codes[0].themeID == "t")
    }
}
