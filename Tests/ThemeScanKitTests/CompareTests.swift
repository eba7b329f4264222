import Foundation
import Testing

@testable import ThemeScanKit

/// `themescan compare` on two small finished runs, and `analyze --group-by`, through the real binary.
@Suite struct CompareTests {
    /// Two runs of the golden codebook: an early one of 2 cases (depression in both, bullying in one) and a late
    /// one of 3 cases (bullying in two, nothing in the third). Token counts come from ICU: 孩子|抑郁|也有|欺凌 and
    /// 抑郁|的|孩子|很多 make 8; 欺凌|和|霸凌|都有, 欺凌|很少 and 没有|问题 make 9 (each file ends in 。).
    static func twoRuns(extraLate: [String] = []) throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        try FileManager.default.copyItem(
            at: TestSupport.fixtures.appendingPathComponent("codebook.yaml"), to: folder.appendingPathComponent("codebook.yaml"))
        let files = [
            "early/a1.txt": "孩子抑郁，也有欺凌。\n", "early/a2.txt": "抑郁的孩子很多。\n",
            "late/b1.txt": "欺凌和霸凌都有。\n", "late/b2.txt": "欺凌很少。\n", "late/b3.txt": "没有问题。\n",
        ]
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        for (name, extra) in [("early", [String]()), ("late", extraLate)] {
            let run = try EndToEndTests.run(
                ["analyze", name, "--lexicon", "codebook.yaml", "--out", "run-\(name)", "--quiet"] + extra, in: folder)
            #expect(run.status == 0, "\(run.standardError)")
        }
        return folder
    }

    static func rows(_ url: URL) throws -> [String: [String: String]] {
        let records = try CSVParser().records(in: try EndToEndTests.read(url)).map(\.fields)
        let header = records[0]
        var rows: [String: [String: String]] = [:]
        for record in records.dropFirst() {
            rows[record[1]] = Dictionary(uniqueKeysWithValues: zip(header, record))
        }
        return rows
    }

    @Test func compareCSVHoldsTheCountsAndTestsOfEachCode() throws {
        let folder = try Self.twoRuns()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try EndToEndTests.run(
            ["compare", "run-early", "run-late", "--labels", "2021,2024", "--out", "cmp"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let rows = try Self.rows(folder.appendingPathComponent("cmp/compare.csv"))
        #expect(rows.count == 10, "every code of the codebook, zeros included")

        // Reference values from SciPy 1.17: with O = observed, N = tokens, E = N·ΣO/ΣN,
        // power_divergence(O, E, lambda_="log-likelihood") and fisher_exact([[coded, not], [coded, not]]).
        let depression = try #require(rows["depression"])
        let expectedDepression: [String: String] = [
            "occurrences_2021": "2", "tokens_2021": "8", "per_10k_2021": "2500.00", "cases_2021": "2",
            "cases_total_2021": "2", "case_pct_2021": "100.0", "occurrences_2024": "0", "tokens_2024": "9",
            "per_10k_2024": "0.00", "cases_2024": "0", "cases_total_2024": "3", "case_pct_2024": "0.0",
            // power_divergence([2, 0], [16/17, 18/17]) = 3.015087209505521, p = 0.08249301781742191
            "g2": "3.015", "g2_p": "0.08249",
            // BH over the two codes tested (depression, bullying): 2 · 0.08249 / 1
            "g2_p_adj": "0.165",
            // log2((0.5/9) / (2/8)): the zero count taken as 0.5; %DIFF = (0.5/9 − 2/8) / (2/8) · 100
            "log_ratio": "-2.170", "pct_diff": "-77.8",
            // fisher_exact([[2, 0], [0, 3]]) = 0.1 (expected counts under 5)
            "case_test": "fisher", "case_p": "0.1", "case_p_adj": "0.2", "case_diff_pp": "-100.0", "status": "ok",
        ]
        for (column, value) in expectedDepression { #expect(depression[column] == value, "depression \(column)") }

        let bullying = try #require(rows["bullying"])
        let expectedBullying: [String: String] = [
            "occurrences_2021": "1", "per_10k_2021": "1250.00", "cases_2021": "1", "case_pct_2021": "50.0",
            "occurrences_2024": "3", "per_10k_2024": "3333.33", "cases_2024": "2", "case_pct_2024": "66.7",
            // power_divergence([1, 3], [4·8/17, 4·9/17]) = 0.8247950481222739, p = 0.3637819262125459
            "g2": "0.825", "g2_p": "0.3638", "g2_p_adj": "0.3638",
            // log2((3/9) / (1/8)) = 1.415; (3/9 − 1/8) / (1/8) · 100 = 166.7
            "log_ratio": "1.415", "pct_diff": "166.7",
            // fisher_exact([[1, 1], [2, 1]]) = 1.0
            "case_test": "fisher", "case_p": "1", "case_diff_pp": "16.7",
        ]
        for (column, value) in expectedBullying { #expect(bullying[column] == value, "bullying \(column)") }

        // A code no run matched is listed with its zeros and left untested.
        let trauma = try #require(rows["trauma"])
        #expect(trauma["occurrences_2021"] == "0" && trauma["g2"] == "" && trauma["case_test"] == "")

        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("cmp").path)
        #expect(Set(names) == ["compare.csv", "compare.json", "compare_words.csv", "compare_words.json", "compare.svg", "compare.html", "run.json"])
        let provenance = try EndToEndTests.read(folder.appendingPathComponent("cmp/run.json"))
        let runJSON = try Data(contentsOf: folder.appendingPathComponent("run-early/run.json"))
        #expect(provenance.contains(SHA256.hexDigest([UInt8](runJSON))), "the comparison names the runs' hashes")
    }

    @Test func labelsDefaultToEachRunsLabelThenItsFolder() throws {
        let folder = try Self.twoRuns(extraLate: ["--label", "later"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try EndToEndTests.run(["compare", "run-early", "run-late", "--out", "cmp"], in: folder).status == 0)
        let header = try EndToEndTests.read(folder.appendingPathComponent("cmp/compare.csv")).prefix { $0 != "\r\n" }
        #expect(header.contains("occurrences_run-early,") && header.contains("occurrences_later,"))
    }

    @Test func runsMadeDifferentlyAreRefusedUnlessAllowed() throws {
        let folder = try Self.twoRuns(extraLate: ["--no-simplify", "--speakers", "respondent"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = try EndToEndTests.run(["compare", "run-early", "run-late", "--out", "cmp"], in: folder)
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("Traditional-to-Simplified conversion differs: run-early on, run-late off (--no-simplify)"))
        #expect(refused.standardError.contains("--speakers differs: run-early all, run-late respondent"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("cmp").path))
        let allowed = try EndToEndTests.run(
            ["compare", "run-early", "run-late", "--out", "cmp", "--allow-mismatch"], in: folder)
        #expect(allowed.status == 0)
        #expect(try EndToEndTests.read(folder.appendingPathComponent("cmp/run.json")).contains("--speakers differs"))
    }

    @Test func aFolderWithoutRunJSONIsNamed() throws {
        let folder = try Self.twoRuns()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("run-late/run.json"))
        let run = try EndToEndTests.run(["compare", "run-early", "run-late", "--out", "cmp"], in: folder)
        #expect(run.status != 0)
        #expect(run.standardError.contains("run-late: no run.json"))
    }

    @Test func groupByWritesWhatCompareWritesForSeparateRuns() throws {
        let folder = try Self.twoRuns()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The same documents in one run, grouped by a manifest column.
        let manifest = """
            file,case,year
            early/a1.txt,a1,2021
            early/a2.txt,a2,2021
            late/b1.txt,b1,2024
            late/b2.txt,b2,2024
            late/b3.txt,b3,2024

            """
        try Data(manifest.utf8).write(to: folder.appendingPathComponent("manifest.csv"))
        let grouped = try EndToEndTests.run(
            ["analyze", "--manifest", "manifest.csv", "--lexicon", "codebook.yaml", "--group-by", "year", "--out", "all"],
            in: folder)
        #expect(grouped.status == 0, "\(grouped.standardError)")
        #expect(try EndToEndTests.run(
            ["compare", "run-early", "run-late", "--labels", "2021,2024", "--out", "cmp"], in: folder).status == 0)
        for name in ["compare.csv", "compare_words.csv"] {
            let fromGroups = try Data(contentsOf: folder.appendingPathComponent("all/\(name)"))
            let fromRuns = try Data(contentsOf: folder.appendingPathComponent("cmp/\(name)"))
            #expect(fromGroups == fromRuns, "\(name) differs between --group-by and compare")
        }
        // Documents without the column are left out, and fewer than two values leave nothing to compare: warnings,
        // and no compare.csv.
        let single = try EndToEndTests.run(
            ["analyze", "early", "--lexicon", "codebook.yaml", "--group-by", "year", "--out", "one"], in: folder)
        #expect(single.status == 0)
        #expect(single.standardError.contains("--group-by year: 2 document(s) have no value"))
        #expect(single.standardError.contains("nothing to compare"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("one/compare.csv").path))
    }
}
